package io.onex.exec.sandbox;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a node's stdout as its result: exactly one JSON object, strict RFC 8259 JSON in
 * UTF-8, whitespace allowed before and after. Refused (as {@link OnexException}): empty output,
 * invalid UTF-8 (including a byte order mark), anything that is not JSON, trailing content
 * after the object, duplicate keys ({@code ONEX-E010}), and a JSON value that is not an object
 * ({@code ONEX-E011}). Messages quote the first 200 characters of the output, escaped.
 */
public final class JsonOutput {
  /** Characters of the output quoted in a diagnostic. */
  public static final int QUOTED_CHARS = 200;
  private static final String FILE = "<stdout>";
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private JsonOutput() {}

  /**
   * The JSON object printed on stdout.
   *
   * @throws OnexException {@code ONEX-E010} or {@code ONEX-E011} when stdout is not exactly one
   *     JSON object
   */
  public static JsonNode parse(byte[] stdout) {
    String text = decode(stdout);
    if (text.isBlank()) {
      throw fail(SandboxError.OUTPUT_NOT_JSON, 0, 0, "output is not JSON: stdout is empty"
          + (text.isEmpty() ? "" : " (whitespace only)"), stdout);
    }
    JsonNode node;
    try (JsonParser parser = MAPPER.createParser(text)) {
      node = MAPPER.readTree(parser);
      if (parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw fail(SandboxError.OUTPUT_NOT_JSON, at.getLineNr(), at.getColumnNr(),
            "output is not JSON: more follows the first value at line " + at.getLineNr()
                + ", column " + at.getColumnNr() + " (print one object only)", stdout);
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : Math.max(0, at.getLineNr());
      int column = at == null ? 0 : Math.max(0, at.getColumnNr());
      throw fail(SandboxError.OUTPUT_NOT_JSON, line, column,
          "output is not JSON (" + reason(e) + ")", stdout);
    } catch (IOException e) {
      throw fail(SandboxError.OUTPUT_NOT_JSON, 0, 0, "output is not JSON ("
          + Snippet.escape(String.valueOf(e.getMessage())) + ")", stdout);
    }
    if (!node.isObject()) {
      throw fail(SandboxError.OUTPUT_NOT_OBJECT, 1, 1,
          "output is a JSON " + kind(node) + ", not an object", stdout);
    }
    return node;
  }

  private static String decode(byte[] stdout) {
    if (stdout.length >= 3 && (stdout[0] & 0xff) == 0xef && (stdout[1] & 0xff) == 0xbb
        && (stdout[2] & 0xff) == 0xbf) {
      throw fail(SandboxError.OUTPUT_NOT_JSON, 1, 1,
          "output is not JSON: it starts with a byte order mark", stdout);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(stdout))
          .toString();
    } catch (CharacterCodingException e) {
      throw fail(SandboxError.OUTPUT_NOT_JSON, 0, 0,
          "output is not JSON: it is not valid UTF-8", stdout);
    }
  }

  private static String reason(JsonProcessingException e) {
    String msg = e.getOriginalMessage();
    if (msg == null) {
      return "unreadable";
    }
    int nl = msg.indexOf('\n');
    return Snippet.escape(nl >= 0 ? msg.substring(0, nl) : msg);
  }

  private static String kind(JsonNode node) {
    if (node.isArray()) {
      return "array";
    }
    if (node.isTextual()) {
      return "string";
    }
    if (node.isNumber()) {
      return "number";
    }
    if (node.isBoolean()) {
      return "boolean";
    }
    return node.isNull() ? "null" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static OnexException fail(SandboxError code, int line, int column, String message,
      byte[] stdout) {
    String quoted = stdout.length == 0 ? ""
        : "; stdout starts with \"" + Snippet.head(stdout, QUOTED_CHARS) + "\"";
    return new OnexException(
        Diagnostic.error(code, FILE, line, column, "", message + quoted));
  }
}
