package io.onex.sign.release;

import io.onex.core.diag.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of verifying a release chain.
 *
 * @param problems one diagnostic per failure, each with its code, message (naming keys and
 *     sequence numbers) and fix; empty when everything verified
 * @param statements the statements that parsed, oldest first
 * @param digests the payload digest of each of {@code statements}
 */
public record ReleaseResult(List<Diagnostic> problems, List<ReleaseStatement> statements, List<String> digests) {
  public ReleaseResult {
    problems = List.copyOf(problems);
    statements = List.copyOf(statements);
    digests = List.copyOf(digests);
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  /** The newest release, if any parsed. */
  public Optional<ReleaseStatement> latest() {
    return statements.isEmpty() ? Optional.empty() : Optional.of(statements.get(statements.size() - 1));
  }

  /** The state to remember after a successful verification. */
  public Optional<LastRelease> toLastRelease() {
    return latest().map(s -> new LastRelease(s.registry(), s.sequence(), digests.get(digests.size() - 1)));
  }
}
