package io.onex.core.stamp;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a file: its text and its exact terminator ({@code "\n"}, {@code "\r\n"},
 * {@code "\r"}, or {@code ""} for a last line without one). Joining the lines of
 * {@link #split} gives back the input exactly, which is how stamping leaves the body untouched.
 */
record Line(String text, String eol) {

  static List<Line> split(String s) {
    List<Line> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r') {
        int end = i;
        i += (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') ? 2 : 1;
        out.add(new Line(s.substring(start, end), s.substring(end, i)));
        start = i;
      } else {
        i++;
      }
    }
    if (start < s.length()) {
      out.add(new Line(s.substring(start), ""));
    }
    return out;
  }

  static String join(List<Line> lines) {
    StringBuilder sb = new StringBuilder();
    for (Line l : lines) {
      sb.append(l.text).append(l.eol);
    }
    return sb.toString();
  }

  /** The text without trailing whitespace (the form delimiters and hashing use). */
  String stripped() {
    return Scalars.rstrip(text);
  }

  boolean isBlank() {
    return stripped().isEmpty();
  }

  Line withText(String newText) {
    return new Line(newText, eol);
  }
}
