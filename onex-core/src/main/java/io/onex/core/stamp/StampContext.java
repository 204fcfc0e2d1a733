package io.onex.core.stamp;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What a new or updated stamp needs from outside: the time ({@code clock}), the {@code author}
 * (also written as owner and copyright of new blocks) and the source of new block uuids. Tests
 * pass a fixed clock and a fixed uuid supplier, so stamping is deterministic.
 *
 * @throws OnexException ({@code ONEX-M015}) when the author is blank or not one printable line
 */
public record StampContext(Clock clock, String author, Supplier<UUID> uuids) {

  public StampContext {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(uuids, "uuids");
    if (author.isBlank() || !Scalars.isSingleLine(author)) {
      throw new OnexException(Diagnostic.error(StampError.INVALID_STAMP_VALUE, "", 0, 0, "author",
          "author must be one non-empty line without control characters"));
    }
  }

  /** A context whose new blocks get random (version 4) uuids. */
  public static StampContext withRandomUuids(Clock clock, String author) {
    return new StampContext(clock, author, UUID::randomUUID);
  }
}
