package io.onex.sign.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.onex.core.diag.OnexException;
import io.onex.sign.SignError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Strict reading of the small JSON documents of this module (key files, DSSE envelopes,
 * trust roots). Not part of the public API.
 *
 * <p>Input must be UTF-8 (no BOM), at most a given size, one JSON value with unique object
 * keys and nothing after it. Fields are read with explicit types; an unexpected field is an
 * error (the caller names the code), never ignored. Every failure is an
 * {@link OnexException} whose field is the JSON pointer of the value.
 */
public final class StrictJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
      .build();

  private final String file;
  private final SignError malformed;
  private final SignError unknownField;

  /**
   * @param file display name for diagnostics
   * @param malformed code for syntax, type and missing-field problems
   * @param unknownField code for a field that is not allowed
   */
  public StrictJson(String file, SignError malformed, SignError unknownField) {
    this.file = file;
    this.malformed = malformed;
    this.unknownField = unknownField;
  }

  /** Parses {@code bytes} and requires a JSON object. */
  public JsonNode parseObject(byte[] bytes, long maxBytes) {
    if (bytes.length > maxBytes) {
      throw fail("", "the document has " + bytes.length + " bytes, more than the limit of " + maxBytes);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw fail("", "the document is not UTF-8 text");
    }
    if (text.startsWith("\uFEFF")) {
      throw fail("", "the document starts with a byte order mark");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw fail("", "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || node.isMissingNode() || !node.isObject()) {
      throw fail("", "the document is not a JSON object");
    }
    return node;
  }

  /** Requires {@code obj} (at {@code pointer}) to be an object with only the given fields. */
  public void onlyFields(JsonNode obj, String pointer, Set<String> allowed) {
    if (!obj.isObject()) {
      throw fail(pointer, "expected an object");
    }
    List<String> unknown = new ArrayList<>();
    obj.fieldNames().forEachRemaining(name -> {
      if (!allowed.contains(name)) {
        unknown.add(name);
      }
    });
    if (!unknown.isEmpty()) {
      throw Fail.of(unknownField, file, pointer + "/" + escape(unknown.get(0)),
          "unknown field \"" + unknown.get(0) + "\" (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
    }
  }

  /** A required JSON string (may be empty). */
  public String string(JsonNode obj, String pointer, String name) {
    JsonNode v = required(obj, pointer, name);
    if (!v.isTextual()) {
      throw fail(pointer + "/" + escape(name), "\"" + name + "\" must be a string");
    }
    return v.textValue();
  }

  /** A required, non-empty JSON string. */
  public String nonEmptyString(JsonNode obj, String pointer, String name) {
    String s = string(obj, pointer, name);
    if (s.isEmpty()) {
      throw fail(pointer + "/" + escape(name), "\"" + name + "\" must not be empty");
    }
    return s;
  }

  /** A required JSON integer within [{@code min}, 2^53]. */
  public long integer(JsonNode obj, String pointer, String name, long min) {
    JsonNode v = required(obj, pointer, name);
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > (1L << 53)) {
      throw fail(pointer + "/" + escape(name), "\"" + name + "\" must be an integer from " + min + " to 2^53");
    }
    return v.longValue();
  }

  /** A required member of the given JSON type ("object" or "array"). */
  public JsonNode member(JsonNode obj, String pointer, String name, boolean array) {
    JsonNode v = required(obj, pointer, name);
    if (array ? !v.isArray() : !v.isObject()) {
      throw fail(pointer + "/" + escape(name), "\"" + name + "\" must be " + (array ? "an array" : "an object"));
    }
    return v;
  }

  private JsonNode required(JsonNode obj, String pointer, String name) {
    JsonNode v = obj.get(name);
    if (v == null) {
      throw fail(pointer, "missing required field \"" + name + "\"");
    }
    return v;
  }

  /** A failure with the malformed code at {@code pointer}. */
  public OnexException fail(String pointer, String message) {
    return Fail.of(malformed, file, pointer, message);
  }

  public String file() {
    return file;
  }

  /** JSON Pointer escaping of one reference token. */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
