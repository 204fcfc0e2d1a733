package io.onex.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.yaml.YamlDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Messages, positions, hints and ordering of the diagnostics. */
class SchemaValidatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String vector(String name) throws IOException {
    try (InputStream in = SchemaValidatorTest.class.getResourceAsStream("/vectors/schema/" + name + "/node.onex.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<Diagnostic> validate(String yaml) throws IOException {
    return SchemaValidator.validate(SchemaId.NODE_METADATA, LocatedYaml.parse(yaml, "node.onex.yaml"));
  }

  private static Diagnostic only(List<Diagnostic> diagnostics) {
    assertEquals(1, diagnostics.size(), diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
    return diagnostics.get(0);
  }

  @Test
  void validate_unknownKey_pointsAtKeyAndSuggests() throws IOException {
    String yaml = vector("minimal") + "lifecycel: draft\n";
    Diagnostic d = only(validate(yaml));
    assertEquals("ONEX-S002", d.code());
    assertEquals("lifecycel", d.field());
    assertEquals(yaml.split("\n").length, d.line());
    assertEquals(1, d.column());
    assertEquals("did you mean `lifecycle`?", d.hint());
    assertEquals("node.onex.yaml", d.file());
  }

  @Test
  void validate_unknownNestedKey_pointsAtNestedKey() throws IOException {
    String yaml = vector("minimal").replace("  target: src/main.py\n", "  target: src/main.py\n  targt: x\n");
    Diagnostic d = only(validate(yaml));
    assertEquals("entrypoint.targt", d.field());
    assertEquals(15, d.line());
    assertEquals(3, d.column());
    assertEquals("did you mean `target`?", d.hint());
  }

  @Test
  void validate_unknownKeyFarFromAll_listsAllowedFields() throws IOException {
    Diagnostic d = only(validate(vector("minimal").replace("  target: src/main.py\n", "  target: src/main.py\n  command: run\n")));
    assertEquals("remove it; allowed here: type, target, args, interpreter", d.hint());
  }

  @Test
  void validate_missingField_pointsAtParent() throws IOException {
    Diagnostic d = only(validate(vector("entrypoint_missing_target_fail")));
    assertEquals("ONEX-S001", d.code());
    assertEquals("entrypoint.target", d.field());
    assertEquals(12, d.line());
    assertTrue(d.message().contains("`target`") && d.message().contains("`entrypoint`"), d.message());
  }

  @Test
  void validate_versionAsNumber_hintsToQuote() throws IOException {
    Diagnostic d = only(validate(vector("version_as_number_fail")));
    assertEquals("ONEX-S003", d.code());
    assertEquals(3, d.line());
    assertEquals("`version` must be a string, found a number 1.0", d.message());
    assertEquals("quote it so YAML reads it as text: version: \"1.0\"", d.hint());
  }

  @Test
  void validate_lifecycleTypo_suggestsNearest() throws IOException {
    Diagnostic d = only(validate(vector("minimal").replace("lifecycle: active", "lifecycle: actve")));
    assertEquals("ONEX-S004", d.code());
    assertEquals("did you mean `active`?", d.hint());
    assertTrue(d.message().contains("draft, review, active, deprecated, archived"), d.message());
  }

  @Test
  void validate_lifecycleTemplate_listsAllowedValues() throws IOException {
    Diagnostic d = only(validate(vector("lifecycle_template_fail")));
    assertEquals("use one of: draft, review, active, deprecated, archived", d.hint());
  }

  @Test
  void validate_pattern_explainedInWords() throws IOException {
    Diagnostic d = only(validate(vector("name_uppercase_fail")));
    assertEquals("`name` must be lowercase letters, digits and _, starting with a letter, at most 64"
        + " characters, found \"Extract-Summary\"", d.message());
  }

  @Test
  void validate_hashPlaceholder_hintsStamp() throws IOException {
    Diagnostic d = only(validate(vector("hash_placeholder_fail")));
    assertTrue(d.hint().contains("onex stamp"), d.hint());
  }

  @Test
  void validate_dateTimeWithoutZone_oneDiagnosticWithHint() throws IOException {
    Diagnostic d = only(validate(vector("last_modified_without_zone_fail")));
    assertEquals("ONEX-S006", d.code());
    assertEquals("add the time zone, e.g. \"2025-05-27T00:00:00.000000Z\" for UTC", d.hint());
  }

  @Test
  void validate_testWithBothExpectations_namesBoth() throws IOException {
    Diagnostic d = only(validate(vector("test_with_output_and_error_fail")));
    assertEquals("`tests[0]` must have exactly one of `expected_output`, `expected_error`, but has both",
        d.message());
    assertEquals(18, d.line());
  }

  @Test
  void validate_manyProblems_allReportedInSourceOrder() throws IOException {
    String yaml = vector("minimal")
        .replace("version: \"1.0.0\"\nuuid", "version: 1.0\nuuid")
        .replace("lifecycle: active", "lifecycle: template")
        .replace("meta_type: tool", "meta_type: tools\nlifecycel: x");
    List<Diagnostic> ds = validate(yaml);
    assertEquals(List.of("ONEX-S003 version", "ONEX-S004 lifecycle", "ONEX-S004 meta_type", "ONEX-S002 lifecycel"),
        ds.stream().map(d -> d.code() + " " + d.field()).collect(Collectors.toList()));
    assertEquals(ds, validate(yaml), "same input, same diagnostics");
  }

  @Test
  void validate_xKeys_accepted() throws IOException {
    assertEquals(List.of(), validate(vector("minimal") + "x-anything: {a: [1]}\nx-y: 2\n"));
  }

  @Test
  void validate_jsonTree_hasNoPositions() throws IOException {
    ObjectNode record = (ObjectNode) JSON.readTree(
        SchemaValidatorTest.class.getResourceAsStream("/vectors/execution-record/success/record.json"));
    record.put("status", "partial");
    record.remove("cache_key");
    List<Diagnostic> ds = SchemaValidator.validate(SchemaId.EXECUTION_RECORD, record, "rec.json");
    assertEquals(List.of("ONEX-S001 cache_key 0 0", "ONEX-S004 status 0 0"),
        ds.stream().map(d -> d.code() + " " + d.field() + " " + d.line() + " " + d.column()).collect(Collectors.toList()));
  }

  @Test
  void validate_conditionalType_saysWhy() throws IOException {
    ObjectNode record = (ObjectNode) JSON.readTree(
        SchemaValidatorTest.class.getResourceAsStream("/vectors/execution-record/success/record.json"));
    record.putObject("error").put("code", "X1").put("message", "boom");
    Diagnostic d = only(SchemaValidator.validate(SchemaId.EXECUTION_RECORD, record, "rec.json"));
    assertEquals("`error` must be null (an empty value) when `status` is success or cached, found a mapping (object)",
        d.message());
    assertEquals("set `error` to null", d.hint());
  }

  @Test
  void validate_quotedNumber_hintsToUnquote() throws IOException {
    ObjectNode record = (ObjectNode) JSON.readTree(
        SchemaValidatorTest.class.getResourceAsStream("/vectors/execution-record/success/record.json"));
    record.put("exit_code", "0");
    assertEquals("remove the quotes: exit_code: 0",
        only(SchemaValidator.validate(SchemaId.EXECUTION_RECORD, record, "rec.json")).hint());
  }

  @Test
  void validate_nullAndEmptyDocument_reportedNotThrown() throws IOException {
    Diagnostic d = only(SchemaValidator.validate(SchemaId.NODE_METADATA, (JsonNode) null, "empty.yaml"));
    assertEquals("ONEX-S003", d.code());
    assertEquals("", d.field());
    assertTrue(d.message().startsWith("the document must be a mapping"), d.message());
    Diagnostic list = only(SchemaValidator.validate(SchemaId.NODE_METADATA,
        new YamlDocument("l.yaml", JSON.createArrayNode(), java.util.Map.of())));
    assertTrue(list.message().endsWith("found a list (array)"), list.message());
  }

  @Test
  void validate_keyWithDots_isQuotedInField() throws IOException {
    Diagnostic d = only(validate(vector("minimal") + "input_contract:\n  \"a b\": str\n"));
    assertEquals("ONEX-S005", d.code());
    assertEquals("input_contract[\"a b\"]", d.field());
    assertEquals(d.line(), vector("minimal").split("\n").length + 2);
  }
}
