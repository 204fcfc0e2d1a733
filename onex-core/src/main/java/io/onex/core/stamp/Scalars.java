package io.onex.core.stamp;

import java.util.regex.Pattern;

/**
 * Text helpers for block values and lines. Trailing-whitespace stripping uses exactly the set of
 * characters Python's {@code str.isspace()} accepts, because the reference implementation strips
 * lines with {@code str.rstrip()} before hashing.
 */
final class Scalars {
  private static final Pattern NUMBER_LIKE = Pattern.compile("[-+]?(\\.?[0-9].*|\\.(inf|nan))",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern KEYWORD = Pattern.compile(
      "~|null|true|false|yes|no|on|off|y|n", Pattern.CASE_INSENSITIVE);
  private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

  private Scalars() {}

  /** Python's {@code str.isspace()} for one character. */
  static boolean isPythonSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f')
        || c == '\u0085' || c == '\u00a0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200a')
        || c == '\u2028' || c == '\u2029' || c == '\u202f' || c == '\u205f' || c == '\u3000';
  }

  /** {@code s} without trailing whitespace, as Python's {@code s.rstrip()}. */
  static String rstrip(String s) {
    int end = s.length();
    while (end > 0 && isPythonSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  /** True when {@code s} has no line break and no control character. */
  static boolean isSingleLine(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }

  /** The value of a block line: surrounding quotes removed ('' and \" unescaped). */
  static String unquote(String raw) {
    String v = raw.strip();
    if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
      return v.substring(1, v.length() - 1).replace("''", "'");
    }
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return v;
  }

  /** {@code v} as a YAML plain scalar when that reads back as the same string, else single-quoted. */
  static String yamlScalar(String v) {
    boolean plain = !v.isEmpty()
        && v.equals(v.strip())
        && INDICATORS.indexOf(v.charAt(0)) < 0
        && !v.contains(": ") && !v.contains(" #") && !v.endsWith(":")
        && !NUMBER_LIKE.matcher(v).matches()
        && !KEYWORD.matcher(v).matches();
    return plain ? v : singleQuoted(v);
  }

  static String singleQuoted(String v) {
    return "'" + v.replace("'", "''") + "'";
  }
}
