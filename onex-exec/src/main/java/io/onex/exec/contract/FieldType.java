package io.onex.exec.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One type of an inline contract: {@code str|int|float|bool|object|any}, optionally as a list
 * ({@code [str]}), optionally optional (trailing {@code ?}). {@code int} is a number written
 * without fraction or exponent; {@code float} any number; {@code any} any value.
 */
record FieldType(String base, boolean array, boolean optional) {
  private static final Pattern SYNTAX =
      Pattern.compile("(str|int|float|bool|object|any|\\[(str|int|float|bool|object|any)\\])(\\?)?");

  static Optional<FieldType> parse(String text) {
    Matcher m = SYNTAX.matcher(text == null ? "" : text);
    if (!m.matches()) {
      return Optional.empty();
    }
    boolean array = m.group(2) != null;
    return Optional.of(new FieldType(array ? m.group(2) : m.group(1), array, m.group(3) != null));
  }

  /** The type as written, without the {@code ?}. */
  String name() {
    return array ? "[" + base + "]" : base;
  }

  /** Whether {@code v} (not null, unless {@link #base} is any) is a value of the base type. */
  boolean baseMatches(JsonNode v) {
    switch (base) {
      case "str": return v.isTextual();
      case "int": return v.isIntegralNumber();
      case "float": return v.isNumber();
      case "bool": return v.isBoolean();
      case "object": return v.isObject();
      default: return true;
    }
  }
}
