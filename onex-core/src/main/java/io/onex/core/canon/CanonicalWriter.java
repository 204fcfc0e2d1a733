package io.onex.core.canon;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.hash.HashError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a Jackson tree as RFC 8785 canonical JSON.
 *
 * <p>Invariants: object members are sorted by the UTF-16 code units of their names
 * ({@link String#compareTo} is exactly that order); every number goes through an IEEE-754
 * double and is written by {@link Es6Number}; an integral value whose canonical text would
 * spell a different integer (possible only beyond 2^53) is refused rather than silently
 * rounded; nesting is capped at {@link #MAX_DEPTH}.
 */
final class CanonicalWriter {
  /** Maximum number of nested arrays and objects. */
  static final int MAX_DEPTH = 1000;

  private final Utf8Sink out;

  CanonicalWriter(Utf8Sink out) {
    this.out = out;
  }

  void value(JsonNode node, int depth) {
    switch (node.getNodeType()) {
      case OBJECT -> object(node, depth + 1);
      case ARRAY -> array(node, depth + 1);
      case STRING -> out.quoted(node.textValue());
      case NUMBER -> out.ascii(number(node));
      case BOOLEAN -> out.ascii(node.booleanValue() ? "true" : "false");
      case NULL -> out.ascii("null");
      default -> throw new CanonFailure(
          HashError.UNSUPPORTED_VALUE,
          "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
              + " value has no JSON form",
          null);
    }
  }

  private void object(JsonNode node, int depth) {
    checkDepth(depth);
    List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
    members.sort(Map.Entry.comparingByKey());
    out.ascii('{');
    boolean first = true;
    for (Map.Entry<String, JsonNode> member : members) {
      if (!first) {
        out.ascii(',');
      }
      first = false;
      key(member.getKey());
      out.ascii(':');
      try {
        value(member.getValue(), depth);
      } catch (CanonFailure f) {
        throw f.under(member.getKey());
      }
    }
    out.ascii('}');
  }

  private void key(String name) {
    try {
      out.quoted(name);
    } catch (CanonFailure f) {
      throw new CanonFailure(HashError.LONE_SURROGATE, "object key: " + f.getMessage(), null);
    }
  }

  private void array(JsonNode node, int depth) {
    checkDepth(depth);
    out.ascii('[');
    for (int i = 0; i < node.size(); i++) {
      if (i > 0) {
        out.ascii(',');
      }
      try {
        value(node.get(i), depth);
      } catch (CanonFailure f) {
        throw f.under(Integer.toString(i));
      }
    }
    out.ascii(']');
  }

  private static void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw new CanonFailure(
          HashError.TOO_DEEP, "more than " + MAX_DEPTH + " nested arrays and objects", null);
    }
  }

  /** The canonical text of a number node (any Jackson numeric type). */
  static String number(JsonNode node) {
    return switch (node.numberType()) {
      case INT, LONG -> fromLong(node.longValue());
      case BIG_INTEGER -> fromBigInteger(node.bigIntegerValue());
      case BIG_DECIMAL -> fromBigDecimal(node.decimalValue());
      default -> fromDouble(node.doubleValue());
    };
  }

  static String fromDouble(double d) {
    if (!Double.isFinite(d)) {
      throw new CanonFailure(
          HashError.NON_FINITE_NUMBER, "number " + d + " has no JSON form", null);
    }
    return Es6Number.format(d);
  }

  static String fromLong(long v) {
    if (v >= -(1L << 53) && v <= (1L << 53)) {
      return Long.toString(v);
    }
    return fromBigInteger(BigInteger.valueOf(v));
  }

  static String fromBigInteger(BigInteger v) {
    return integral(new BigDecimal(v), v.doubleValue(), v.toString());
  }

  static String fromBigDecimal(BigDecimal v) {
    double d = v.doubleValue();
    if (!Double.isFinite(d)) {
      throw new CanonFailure(
          HashError.NON_FINITE_NUMBER,
          "number " + v + " is outside the range of an IEEE-754 double",
          null);
    }
    if (v.signum() == 0 || v.stripTrailingZeros().scale() <= 0) {
      return integral(v, d, v.toPlainString().length() > 40 ? v.toString() : v.toPlainString());
    }
    return Es6Number.format(d);
  }

  /**
   * The canonical text of the integer {@code exact}, whose nearest double is {@code d}, if
   * that text, read back as an exact decimal, is still {@code exact}; an error otherwise.
   * Up to 2^53 that always holds; beyond, only for integers such as {@code 10^21} or
   * {@code 295147905179352830000} whose shortest double digits spell them exactly.
   */
  private static String integral(BigDecimal exact, double d, String display) {
    if (!Double.isFinite(d)) {
      throw inexact(display);
    }
    String text = Es6Number.format(d);
    if (new BigDecimal(text).compareTo(exact) != 0) {
      throw inexact(display);
    }
    return text;
  }

  private static CanonFailure inexact(String text) {
    return new CanonFailure(
        HashError.INEXACT_INTEGER,
        "integer " + text + " does not survive conversion to an IEEE-754 double (its canonical"
            + " form would spell another number)",
        null);
  }
}
