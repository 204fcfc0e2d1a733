package io.onex.exec.sandbox;

import io.onex.core.diag.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How one sandboxed execution ended.
 *
 * <p>Invariants: {@code error} is {@code null} exactly when the status is {@link Status#OK};
 * {@code exitCode} is set only when the node's main process exited on its own (it is
 * {@code null} for {@code START_FAILED} and when the sandbox killed the node); {@code stdout}
 * and {@code stderr} hold at most the limits of the spec, the {@code ...Truncated} flags say
 * that the node wrote more. {@code warnings} holds problems that did not change the outcome
 * (for example a sandbox directory that could not be removed).
 *
 * @param status how the run ended
 * @param exitCode the main process's exit code, or {@code null}
 * @param stdout the first bytes written to stdout, up to the limit
 * @param stderr the first bytes written to stderr, up to the limit
 * @param stdoutTruncated whether stdout exceeded its limit
 * @param stderrTruncated whether stderr exceeded its limit
 * @param duration from just before the start to the end of the process tree, by the spec's
 *     clock
 * @param error the diagnostic ({@code ONEX-E...}) when the status is not OK
 * @param warnings diagnostics that did not change the status
 */
public record SandboxResult(
    Status status,
    Integer exitCode,
    byte[] stdout,
    byte[] stderr,
    boolean stdoutTruncated,
    boolean stderrTruncated,
    Duration duration,
    Diagnostic error,
    List<Diagnostic> warnings) {

  /** Outcome of a run. */
  public enum Status {
    /** The main process exited with 0 within its limits. */
    OK,
    /** The main process exited with another code. */
    NONZERO_EXIT,
    /** The timeout expired; the process tree was killed. */
    TIMEOUT,
    /** stdout or stderr exceeded its limit; the process tree was killed. */
    OUTPUT_LIMIT,
    /** The node could not be prepared or started (nothing ran). */
    START_FAILED
  }

  public SandboxResult {
    Objects.requireNonNull(status, "status");
    stdout = stdout == null ? new byte[0] : stdout.clone();
    stderr = stderr == null ? new byte[0] : stderr.clone();
    Objects.requireNonNull(duration, "duration");
    if ((status == Status.OK) != (error == null)) {
      throw new IllegalArgumentException("error must be present exactly when status is not OK");
    }
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** The stdout bytes (a copy). */
  @Override
  public byte[] stdout() {
    return stdout.clone();
  }

  /** The stderr bytes (a copy). */
  @Override
  public byte[] stderr() {
    return stderr.clone();
  }

  /** stdout decoded as UTF-8, malformed bytes replaced. */
  public String stdoutText() {
    return new String(stdout, StandardCharsets.UTF_8);
  }

  /** stderr decoded as UTF-8, malformed bytes replaced. */
  public String stderrText() {
    return new String(stderr, StandardCharsets.UTF_8);
  }

  public boolean isOk() {
    return status == Status.OK;
  }

  /** The same result with more warnings. */
  SandboxResult withWarnings(List<Diagnostic> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Diagnostic> all = new java.util.ArrayList<>(warnings);
    all.addAll(more);
    return new SandboxResult(status, exitCode, stdout, stderr, stdoutTruncated, stderrTruncated,
        duration, error, all);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SandboxResult r
        && status == r.status && Objects.equals(exitCode, r.exitCode)
        && Arrays.equals(stdout, r.stdout) && Arrays.equals(stderr, r.stderr)
        && stdoutTruncated == r.stdoutTruncated && stderrTruncated == r.stderrTruncated
        && duration.equals(r.duration) && Objects.equals(error, r.error)
        && warnings.equals(r.warnings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, exitCode, Arrays.hashCode(stdout), Arrays.hashCode(stderr),
        duration, error);
  }

  @Override
  public String toString() {
    return "SandboxResult[status=" + status + ", exitCode=" + exitCode + ", stdout="
        + stdout.length + " bytes" + (stdoutTruncated ? " (truncated)" : "") + ", stderr="
        + stderr.length + " bytes" + (stderrTruncated ? " (truncated)" : "") + ", duration="
        + duration + ", error=" + (error == null ? "none" : error.code() + " " + error.message())
        + ", warnings=" + warnings.size() + "]";
  }
}
