package io.onex.core.tree;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a name as a YAML scalar that every YAML 1.1 and 1.2 loader reads back as the same
 * string. Plain when the name is {@code .}, or is made of {@code [A-Za-z0-9_.-]}, starts
 * with a letter, an underscore, or a dot followed by a letter, an underscore or {@code -}, and
 * is not a reserved word (booleans, null, {@code .inf}, {@code .nan}); otherwise double-quoted
 * with escapes. The choice depends on the name only, so output stays deterministic.
 */
final class YamlScalars {
  private static final Pattern PLAIN = Pattern.compile("\\.|(?:[A-Za-z_]|\\.[A-Za-z_\\-])[A-Za-z0-9_.\\-]*");
  private static final Set<String> RESERVED = Set.of(
      "true", "false", "yes", "no", "on", "off", "y", "n", "null", ".inf", ".nan");

  private YamlScalars() {}

  static String scalar(String s) {
    if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
      return s;
    }
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        default:
          if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff
              || Character.isSurrogate(c) && !validSurrogatePair(s, i)) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.append('"').toString();
  }

  /** True for either half of a well-formed surrogate pair. */
  private static boolean validSurrogatePair(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
