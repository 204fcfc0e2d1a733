package io.onex.sign.verify;

import io.onex.core.diag.Diagnostic;
import java.util.Objects;

/**
 * The outcome of one signature check: a reason and a human detail (empty when OK).
 *
 * @param reason why it passed or failed
 * @param detail what exactly was wrong, for messages
 */
public record VerifyResult(VerifyReason reason, String detail) {
  static final VerifyResult OK = new VerifyResult(VerifyReason.OK, "");

  public VerifyResult {
    Objects.requireNonNull(reason, "reason");
    detail = detail == null ? "" : detail;
  }

  public boolean ok() {
    return reason == VerifyReason.OK;
  }

  /**
   * The failure as an error diagnostic about {@code file}.
   *
   * @throws IllegalStateException if the result is OK
   */
  public Diagnostic toDiagnostic(String file, String field) {
    if (ok()) {
      throw new IllegalStateException("not a failure");
    }
    return Diagnostic.error(reason.error(), file, 0, 0, field, reason.error().title() + ": " + detail);
  }
}
