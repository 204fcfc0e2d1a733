package io.onex.exec.sandbox;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.exec.sandbox.SandboxResult.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one prepared command: starts it, feeds stdin, pumps both outputs, waits for the first
 * of exit / timeout / output overflow, then ALWAYS kills the whole process tree (after a
 * normal exit this removes children that outlived the main process), waits for both outputs
 * to end (bounded) and classifies the outcome.
 */
final class SandboxRun {
  private static final long DRAIN_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);
  private static final int QUOTED_CHARS = 200;

  private enum Ending { EXIT, OVERFLOW, TIMEOUT }

  private final SandboxSpec spec;
  private final Path setsid;
  private final String file;

  /**
   * @param setsid the setsid binary to start the command under, or {@code null}
   * @param file what diagnostics name as their file (the node directory)
   */
  SandboxRun(SandboxSpec spec, Path setsid, String file) {
    this.spec = spec;
    this.setsid = setsid;
    this.file = file;
  }

  SandboxResult run(List<String> command, Map<String, String> env, Path work, String marker,
      Instant started) throws SandboxFailure {
    Process p = start(command, env, work);
    CompletableFuture<Ending> ending = new CompletableFuture<>();
    Runnable overflow = () -> ending.complete(Ending.OVERFLOW);
    OutputPump out = new OutputPump(p.getInputStream(), spec.stdoutLimit(), overflow)
        .start("onex-sandbox-stdout-" + p.pid());
    OutputPump err = new OutputPump(p.getErrorStream(), spec.stderrLimit(), overflow)
        .start("onex-sandbox-stderr-" + p.pid());
    feedStdin(p);
    watchExit(p, ending);
    Ending how;
    boolean interrupted = false;
    try {
      how = ending.get(timeoutNanos(spec.timeout()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      how = Ending.TIMEOUT;
    } catch (InterruptedException e) {
      interrupted = true;
      how = null;
    } catch (ExecutionException e) {
      how = Ending.EXIT; // unreachable: the future never completes exceptionally
    }
    List<Long> survivors = new ProcessTreeKiller(setsid != null,
        Launch.MARKER_VARIABLE + "=" + marker).killAll(p, how == Ending.EXIT);
    interrupted |= !drain(out, err);
    Duration duration = elapsed(started, spec.clock());
    if (interrupted) {
      Thread.currentThread().interrupt();
      throw new OnexException(Diagnostic.error(SandboxError.INTERRUPTED, file, 0, 0, "",
          "execution of '" + Snippet.escape(spec.command().get(0)) + "' was interrupted; its"
              + " processes were killed"));
    }
    Integer exit = how == Ending.EXIT ? p.exitValue() : null;
    List<Diagnostic> warnings = warnings(survivors, out, err);
    return classify(how, exit, out, err, duration, warnings);
  }

  private Process start(List<String> command, Map<String, String> env, Path work)
      throws SandboxFailure {
    List<String> full = new ArrayList<>();
    if (setsid != null) {
      full.add(setsid.toString());
    }
    full.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(full).directory(work.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    try {
      return pb.start();
    } catch (IOException | RuntimeException e) {
      throw SandboxFailure.of(SandboxError.START_FAILED, file, "cannot start '"
          + Snippet.escape(command.get(0)) + "': " + Snippet.escape(WorkDir.describe(e)));
    }
  }

  /**
   * Completes {@code ending} when the main process exits. A dedicated thread rather than
   * {@code Process.onExit()}, whose callbacks run on the shared common pool and could be
   * delayed past the timeout when that pool is busy.
   */
  private static void watchExit(Process p, CompletableFuture<Ending> ending) {
    Thread t = new Thread(() -> {
      try {
        p.waitFor();
        ending.complete(Ending.EXIT);
      } catch (InterruptedException e) {
        // nobody interrupts this thread; the process is killed at the end anyway
      }
    }, "onex-sandbox-wait-" + p.pid());
    t.setDaemon(true);
    t.start();
  }

  private void feedStdin(Process p) {
    byte[] input = spec.stdin();
    OutputStream os = p.getOutputStream();
    if (input.length == 0) {
      closeQuietly(os);
      return;
    }
    Thread t = new Thread(() -> {
      try (os) {
        os.write(input);
      } catch (IOException e) {
        // the node closed stdin or died: what it did not read is not our problem
      }
    }, "onex-sandbox-stdin-" + p.pid());
    t.setDaemon(true);
    t.start();
  }

  /** Waits for both outputs to end; false when interrupted. */
  private static boolean drain(OutputPump out, OutputPump err) {
    long deadline = System.nanoTime() + DRAIN_WAIT_NANOS;
    try {
      for (OutputPump pump : List.of(out, err)) {
        if (!pump.awaitEnd(Math.max(0, deadline - System.nanoTime()))) {
          pump.close();
        }
      }
      return true;
    } catch (InterruptedException e) {
      out.close();
      err.close();
      return false;
    }
  }

  private List<Diagnostic> warnings(List<Long> survivors, OutputPump out, OutputPump err) {
    List<Diagnostic> warnings = new ArrayList<>();
    if (!survivors.isEmpty()) {
      warnings.add(Diagnostic.warning(SandboxError.PROCESS_SURVIVED, file, 0, 0, "",
          "processes " + survivors + " of the node were still alive after being killed",
          SandboxError.PROCESS_SURVIVED.hint()));
    }
    if (!out.ended() || !err.ended()) {
      warnings.add(Diagnostic.warning(SandboxError.PROCESS_SURVIVED, file, 0, 0, "",
          "a process outside the sandbox's reach still holds the node's "
              + (out.ended() ? "stderr" : "stdout") + " open; output after the main process"
              + " ended is lost", SandboxError.PROCESS_SURVIVED.hint()));
    }
    return warnings;
  }

  private SandboxResult classify(Ending how, Integer exit, OutputPump out, OutputPump err,
      Duration duration, List<Diagnostic> warnings) {
    byte[] stdout = out.bytes();
    byte[] stderr = err.bytes();
    boolean outOver = out.overflowed();
    boolean errOver = err.overflowed();
    Diagnostic error = null;
    Status status;
    if (how == Ending.TIMEOUT) {
      status = Status.TIMEOUT;
      error = Diagnostic.error(SandboxError.TIMEOUT, file, 0, 0, "timeout",
          "node did not finish within " + human(spec.timeout())
              + "; it and every process it started were killed");
    } else if (outOver || errOver) {
      status = Status.OUTPUT_LIMIT;
      String stream = outOver ? "stdout" : "stderr";
      error = Diagnostic.error(outOver ? SandboxError.STDOUT_LIMIT : SandboxError.STDERR_LIMIT,
          file, 0, 0, stream + "Limit", "node wrote more than "
              + (outOver ? spec.stdoutLimit() : spec.stderrLimit()) + " bytes to " + stream
              + "; it was killed and its " + stream + " cut at the limit");
    } else if (exit != null && exit == 0) {
      status = Status.OK;
    } else if (isSetsidExecFailure(exit, stderr)) {
      status = Status.START_FAILED;
      error = Diagnostic.error(SandboxError.START_FAILED, file, 0, 0, "",
          "cannot start '" + Snippet.escape(spec.command().get(0)) + "': "
              + Snippet.tail(stderr, QUOTED_CHARS));
      exit = null;
    } else {
      status = Status.NONZERO_EXIT;
      String tail = Snippet.tail(stderr, QUOTED_CHARS);
      error = Diagnostic.error(SandboxError.NONZERO_EXIT, file, 0, 0, "",
          "node exited with code " + exit
              + (tail.isEmpty() ? " and wrote nothing to stderr" : "; stderr ends with \""
                  + tail + "\""));
    }
    return new SandboxResult(status, exit, stdout, stderr, outOver, errOver, duration, error,
        warnings);
  }

  /** setsid reports an exec failure (bad interpreter, not an executable) as 126/127. */
  private boolean isSetsidExecFailure(Integer exit, byte[] stderr) {
    return setsid != null && exit != null && (exit == 126 || exit == 127)
        && new String(stderr, StandardCharsets.UTF_8).startsWith("setsid: failed to execute");
  }

  /** Time since {@code started} on the clock, never negative (a clock may step back). */
  static Duration elapsed(Instant started, java.time.Clock clock) {
    Duration d = Duration.between(started, clock.instant());
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static long timeoutNanos(Duration timeout) {
    try {
      return timeout.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  static String human(Duration d) {
    return d.getNano() == 0 ? d.getSeconds() + " s" : d.toMillis() + " ms";
  }

  private static void closeQuietly(OutputStream os) {
    try {
      os.close();
    } catch (IOException e) {
      // already closed by the node's exit
    }
  }
}
