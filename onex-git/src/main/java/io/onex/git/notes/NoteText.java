package io.onex.git.notes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The text of one note as the set of its lines, exactly as {@code git notes merge -s
 * cat_sort_uniq} treats it.
 *
 * <p>Invariants: a line is a maximal run of bytes without {@code '\n'}; empty lines carry
 * nothing and are dropped; every other line is kept as its exact bytes, valid UTF-8 or not.
 * Lines are held as ISO-8859-1 strings (one char per byte), so that {@link String} order is
 * unsigned byte order, the order of C's {@code strcmp} that git sorts with. The serialized
 * form is the sorted, unique lines, each followed by {@code '\n'}.
 */
final class NoteText {
  private final TreeSet<String> lines = new TreeSet<>();

  private NoteText() {}

  /** The line set of a stored note (empty for {@code null}). */
  static NoteText parse(byte[] raw) {
    NoteText t = new NoteText();
    if (raw != null) {
      for (String line : storedLines(raw)) {
        if (!line.isEmpty()) {
          t.lines.add(line);
        }
      }
    }
    return t;
  }

  /** Every line of {@code raw} in stored order, empty ones included (index + 1 = line number). */
  static List<String> storedLines(byte[] raw) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '\n') {
        out.add(new String(raw, start, i - start, StandardCharsets.ISO_8859_1));
        start = i + 1;
      }
    }
    if (start < raw.length) {
      out.add(new String(raw, start, raw.length - start, StandardCharsets.ISO_8859_1));
    }
    return out;
  }

  /** The byte-per-char form of a UTF-8 text line (which must not contain a newline). */
  static String line(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  /** The exact bytes of a byte-per-char line. */
  static byte[] bytes(String line) {
    return line.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Adds the lines; returns how many were not there yet. */
  int addAll(Collection<String> newLines) {
    int added = 0;
    for (String l : newLines) {
      if (!l.isEmpty() && lines.add(l)) {
        added++;
      }
    }
    return added;
  }

  boolean isEmpty() {
    return lines.isEmpty();
  }

  /** The serialized size in bytes. */
  long byteSize() {
    long n = 0;
    for (String l : lines) {
      n += l.length() + 1L;
    }
    return n;
  }

  /** Sorted, unique lines, each followed by a newline. */
  byte[] toBytes() {
    StringBuilder sb = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 8, byteSize()));
    for (String l : lines) {
      sb.append(l).append('\n');
    }
    return bytes(sb.toString());
  }

  /** git's {@code cat_sort_uniq}: the union of the line sets of the given notes. */
  static NoteText catSortUniq(byte[]... notes) {
    NoteText t = new NoteText();
    for (byte[] n : notes) {
      t.lines.addAll(parse(n).lines);
    }
    return t;
  }
}
