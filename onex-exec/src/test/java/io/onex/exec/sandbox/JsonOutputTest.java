package io.onex.exec.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonOutputTest {
  private static Diagnostic failure(byte[] stdout) {
    OnexException e = assertThrows(OnexException.class, () -> JsonOutput.parse(stdout));
    assertEquals(1, e.diagnostics().size());
    return e.diagnostics().get(0);
  }

  private static Diagnostic failure(String stdout) {
    return failure(stdout.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parse_acceptsOneObjectWithSurroundingWhitespace() {
    JsonNode node = JsonOutput.parse(" \n\t{\"a\": [1, 2], \"b\": {\"c\": null}}\r\n\n"
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(2, node.get("a").size());
    assertTrue(node.get("b").get("c").isNull());
  }

  @Test
  void parse_acceptsUtf8Text() {
    JsonNode node = JsonOutput.parse("{\"name\": \"Zoë ✓\"}".getBytes(StandardCharsets.UTF_8));
    assertEquals("Zoë ✓", node.get("name").asText());
  }

  static Stream<Arguments> notOneObject() {
    return Stream.of(
        Arguments.of("hello world", "ONEX-E010"),
        Arguments.of("{\"a\": 1} {\"b\": 2}", "ONEX-E010"),
        Arguments.of("{\"a\": 1}\ntrailing log line", "ONEX-E010"),
        Arguments.of("{\"a\": 1,}", "ONEX-E010"),
        Arguments.of("{'a': 1}", "ONEX-E010"),
        Arguments.of("{\"a\": NaN}", "ONEX-E010"),
        Arguments.of("{\"a\": 1, \"a\": 2}", "ONEX-E010"),
        Arguments.of("{\"a\": 1 // comment\n}", "ONEX-E010"),
        Arguments.of("{\"a\": 1", "ONEX-E010"),
        Arguments.of("[1, 2]", "ONEX-E011"),
        Arguments.of("\"text\"", "ONEX-E011"),
        Arguments.of("42", "ONEX-E011"),
        Arguments.of("null", "ONEX-E011"),
        Arguments.of("true", "ONEX-E011"));
  }

  @ParameterizedTest
  @MethodSource("notOneObject")
  void parse_rejectsAnythingButOneObject(String stdout, String code) {
    Diagnostic d = failure(stdout);
    assertEquals(code, d.code());
    assertEquals("<stdout>", d.file());
    assertTrue(d.message().contains("stdout starts with"), d.message());
  }

  @Test
  void parse_rejectsEmptyAndBlankOutput() {
    assertTrue(failure("").message().contains("stdout is empty"));
    assertTrue(failure(" \n ").message().contains("whitespace only"));
  }

  @Test
  void parse_rejectsInvalidUtf8AndByteOrderMark() {
    assertTrue(failure(new byte[] {'{', '"', (byte) 0xff, '"', '}'}).message()
        .contains("not valid UTF-8"));
    assertTrue(failure(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'}).message()
        .contains("byte order mark"));
  }

  @Test
  void parse_namesTheArrayKind() {
    assertTrue(failure("[]").message().contains("a JSON array, not an object"));
  }

  @Test
  void parse_quotesTheFirst200CharactersEscaped() {
    String line = "Warning: \"x\"\tdeprecated\u0007\n";
    String out = line.repeat(30);
    Diagnostic d = failure(out);
    assertEquals("ONEX-E010", d.code());
    String quoted = d.message().substring(d.message().indexOf("stdout starts with \"") + 20);
    assertTrue(quoted.startsWith("Warning: \\\"x\\\"\\tdeprecated\\u0007\\nWarning"), quoted);
    assertTrue(quoted.endsWith("...\""), quoted);
    String expected = Snippet.escape(out.substring(0, 200)) + "...\"";
    assertEquals(expected, quoted);
    assertTrue(!d.message().contains("\n"), d.message());
  }

  @Test
  void parse_givesThePositionOfTheSyntaxError() {
    Diagnostic d = failure("{\n  \"a\": 1,\n  oops\n}");
    assertEquals(3, d.line());
    assertTrue(d.column() > 0);
  }
}
