package io.onex.core.stamp;

import io.onex.core.diag.Diagnostic;
import java.util.List;
import java.util.Objects;

/**
 * The verdict of {@link Stamper#check}. {@code storedHash} and {@code computedHash} are empty when
 * unknown (no block, malformed block, unsupported file). {@code diagnostics} holds one error for
 * every status but {@link Status#OK}, plus warnings (legacy block form, block above a #! line).
 */
public record StampCheck(
    Status status, String storedHash, String computedHash, List<Diagnostic> diagnostics) {

  /** The state of a file's metadata block. */
  public enum Status {
    /** The block is well-formed and its hash matches the content. */
    OK,
    /** The file has no block. */
    MISSING,
    /** The stored hash differs from the computed one (content edited without restamp). */
    MISMATCH,
    /** The block is truncated or garbled; the diagnostics give the line. */
    MALFORMED,
    /** The file cannot carry a block (type, size, node.onex.yaml). */
    UNSUPPORTED
  }

  public StampCheck {
    Objects.requireNonNull(status, "status");
    storedHash = storedHash == null ? "" : storedHash;
    computedHash = computedHash == null ? "" : computedHash;
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return status == Status.OK;
  }
}
