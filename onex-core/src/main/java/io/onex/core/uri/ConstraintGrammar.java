package io.onex.core.uri;

import java.util.ArrayList;
import java.util.List;

/**
 * The strict grammar of version specs, checked before semver4j sees them (semver4j accepts
 * garbage such as {@code >=abc} as an empty range and reads {@code x} as {@code <0.0.0}).
 *
 * <pre>
 * spec      := range ( ' '* '||' ' '* range )*
 * range     := partial ' '+ '-' ' '+ partial        (hyphen range)
 *            | term ( ' '+ term )*                  (all terms must hold)
 * term      := op? partial                          (no space after op)
 * op        := '>=' | '<=' | '>' | '<' | '=' | '^' | '~'
 * partial   := xr ( '.' xr ( '.' xr suffix? )? )?   (suffix only on three numbers)
 * xr        := '*' | 'x' | 'X' | nr                 (no number after a wildcard)
 * nr        := '0' | [1-9][0-9]{0,8}
 * suffix    := ( '-' ids )? ( '+' ids )?            (semver 2.0 identifiers)
 * </pre>
 *
 * A partial whose first part is a wildcard ({@code *}, {@code x.x}) means "any version": it
 * must stand alone, without an operator or hyphen, and is handed to semver4j as {@code *}.
 * The output is the canonical form given to semver4j: single spaces, {@code " || "}.
 * Limits: 256 characters; printable ASCII and spaces only; numbers of at most 9 digits (they
 * must fit semver4j's {@code int}).
 */
final class ConstraintGrammar {
  static final int MAX_LENGTH = 256;
  static final int MAX_DIGITS = 9;

  /** A grammar violation: a message naming the position (1-based) and what was expected. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;
    final UriError code;

    Malformed(UriError code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  private final String s;
  private int pos;

  private ConstraintGrammar(String s) {
    this.s = s;
  }

  /** Checks {@code spec} and returns its canonical form for semver4j. */
  static String canonicalize(String spec) throws Malformed {
    if (spec == null || spec.isBlank()) {
      throw new Malformed(UriError.EMPTY_VERSION_SPEC, "the version spec is empty");
    }
    if (spec.length() > MAX_LENGTH) {
      throw new Malformed(
          UriError.TOO_LONG, "the version spec has " + spec.length() + " characters (max " + MAX_LENGTH + ")");
    }
    for (int i = 0; i < spec.length(); i++) {
      char c = spec.charAt(i);
      if (c != ' ' && (c < 0x21 || c > 0x7e)) {
        throw new Malformed(
            UriError.MALFORMED_VERSION_SPEC,
            String.format("character U+%04X at position %d is not allowed (printable ASCII and"
                + " single spaces only)", (int) c, i + 1));
      }
    }
    if (spec.charAt(0) == ' ' || spec.charAt(spec.length() - 1) == ' ') {
      throw malformed("'" + spec + "' has a leading or trailing space");
    }
    return new ConstraintGrammar(spec).rangeSet();
  }

  private String rangeSet() throws Malformed {
    List<String> ranges = new ArrayList<>();
    while (true) {
      skipSpaces();
      int start = pos;
      String range = range();
      if (range.isEmpty()) {
        throw malformed("expected a version range at position " + (start + 1) + " of '" + s + "'");
      }
      ranges.add(range);
      if (pos >= s.length()) {
        return String.join(" || ", ranges);
      }
      pos += 2; // range() stops only at the end or at "||"
    }
  }

  /** Terms up to the end or to "||"; empty when there is none. */
  private String range() throws Malformed {
    List<String> terms = new ArrayList<>();
    boolean bareFirst = false;
    while (true) {
      skipSpaces();
      if (pos >= s.length() || s.startsWith("||", pos)) {
        return String.join(" ", terms);
      }
      char c = s.charAt(pos);
      if (c == '|') {
        throw malformed("single '|' at position " + (pos + 1) + " (alternatives are separated by '||')");
      }
      if (c == '-') {
        if (terms.size() == 1 && bareFirst) {
          return hyphen(terms.get(0));
        }
        throw malformed("'-' at position " + (pos + 1)
            + " is only allowed in a hyphen range '<version> - <version>'");
      }
      int start = pos;
      String term = term();
      if (terms.isEmpty()) {
        bareFirst = isDigit(s.charAt(start));
      }
      terms.add(term);
    }
  }

  private String hyphen(String low) throws Malformed {
    int dash = pos;
    pos++;
    if (pos >= s.length() || s.charAt(pos) != ' ' || s.charAt(dash - 1) != ' ') {
      throw malformed("'-' at position " + (dash + 1) + " must be surrounded by spaces: '1.0.0 - 2.0.0'");
    }
    skipSpaces();
    if (pos >= s.length() || !isDigit(s.charAt(pos))) {
      throw malformed("a hyphen range needs a version number after '-' (position " + (pos + 1) + ")");
    }
    String high = partial(false);
    expectTermEnd();
    skipSpaces();
    if (pos < s.length() && !s.startsWith("||", pos)) {
      throw malformed("a hyphen range is exactly '<version> - <version>'; unexpected '"
          + s.charAt(pos) + "' at position " + (pos + 1));
    }
    return low + " - " + high;
  }

  private String term() throws Malformed {
    int start = pos;
    String op = operator();
    if (pos >= s.length() || s.charAt(pos) == ' ' || s.charAt(pos) == '|') {
      throw malformed("missing version after '" + op + "' at position " + (start + 1)
          + (pos < s.length() && s.charAt(pos) == ' ' ? " (no space between operator and version)" : ""));
    }
    String partial = partial(!op.isEmpty());
    expectTermEnd();
    return op + partial;
  }

  private String operator() {
    for (String op : new String[] {">=", "<=", ">", "<", "=", "^", "~"}) {
      if (s.startsWith(op, pos)) {
        pos += op.length();
        return op;
      }
    }
    return "";
  }

  private void expectTermEnd() throws Malformed {
    if (pos < s.length() && s.charAt(pos) != ' ' && s.charAt(pos) != '|') {
      throw unexpected();
    }
  }

  /** {@code major[.minor[.patch[suffix]]]} with wildcards; returns the canonical text. */
  private String partial(boolean hasOperator) throws Malformed {
    int start = pos;
    Shape shape = components();
    suffix(shape.parts() == 3 && !shape.wildcard());
    if (shape.firstWildcard()) {
      if (hasOperator) {
        throw malformed("an operator needs a version number, not a wildcard (position " + (start + 1)
            + "); write '*' alone for any version");
      }
      return "*";
    }
    return s.substring(start, pos);
  }

  /** How a partial version is made: number of parts, and where wildcards are. */
  private record Shape(int parts, boolean wildcard, boolean firstWildcard) {}

  /** Up to three dot-separated numbers or wildcards, no number after a wildcard. */
  private Shape components() throws Malformed {
    boolean wildcard = false;
    boolean firstWildcard = false;
    int parts = 0;
    while (true) {
      char c = pos < s.length() ? s.charAt(pos) : ' ';
      if (c == '*' || c == 'x' || c == 'X') {
        pos++;
        wildcard = true;
        firstWildcard |= parts == 0;
      } else if (isDigit(c)) {
        if (wildcard) {
          throw malformed("a number cannot follow a wildcard (position " + (pos + 1) + "): write '1.x', not 'x.1'");
        }
        number("version number");
      } else if (c == '.' || c == ' ' || c == '|') {
        throw malformed("empty version component at position " + (pos + 1) + " of '" + s + "'");
      } else {
        throw malformed("expected a version number at position " + (pos + 1) + ", found '" + c + "'");
      }
      parts++;
      if (pos >= s.length() || s.charAt(pos) != '.') {
        return new Shape(parts, wildcard, firstWildcard);
      }
      if (parts == 3) {
        throw malformed("too many version components at position " + (pos + 1) + " (at most major.minor.patch)");
      }
      pos++;
    }
  }

  private void suffix(boolean allowed) throws Malformed {
    if (pos >= s.length() || (s.charAt(pos) != '-' && s.charAt(pos) != '+')) {
      return;
    }
    if (!allowed) {
      throw malformed("a pre-release or build suffix (position " + (pos + 1)
          + ") needs a full major.minor.patch version");
    }
    if (s.charAt(pos) == '-') {
      pos++;
      identifiers(true);
    }
    if (pos < s.length() && s.charAt(pos) == '+') {
      pos++;
      identifiers(false);
    }
  }

  private void identifiers(boolean preRelease) throws Malformed {
    String what = preRelease ? "pre-release" : "build";
    while (true) {
      int start = pos;
      boolean numeric = true;
      while (pos < s.length() && isIdentChar(s.charAt(pos))) {
        numeric &= isDigit(s.charAt(pos));
        pos++;
      }
      if (pos == start) {
        throw malformed("empty " + what + " identifier at position " + (start + 1));
      }
      if (preRelease && numeric) {
        checkNumber(start, "pre-release number");
      }
      if (pos < s.length() && s.charAt(pos) == '.') {
        pos++;
        continue;
      }
      return;
    }
  }

  private void number(String what) throws Malformed {
    int start = pos;
    while (pos < s.length() && isDigit(s.charAt(pos))) {
      pos++;
    }
    checkNumber(start, what);
  }

  private void checkNumber(int start, String what) throws Malformed {
    int len = pos - start;
    if (len > 1 && s.charAt(start) == '0') {
      throw malformed(what + " '" + s.substring(start, pos) + "' at position " + (start + 1)
          + " has a leading zero");
    }
    if (len > MAX_DIGITS) {
      throw malformed(what + " at position " + (start + 1) + " has more than " + MAX_DIGITS + " digits");
    }
  }

  private void skipSpaces() {
    while (pos < s.length() && s.charAt(pos) == ' ') {
      pos++;
    }
  }

  private Malformed unexpected() {
    return malformed("unexpected '" + s.charAt(pos) + "' at position " + (pos + 1) + " of '" + s + "'");
  }

  private static Malformed malformed(String message) {
    return new Malformed(UriError.MALFORMED_VERSION_SPEC, message);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentChar(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
  }
}
