package io.onex.core.stamp;

import io.onex.core.diag.Diagnostic;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link Stamper#stamp}: the file's new bytes, what happened and the hash now
 * stored in the block. {@code content} is copied in and out (records share arrays otherwise).
 * {@code diagnostics} holds warnings only (errors are thrown).
 */
public record StampResult(Status status, byte[] content, String hash, List<Diagnostic> diagnostics) {

  /** What {@link Stamper#stamp} did. */
  public enum Status {
    /** The block was present and its hash current: content is byte-identical to the input. */
    UNCHANGED,
    /** The file had no block: one was inserted. */
    STAMPED,
    /** The block's hash was stale: {@code hash} and {@code last_modified_at} were updated. */
    RESTAMPED
  }

  public StampResult {
    Objects.requireNonNull(status, "status");
    content = content.clone();
    Objects.requireNonNull(hash, "hash");
    diagnostics = List.copyOf(diagnostics);
  }

  /** A copy of the new file bytes. */
  @Override
  public byte[] content() {
    return content.clone();
  }

  /** Whether the file must be written back. */
  public boolean changed() {
    return status != Status.UNCHANGED;
  }
}
