package io.onex.core.diag;

import java.util.List;

/**
 * A failure that stops the current operation and carries the diagnostics that explain it.
 * The CLI prints the diagnostics (never a stack trace) and maps the exception to an exit code.
 */
public final class OnexException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  public OnexException(List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "failed" : diagnostics.get(0).format(), null, false, false);
    this.diagnostics = List.copyOf(diagnostics);
  }

  public OnexException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
