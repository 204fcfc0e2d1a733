package io.onex.sign.internal;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.sign.SignError;

/** Builds the {@link OnexException}s of this module. Not part of the public API. */
public final class Fail {
  private Fail() {}

  /** An error with the code's default hint. */
  public static OnexException of(SignError code, String file, String field, String message) {
    return new OnexException(Diagnostic.error(code, file, 0, 0, field, message));
  }

  /** An error with a specific hint. */
  public static OnexException of(SignError code, String file, String field, String message, String hint) {
    return new OnexException(Diagnostic.error(code, file, 0, 0, field, message, hint));
  }

  /** The same failure placed at {@code file} and {@code field} (the field only if it had none). */
  public static OnexException relocate(OnexException e, String file, String field) {
    Diagnostic d = e.diagnostics().get(0);
    return new OnexException(new Diagnostic(d.code(), d.severity(), file, d.line(), d.column(),
        d.field().isEmpty() ? field : d.field(), d.message(), d.hint()));
  }

  /** The code of the first diagnostic. */
  public static String code(OnexException e) {
    return e.diagnostics().isEmpty() ? "" : e.diagnostics().get(0).code();
  }
}
