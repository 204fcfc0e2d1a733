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
}
