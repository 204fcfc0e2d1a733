package io.onex.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks {@code vectors/yaml/}: each {@code <case>/input.yaml} either loads to exactly
 * {@code expected.json}, or (a {@code _fail} case) fails with the code on the first line of
 * {@code expected.txt} and, when given, the {@code line:column} on its second line.
 */
class YamlVectorsTest {
  private static final Path VECTORS = Paths.get("src/test/resources/vectors/yaml");
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(VECTORS)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
          .collect(Collectors.toList()).stream();
    }
  }

  @Test
  void vectors_coverEveryRequiredCase() throws IOException {
    List<String> all = cases().collect(Collectors.toList());
    assertTrue(all.size() >= 25, "only " + all.size() + " vectors");
    for (String required : List.of("alias_fail", "anchor_only_fail", "alias_bomb_fail",
        "merge_key_fail", "deep_nesting_fail", "bom_fail", "invalid_utf8_fail",
        "overlong_utf8_fail", "tag_python_fail", "tag_java_fail", "tag_str_fail",
        "tag_custom_fail", "duplicate_key_fail", "duplicate_key_nested_fail",
        "multi_document_fail", "second_empty_document_fail", "empty_file_fail",
        "comment_only_fail", "complex_key_fail", "null_key_fail", "syntax_error_fail",
        "unclosed_quote_fail", "timestamps_stay_strings", "version_like_strings",
        "norway_stays_string", "exact_decimals", "quoted_numbers_are_strings", "json_input",
        "comments_and_flow_style")) {
      assertTrue(all.contains(required), "missing vector " + required);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void load_matchesVector(String name) throws IOException {
    Path dir = VECTORS.resolve(name);
    Path input = dir.resolve("input.yaml");
    String display = name + "/input.yaml";
    if (name.endsWith("_fail")) {
      List<String> expected = Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8);
      OnexException e = assertThrows(OnexException.class,
          () -> StrictYaml.load(input, display, YamlLimits.DEFAULT));
      assertEquals(1, e.diagnostics().size());
      Diagnostic d = e.diagnostics().get(0);
      assertEquals(expected.get(0).trim(), d.code(), d.format());
      assertEquals(display, d.file());
      assertTrue(d.isError());
      assertFalse(d.hint().isBlank(), "no fix hint");
      assertTrue(d.line() > 0 && d.column() > 0, "no position: " + d.format());
      if (expected.size() > 1 && !expected.get(1).isBlank()) {
        assertEquals(expected.get(1).trim(), d.line() + ":" + d.column(), d.format());
      }
    } else {
      JsonNode want = JSON.readTree(dir.resolve("expected.json").toFile());
      YamlDocument doc = StrictYaml.load(input, display, YamlLimits.DEFAULT);
      assertEquals(want, doc.root());
      assertEquals(display, doc.file());
    }
  }
}
