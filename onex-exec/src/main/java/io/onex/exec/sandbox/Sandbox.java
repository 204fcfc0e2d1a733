package io.onex.exec.sandbox;

import io.onex.core.diag.Diagnostic;
import io.onex.exec.sandbox.SandboxResult.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs one command in a sandbox: a fresh directory holding a copy of the node, an explicit
 * environment, a timeout, capped output, and the whole process tree killed at the end.
 *
 * <p>Lifecycle of {@link #run}: create {@code <tempBase>/onex-sandbox-<random>/} with
 * {@code work/ home/ tmp/}; copy the node into {@code work/}; build the environment; resolve
 * the program; start it (under {@code setsid} when available) in {@code work/}; wait for exit,
 * timeout or output overflow; kill every process of the run; delete the directory (always, in
 * a {@code finally}). What the node sees is specified in {@code docs/formats/sandbox.md}.
 *
 * <p>The sandbox protects the repository and the caller from accidents (runaway loops,
 * floods, stray children, writes to the node's own files); it is not a security boundary
 * against hostile code: the node runs as the caller's user and can reach any absolute path
 * that user can.
 */
public final class Sandbox {
  private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"),
      Path.of("/bin/setsid"));

  private Sandbox() {}

  /**
   * Runs the spec. Never throws because of what the node does: every outcome, including a node
   * that cannot be copied or started, is a {@link SandboxResult}.
   *
   * @throws io.onex.core.diag.OnexException {@code ONEX-E014} only when the calling thread is
   *     interrupted (the processes are killed and the directory deleted first)
   */
  public static SandboxResult run(SandboxSpec spec) {
    return run(spec, findSetsid());
  }

  /** Runs the spec, under the given setsid binary or, when {@code null}, without one. */
  static SandboxResult run(SandboxSpec spec, Path setsid) {
    Instant started = spec.clock().instant();
    String file = spec.nodeDir() == null ? "" : spec.nodeDir().toString();
    WorkDir dir = null;
    SandboxResult result;
    List<Diagnostic> cleanup = List.of();
    try {
      dir = WorkDir.create(spec.tempBase());
      if (spec.nodeDir() != null) {
        NodeCopy.copy(spec.nodeDir(), dir.work());
      }
      String marker = UUID.randomUUID().toString();
      Map<String, String> env = Launch.environment(spec, dir, marker);
      List<String> command = Launch.command(spec.command(), dir.work(), env.get("PATH"), file);
      result = new SandboxRun(spec, setsid, file).run(command, env, dir.work(), marker, started);
    } catch (SandboxFailure e) {
      result = new SandboxResult(Status.START_FAILED, null, null, null, false, false,
          SandboxRun.elapsed(started, spec.clock()), e.diagnostic(),
          List.of());
    } finally {
      if (dir != null) {
        cleanup = dir.delete();
      }
    }
    return result.withWarnings(cleanup);
  }

  /** The setsid binary, or {@code null} when there is none (then process groups are unused). */
  static Path findSetsid() {
    for (Path p : SETSID) {
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
