package io.onex.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.onex.core.yaml.YamlDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The format pages stay true: their examples validate and they name every field and code. */
class DocsTest {
  private static final Path DOCS = Paths.get("").toAbsolutePath().resolveSibling("docs");

  private static String page(String relative) throws IOException {
    return Files.readString(DOCS.resolve(relative), StandardCharsets.UTF_8);
  }

  private static String firstBlock(String markdown, String lang) {
    Matcher m = Pattern.compile("```" + lang + "\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    assertTrue(m.find(), "no ```" + lang + " block");
    return m.group(1);
  }

  @ParameterizedTest
  @CsvSource({
      "formats/node-metadata.md, yaml, NODE_METADATA",
      "formats/state-contract.md, json, STATE_CONTRACT",
      "formats/execution-record.md, json, EXECUTION_RECORD"})
  void example_validates(String file, String lang, SchemaId id) throws IOException {
    JsonNode example = new ObjectMapper(new YAMLFactory()).readTree(firstBlock(page(file), lang));
    assertEquals(java.util.List.of(),
        SchemaValidator.validate(id, new YamlDocument(file, example, Map.of())));
  }

  @ParameterizedTest
  @CsvSource({
      "formats/node-metadata.md, NODE_METADATA",
      "formats/state-contract.md, STATE_CONTRACT",
      "formats/execution-record.md, EXECUTION_RECORD"})
  void page_namesEveryProperty(String file, SchemaId id) throws IOException {
    String text = page(file);
    checkProperties(Schemas.source(id), text, file);
  }

  @Test
  void errorsPage_listsEveryCode() throws IOException {
    String text = page("errors/schema.md");
    for (SchemaError e : SchemaError.values()) {
      assertTrue(text.contains("`" + e.id() + "` | " + e.title() + " |"), e.id() + " missing or retitled");
    }
  }

  private static void checkProperties(JsonNode schema, String text, String file) {
    if (schema.isObject()) {
      schema.path("properties").fieldNames().forEachRemaining(
          name -> assertTrue(text.contains("`" + name + "`"), file + " does not document `" + name + "`"));
      schema.forEach(child -> checkProperties(child, text, file));
    } else if (schema.isArray()) {
      schema.forEach(child -> checkProperties(child, text, file));
    }
  }
}
