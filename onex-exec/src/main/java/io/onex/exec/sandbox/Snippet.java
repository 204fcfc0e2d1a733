package io.onex.exec.sandbox;

import java.nio.charset.StandardCharsets;

/**
 * Short, escaped excerpts of node output for diagnostics: at most a given number of
 * characters (code points), control characters, quotes and backslashes written as escapes, so
 * that a message stays on one line and shows exactly what the node printed.
 */
final class Snippet {
  private Snippet() {}

  /** The first {@code max} characters of {@code bytes} (UTF-8, malformed bytes replaced). */
  static String head(byte[] bytes, int max) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    int end = text.offsetByCodePoints(0, Math.min(max, text.codePointCount(0, text.length())));
    return escape(text.substring(0, end)) + (end < text.length() ? "..." : "");
  }

  /** The last {@code max} characters of {@code bytes}, trailing whitespace dropped. */
  static String tail(byte[] bytes, int max) {
    String text = new String(bytes, StandardCharsets.UTF_8).stripTrailing();
    int count = text.codePointCount(0, text.length());
    int start = text.offsetByCodePoints(0, Math.max(0, count - max));
    return (start > 0 ? "..." : "") + escape(text.substring(start));
  }

  /** Escapes like a JSON string body: {@code \" \\ \n \r \t} and {@code \\uXXXX}. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
              || c == '\ufeff' || c == '\ufffd') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
