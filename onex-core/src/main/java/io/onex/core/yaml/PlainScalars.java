package io.onex.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Types plain (unquoted) scalars: a deliberately small subset of the YAML 1.2 core schema.
 *
 * <p>Invariants: only null, booleans, canonical decimal integers and decimal floats are typed;
 * everything else (yes/no/on/off, {@code 007}, {@code 0x1F}, {@code .inf}, timestamps,
 * versions) stays the exact text. Floats become the exact {@link BigDecimal} of their text,
 * never a {@code double}, so {@code 0.01} stays {@code 0.01}. Quoted and block scalars never
 * reach this class: they are always strings.
 */
final class PlainScalars {
  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  private static final Set<String> TRUES = Set.of("true", "True", "TRUE");
  private static final Set<String> FALSES = Set.of("false", "False", "FALSE");
  private static final Pattern INT = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+\\.[0-9]*|[0-9]+)([eE][-+]?[0-9]+)?");
  private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private PlainScalars() {}

  /** True when the plain scalar {@code text} means null. */
  static boolean isNull(String text) {
    return NULLS.contains(text);
  }

  /** The typed value of the plain scalar {@code text}. */
  static JsonNode type(String text) {
    if (isNull(text)) {
      return NullNode.getInstance();
    }
    if (TRUES.contains(text)) {
      return BooleanNode.TRUE;
    }
    if (FALSES.contains(text)) {
      return BooleanNode.FALSE;
    }
    if (INT.matcher(text).matches()) {
      return integer(new BigInteger(text));
    }
    if (isFloat(text)) {
      try {
        return DecimalNode.valueOf(new BigDecimal(text));
      } catch (NumberFormatException e) {
        return TextNode.valueOf(text); // exponent beyond BigDecimal's range: keep the text
      }
    }
    return TextNode.valueOf(text);
  }

  /** A float needs a '.' or an exponent: bare digits that are no canonical int stay text. */
  private static boolean isFloat(String text) {
    boolean marked = text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
    return marked && FLOAT.matcher(text).matches();
  }

  private static JsonNode integer(BigInteger value) {
    if (value.compareTo(INT_MIN) >= 0 && value.compareTo(INT_MAX) <= 0) {
      return IntNode.valueOf(value.intValue());
    }
    if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
      return LongNode.valueOf(value.longValue());
    }
    return BigIntegerNode.valueOf(value);
  }
}
