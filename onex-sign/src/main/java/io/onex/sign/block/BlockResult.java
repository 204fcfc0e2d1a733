package io.onex.sign.block;

import io.onex.core.diag.Diagnostic;
import io.onex.sign.key.KeyId;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of verifying a node's signature_block.
 *
 * @param reason OK or why not
 * @param keyId the trusted key that verified the signature (present only when OK)
 * @param detail a one-line explanation (empty when OK)
 */
public record BlockResult(BlockReason reason, Optional<KeyId> keyId, String detail) {
  public BlockResult {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(keyId, "keyId");
    detail = detail == null ? "" : detail;
  }

  static BlockResult failure(BlockReason reason, String detail) {
    return new BlockResult(reason, Optional.empty(), detail);
  }

  public boolean ok() {
    return reason == BlockReason.OK;
  }

  /**
   * The failure as an error diagnostic about {@code file} (a node.onex.yaml), field
   * {@code signature_block} (or {@code hash} for a hash mismatch).
   *
   * @throws IllegalStateException if the result is OK
   */
  public Diagnostic toDiagnostic(String file) {
    if (ok()) {
      throw new IllegalStateException("not a failure");
    }
    String field = reason == BlockReason.HASH_MISMATCH ? "hash" : "signature_block";
    return Diagnostic.error(reason.error(), file, 0, 0, field, detail);
  }
}
