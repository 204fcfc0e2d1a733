package io.onex.core.canon;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.OnexException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the one byte sequence that ONEX hashes and
 * signs for a JSON value.
 *
 * <p>Rules (see {@code docs/formats/canonical-json.md}): no whitespace; object members sorted
 * by the UTF-16 code units of their names; strings escaped only where JSON requires it
 * (the two-character escapes for quote, backslash, b, f, n, r, t; other C0 controls as a
 * backslash, {@code u00} and two lowercase hex digits); UTF-8 output;
 * numbers as IEEE-754 doubles written the way ECMAScript's {@code Number.prototype.toString}
 * writes them. Refused, with an {@code ONEX-H} diagnostic whose field is the JSON pointer of
 * the value: NaN and infinities, integers that a double cannot hold exactly, unpaired
 * surrogates, non-JSON node types (binary, POJO), nesting beyond 1000 levels.
 *
 * <p>Thread-safe and stateless.
 */
public final class CanonicalJson {
  private CanonicalJson() {}

  /**
   * The canonical UTF-8 bytes of {@code node}.
   *
   * @throws OnexException if the tree holds a value that has no canonical form
   */
  public static byte[] canonicalize(JsonNode node) {
    Objects.requireNonNull(node, "node");
    Utf8Sink sink = new Utf8Sink(256);
    try {
      new CanonicalWriter(sink).value(node, 0);
    } catch (CanonFailure f) {
      throw f.toException();
    }
    return sink.toByteArray();
  }

  /** {@link #canonicalize(JsonNode)} as a string. */
  public static String canonicalString(JsonNode node) {
    return new String(canonicalize(node), StandardCharsets.UTF_8);
  }

  /**
   * Parses {@code jsonText} (one JSON value, unique keys, numbers read as doubles as I-JSON
   * prescribes) and returns its canonical UTF-8 bytes.
   *
   * @throws OnexException on invalid JSON or a value that has no canonical form
   */
  public static byte[] canonicalize(String jsonText) {
    Objects.requireNonNull(jsonText, "jsonText");
    return canonicalize(JsonText.parse(jsonText));
  }

  /**
   * Parses JSON text the way {@link #canonicalize(String)} does, for callers that need the
   * tree (numbers are doubles).
   */
  public static JsonNode parse(String jsonText) {
    Objects.requireNonNull(jsonText, "jsonText");
    return JsonText.parse(jsonText);
  }

  /**
   * ECMAScript's {@code Number.prototype.toString} of a finite double, as RFC 8785 writes
   * numbers ({@code -0} gives {@code "0"}).
   *
   * @throws OnexException for NaN and infinities
   */
  public static String numberToString(double value) {
    try {
      return CanonicalWriter.fromDouble(value);
    } catch (CanonFailure f) {
      throw f.toException();
    }
  }
}
