package io.onex.exec.sandbox;

import io.onex.core.diag.Diagnostic;

/** A run could not be prepared or started; carries the diagnostic for {@code START_FAILED}. */
final class SandboxFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Diagnostic diagnostic;

  SandboxFailure(Diagnostic diagnostic) {
    super(diagnostic.message(), null, false, false);
    this.diagnostic = diagnostic;
  }

  static SandboxFailure of(SandboxError code, String file, String message) {
    return new SandboxFailure(Diagnostic.error(code, file, 0, 0, "", message));
  }

  Diagnostic diagnostic() {
    return diagnostic;
  }
}
