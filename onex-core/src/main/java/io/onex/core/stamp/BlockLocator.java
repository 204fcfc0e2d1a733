package io.onex.core.stamp;

import io.onex.core.diag.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and parses the metadata block of a file.
 *
 * <p>Invariants: a block is recognised only in the file's header (blank lines, the kind's prolog
 * and, for comment-syntax kinds, leading comment lines), so format examples further down a
 * document are body text. Delimiters must match a whole line exactly (trailing whitespace
 * ignored). Every problem becomes a diagnostic with a line number; nothing here throws on input.
 */
final class BlockLocator {
  private static final int MAX_ERRORS = 20;
  private static final Pattern ENTRY = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*):(?:[ \\t]+(.*))?");
  private static final Pattern CODING = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*[-\\w.]+");

  /** The block (null when there is none or it is malformed), the errors, the insertion line. */
  record Located(MetadataBlock block, List<Diagnostic> errors, int insertAt) {}

  private BlockLocator() {}

  static Located locate(FileKind kind, List<Line> lines, String file) {
    int insertAt = prologEnd(kind, lines);
    int k = 0;
    for (; k < lines.size(); k++) {
      String t = lines.get(k).stripped();
      if (t.equals(kind.open)) {
        return parse(kind, lines, k, insertAt, file);
      }
      if (kind.closes.contains(t)) {
        return orphan(k, insertAt, file);
      }
      if (!(t.isEmpty() || k < insertAt || kind.isHeaderComment(t))) {
        break;
      }
    }
    int orphan = orphanClose(kind, lines, k);
    return orphan >= 0 ? orphan(orphan, insertAt, file) : new Located(null, List.of(), insertAt);
  }

  /**
   * The index of the first line after the lines that must stay first: a {@code #!} line (Python,
   * shell), a Python coding declaration on line 1 or 2, the YAML prolog up to its first
   * {@code ---} line, a Markdown front matter ({@code ---} ... {@code ---}). New blocks go there.
   */
  static int prologEnd(FileKind kind, List<Line> lines) {
    switch (kind) {
      case PYTHON:
      case SHELL:
        int e = !lines.isEmpty() && lines.get(0).text().startsWith("#!") ? 1 : 0;
        if (kind == FileKind.PYTHON && e < lines.size() && CODING.matcher(lines.get(e).text()).find()) {
          e++;
        }
        return e;
      case YAML:
        for (int j = 0; j < lines.size(); j++) {
          String t = lines.get(j).stripped();
          if (t.equals("---")) {
            return j + 1;
          }
          if (!(t.isEmpty() || t.startsWith("#") || t.startsWith("%"))) {
            return 0;
          }
        }
        return 0;
      case MARKDOWN:
        if (!lines.isEmpty() && lines.get(0).stripped().equals("---")) {
          for (int j = 1; j < lines.size(); j++) {
            String t = lines.get(j).stripped();
            if (t.equals("---") || t.equals("...")) {
              return j + 1;
            }
          }
        }
        return 0;
      default:
        return 0;
    }
  }

  private static Located parse(FileKind kind, List<Line> lines, int open, int insertAt, String file) {
    List<Diagnostic> errors = new ArrayList<>();
    int close = -1;
    for (int j = open + 1; j < lines.size() && close < 0; j++) {
      String t = lines.get(j).stripped();
      if (kind.closes.contains(t)) {
        close = j;
      } else if (t.equals(kind.open)) {
        errors.add(error(StampError.DUPLICATE_BLOCK, file, j, "",
            "second opening delimiter inside the block opened at line " + (open + 1)));
        return new Located(null, errors, insertAt);
      }
    }
    if (close < 0) {
      errors.add(error(StampError.BLOCK_UNTERMINATED, file, open, "",
          "block opened here is never closed (expected a line `" + kind.close() + "`)"));
      return new Located(null, errors, insertAt);
    }
    LineForm form = formOf(kind, lines, open, close);
    Map<String, MetadataBlock.Entry> entries = new LinkedHashMap<>();
    for (int j = open + 1; j < close && errors.size() < MAX_ERRORS; j++) {
      parseLine(form, lines.get(j).stripped(), j, entries, errors, file);
    }
    int next = close + 1;
    while (next < lines.size() && lines.get(next).isBlank()) {
      next++;
    }
    if (next < lines.size() && lines.get(next).stripped().equals(kind.open)) {
      errors.add(error(StampError.DUPLICATE_BLOCK, file, next, "",
          "a second metadata block follows the one at lines " + (open + 1) + "-" + (close + 1)));
    }
    if (!errors.isEmpty()) {
      return new Located(null, errors, insertAt);
    }
    boolean legacyClose = !lines.get(close).stripped().equals(kind.close());
    return new Located(new MetadataBlock(kind, form, open, close, legacyClose, entries), errors, insertAt);
  }

  private static LineForm formOf(FileKind kind, List<Line> lines, int open, int close) {
    for (int j = open + 1; j < close; j++) {
      String t = lines.get(j).stripped();
      if (!t.isEmpty()) {
        return LineForm.detect(kind, t);
      }
    }
    return kind.readForms.get(0);
  }

  private static void parseLine(LineForm form, String t, int j, Map<String, MetadataBlock.Entry> entries,
      List<Diagnostic> errors, String file) {
    String c = form.content(t);
    if (c == null) {
      errors.add(error(StampError.UNPARSEABLE_LINE, file, j, "",
          "line is not in the block's form (expected `" + form.line("key", "value") + "`)"));
      return;
    }
    if (c.isEmpty() || c.equals("---") || c.equals("...")) {
      return;
    }
    if (isContinuation(c)) {
      if (entries.isEmpty()) {
        errors.add(error(StampError.UNPARSEABLE_LINE, file, j, "",
            "indented or list line before any `key: value` line"));
      }
      return;
    }
    Matcher m = ENTRY.matcher(c);
    if (!m.matches()) {
      errors.add(error(StampError.UNPARSEABLE_LINE, file, j, "",
          "not a `key: value` line: " + abbreviate(c)));
      return;
    }
    String key = m.group(1);
    MetadataBlock.Entry first = entries.get(key);
    if (first != null) {
      errors.add(error(StampError.DUPLICATE_KEY, file, j, key,
          "key `" + key + "` already set at line " + (first.line() + 1)));
      return;
    }
    entries.put(key, new MetadataBlock.Entry(key, m.group(2) == null ? "" : m.group(2), j));
  }

  private static boolean isContinuation(String c) {
    return c.startsWith(" ") || c.startsWith("\t") || c.startsWith("- ") || c.equals("-");
  }

  /** A closing delimiter reached through block-like lines only, from {@code from}; else -1. */
  private static int orphanClose(FileKind kind, List<Line> lines, int from) {
    for (int j = from; j < lines.size(); j++) {
      String t = lines.get(j).stripped();
      if (kind.closes.contains(t)) {
        return j;
      }
      if (!t.isEmpty() && !isBlockLike(kind, t)) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isBlockLike(FileKind kind, String t) {
    for (LineForm f : kind.readForms) {
      String c = f.content(t);
      if (c != null && (ENTRY.matcher(c).matches() || isContinuation(c) || c.equals("---"))) {
        return true;
      }
    }
    return false;
  }

  private static Located orphan(int line, int insertAt, String file) {
    return new Located(null, List.of(error(StampError.ORPHAN_CLOSING_DELIMITER, file, line, "",
        "closing delimiter without an opening `OmniNode:Metadata` line above it")), insertAt);
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  /** An error at 0-based {@code line}, hint with the file name filled in. */
  static Diagnostic error(StampError code, String file, int line, String field, String message) {
    return Diagnostic.error(code, file, line + 1, 0, field, message, hint(code, file));
  }

  static String hint(StampError code, String file) {
    return code.hint().replace("<file>", file.isEmpty() ? "<file>" : file);
  }
}
