package io.onex.sign.dsse;

import io.onex.core.diag.Diagnostic;
import io.onex.sign.key.KeyId;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of verifying an envelope against trusted keys and a threshold.
 *
 * @param reason OK or why not
 * @param counted the distinct trusted keys whose valid signature counted, by key id
 * @param threshold how many were needed
 * @param notes one line per signature that did not count, and why (for messages)
 * @param detail a one-line explanation of a failure (empty when OK)
 */
public record DsseResult(DsseReason reason, List<KeyId> counted, int threshold, List<String> notes, String detail) {
  public DsseResult {
    Objects.requireNonNull(reason, "reason");
    counted = List.copyOf(counted);
    notes = List.copyOf(notes);
    detail = detail == null ? "" : detail;
  }

  public boolean ok() {
    return reason == DsseReason.OK;
  }

  /**
   * The failure as an error diagnostic about {@code file}.
   *
   * @throws IllegalStateException if the result is OK
   */
  public Diagnostic toDiagnostic(String file) {
    if (ok()) {
      throw new IllegalStateException("not a failure");
    }
    String more = notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
    return Diagnostic.error(reason.error(), file, 0, 0, "", detail + more);
  }
}
