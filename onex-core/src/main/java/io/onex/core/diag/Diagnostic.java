package io.onex.core.diag;

import java.util.Objects;

/**
 * One problem found in one file: a stable code, where it is (file, 1-based line and column,
 * the field as a dotted path or JSON pointer), what is wrong and how to fix it.
 *
 * <p>{@code line} and {@code column} are 0 when unknown (for example a whole-file problem).
 * {@code field} is empty when the problem is not about one field.
 */
public record Diagnostic(
    String code,
    Severity severity,
    String file,
    int line,
    int column,
    String field,
    String message,
    String hint) {

  public Diagnostic {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    file = file == null ? "" : file;
    field = field == null ? "" : field;
    Objects.requireNonNull(message, "message");
    hint = hint == null ? "" : hint;
  }

  /** An error with the code's default hint. */
  public static Diagnostic error(ErrorCode code, String file, int line, int column, String field, String message) {
    return new Diagnostic(code.id(), Severity.ERROR, file, line, column, field, message, code.hint());
  }

  /** An error with a specific hint. */
  public static Diagnostic error(
      ErrorCode code, String file, int line, int column, String field, String message, String hint) {
    return new Diagnostic(code.id(), Severity.ERROR, file, line, column, field, message, hint);
  }

  /** A warning with a specific hint. */
  public static Diagnostic warning(
      ErrorCode code, String file, int line, int column, String field, String message, String hint) {
    return new Diagnostic(code.id(), Severity.WARNING, file, line, column, field, message, hint);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** Same diagnostic, other position (used when a caller knows the location better). */
  public Diagnostic at(int newLine, int newColumn) {
    return new Diagnostic(code, severity, file, newLine, newColumn, field, message, hint);
  }

  /**
   * The human form, as compilers print it:
   * {@code file:line:col: error ONEX-Y003 [field]: message} and a {@code fix:} line.
   */
  public String format() {
    StringBuilder sb = new StringBuilder();
    sb.append(file.isEmpty() ? "<input>" : file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    sb.append(": ").append(severity == Severity.ERROR ? "error" : "warning");
    sb.append(' ').append(code);
    if (!field.isEmpty()) {
      sb.append(" [").append(field).append(']');
    }
    sb.append(": ").append(message);
    if (!hint.isEmpty()) {
      sb.append(System.lineSeparator()).append("  fix: ").append(hint);
    }
    return sb.toString();
  }
}
