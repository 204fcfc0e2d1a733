package io.onex.exec.sandbox;

import static io.onex.exec.sandbox.SandboxTesting.PARENT;
import static io.onex.exec.sandbox.SandboxTesting.assertKilled;
import static io.onex.exec.sandbox.SandboxTesting.pids;
import static io.onex.exec.sandbox.SandboxTesting.run;
import static io.onex.exec.sandbox.SandboxTesting.sh;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.exec.sandbox.SandboxResult.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: exit codes, stdin, timeouts, process-tree kills and output limits. */
class SandboxProcessTest {
  @TempDir Path base;

  @Test
  void run_echoesStdinToStdout() {
    SandboxResult r = run(SandboxSpec.of(List.of("/bin/cat"), null).withTempBase(base)
        .withStdin("hello sandbox\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(Status.OK, r.status(), r.toString());
    assertEquals(0, r.exitCode());
    assertEquals("hello sandbox\n", r.stdoutText());
    assertEquals(0, r.stderr().length);
    assertNull(r.error());
    assertTrue(r.warnings().isEmpty(), r.warnings().toString());
  }

  @Test
  void run_passesLargeStdinThroughWithoutDeadlock() {
    byte[] input = new byte[3 * 1024 * 1024];
    new Random(7).nextBytes(input);
    SandboxResult r = run(SandboxSpec.of(List.of("/bin/cat"), null).withTempBase(base)
        .withStdin(input));
    assertEquals(Status.OK, r.status(), r.toString());
    assertArrayEquals(input, r.stdout());
  }

  @Test
  void run_nodeThatNeverReadsStdin_doesNotDeadlock() {
    SandboxResult r = run(sh(base, null, "echo done").withStdin(new byte[8 * 1024 * 1024])
        .withTimeout(Duration.ofSeconds(20)));
    assertEquals(Status.OK, r.status(), r.toString());
    assertEquals("done\n", r.stdoutText());
  }

  @Test
  void run_nonZeroExit_reportsCodeAndStderrTail() {
    SandboxResult r = run(sh(base, null, "echo partial; echo 'bad input: \"x\"' >&2; exit 3"));
    assertEquals(Status.NONZERO_EXIT, r.status());
    assertEquals(3, r.exitCode());
    assertEquals("partial\n", r.stdoutText());
    Diagnostic d = r.error();
    assertEquals("ONEX-E002", d.code());
    assertTrue(d.message().contains("code 3"), d.message());
    assertTrue(d.message().contains("bad input: \\\"x\\\""), d.message());
    assertEquals(SandboxError.NONZERO_EXIT.hint(), d.hint());
  }

  @Test
  void run_timeout_killsTheProcess() throws Exception {
    SandboxResult r = run(sh(base, null, "echo $$; exec sleep 60")
        .withTimeout(Duration.ofSeconds(1)));
    assertEquals(Status.TIMEOUT, r.status(), r.toString());
    assertNull(r.exitCode());
    assertEquals("ONEX-E003", r.error().code());
    assertEquals("timeout", r.error().field());
    assertTrue(r.error().message().contains("within 1 s"), r.error().message());
    assertKilled(pids(r));
  }

  @Test
  void run_timeout_killsGrandchildren() throws Exception {
    assertTimeoutKillsGrandchildren(Sandbox.findSetsid());
  }

  @Test
  void run_timeoutWithoutSetsid_killsGrandchildren() throws Exception {
    assertTimeoutKillsGrandchildren(null);
  }

  private void assertTimeoutKillsGrandchildren(Path setsid) throws Exception {
    String script = "sh -c 'sleep 600 & echo $!; sleep 600 & echo $!; wait' & echo $!; wait";
    SandboxResult r = run(sh(base, null, script).withTimeout(Duration.ofSeconds(2)), setsid);
    assertEquals(Status.TIMEOUT, r.status(), r.toString());
    List<Long> pids = pids(r);
    assertEquals(3, pids.size(), r.stdoutText());
    assertKilled(pids);
  }

  @Test
  void run_childOutlivingParent_isKilled() throws Exception {
    SandboxResult r = run(sh(base, null, "sleep 1000 & echo $!"));
    assertEquals(Status.OK, r.status(), r.toString());
    assertEquals(0, r.exitCode());
    assertKilled(pids(r));
  }

  @Test
  void run_childOutlivingParentWithoutSetsid_isKilled() throws Exception {
    SandboxResult r = run(sh(base, null, "sleep 1000 >/dev/null 2>&1 & echo $!"), null);
    assertEquals(Status.OK, r.status(), r.toString());
    assertKilled(pids(r));
  }

  @Test
  void run_childThatLeftTheSession_isKilledByMarker() throws Exception {
    SandboxResult r = run(sh(base, null,
        "setsid sleep 1000 </dev/null >/dev/null 2>&1 & echo $!"));
    assertEquals(Status.OK, r.status(), r.toString());
    assertKilled(pids(r));
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // FIFO opens block
  void run_cleanupOfOneRun_leavesAConcurrentRunAlone() throws Exception {
    Path out = base.resolveSibling(base.getFileName() + "-out.fifo");
    Path in = base.resolveSibling(base.getFileName() + "-in.fifo");
    try {
      for (Path fifo : List.of(out, in)) {
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
      }
      SandboxSpec first = sh(base, null, "echo $$ > \"$OUT\"; read x < \"$IN\"; echo \"$x\"")
          .withEnvironment(Map.of("OUT", out.toString(), "IN", in.toString()))
          .withTimeout(Duration.ofSeconds(20));
      CompletableFuture<SandboxResult> running = CompletableFuture.supplyAsync(
          () -> Sandbox.run(first));
      long firstPid = Long.parseLong(Files.readString(out).trim()); // blocks until it runs
      SandboxResult second = run(sh(base, null, "sleep 1000 & echo $!"));
      assertEquals(Status.OK, second.status());
      assertKilled(pids(second));
      assertFalse(ProcTable.isDead(firstPid), "the other run's cleanup killed this run");
      Files.writeString(in, "released\n"); // blocks until the first run reads
      SandboxResult r = running.get(20, TimeUnit.SECONDS);
      assertEquals(Status.OK, r.status(), r.toString());
      assertEquals("released\n", r.stdoutText());
      assertEquals(0, SandboxTesting.entries(base));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(in);
    }
  }

  @Test
  void run_stdoutFlood_endsWithOutputLimit() {
    SandboxResult r = run(SandboxSpec.of(List.of("yes"), null).withParentEnvironment(PARENT)
        .withTempBase(base).withTimeout(Duration.ofSeconds(20)));
    assertEquals(Status.OUTPUT_LIMIT, r.status(), r.toString());
    assertEquals("ONEX-E004", r.error().code());
    assertEquals("stdoutLimit", r.error().field());
    assertEquals(SandboxSpec.DEFAULT_STDOUT_LIMIT, r.stdout().length);
    assertTrue(r.stdoutTruncated());
    assertFalse(r.stderrTruncated());
    assertNull(r.exitCode());
    assertTrue(r.stdoutText().startsWith("y\ny\ny\n"));
  }

  @Test
  void run_pythonPrintingForever_endsWithOutputLimit() {
    SandboxResult r = run(SandboxSpec.of(List.of(SandboxTesting.python(), "-c",
        "while True: print('x' * 10000)"), null).withTempBase(base)
        .withTimeout(Duration.ofSeconds(20)));
    assertEquals(Status.OUTPUT_LIMIT, r.status(), r.toString());
    assertEquals(SandboxSpec.DEFAULT_STDOUT_LIMIT, r.stdout().length);
  }

  @Test
  void run_stderrFlood_endsWithOutputLimit() {
    SandboxResult r = run(SandboxSpec.of(List.of(SandboxTesting.python(), "-c",
        "import sys\nwhile True: sys.stderr.write('e' * 10000)"), null).withTempBase(base)
        .withTimeout(Duration.ofSeconds(20)));
    assertEquals(Status.OUTPUT_LIMIT, r.status(), r.toString());
    assertEquals("ONEX-E005", r.error().code());
    assertEquals(SandboxSpec.DEFAULT_STDERR_LIMIT, r.stderr().length);
    assertTrue(r.stderrTruncated());
    assertFalse(r.stdoutTruncated());
    assertEquals(0, r.stdout().length);
  }

  @Test
  void run_outputExactlyAtLimit_isKept() {
    SandboxResult r = run(sh(base, null, "head -c 1000 /dev/zero").withLimits(1000, 0));
    assertEquals(Status.OK, r.status(), r.toString());
    assertEquals(1000, r.stdout().length);
    assertFalse(r.stdoutTruncated());
  }

  @Test
  void run_outputOneByteOverLimit_isOutputLimit() {
    SandboxResult r = run(sh(base, null, "head -c 1001 /dev/zero").withLimits(1000, 0));
    assertEquals(Status.OUTPUT_LIMIT, r.status(), r.toString());
    assertEquals(1000, r.stdout().length);
    assertTrue(r.stdoutTruncated());
  }

  @Test
  void run_nonJsonStdout_isReportedByJsonOutput() {
    SandboxResult r = run(sh(base, null, "echo 'Traceback: boom'"));
    assertEquals(Status.OK, r.status());
    OnexException e = assertThrows(OnexException.class, () -> JsonOutput.parse(r.stdout()));
    assertEquals("ONEX-E010", e.diagnostics().get(0).code());
    assertTrue(e.diagnostics().get(0).message().contains("Traceback: boom\\n"),
        e.diagnostics().get(0).message());
  }

  @Test
  void run_jsonStdout_parses() {
    SandboxResult r = run(sh(base, null, "printf '{\"sum\": 3}\\n'"));
    assertEquals(3, JsonOutput.parse(r.stdout()).get("sum").asInt());
  }

  @Test
  void run_missingExecutable_isStartFailed() {
    SandboxResult r = run(SandboxSpec.of(List.of("/nonexistent/bin/tool", "--x"), null)
        .withTempBase(base));
    assertEquals(Status.START_FAILED, r.status());
    assertNull(r.exitCode());
    assertEquals("ONEX-E001", r.error().code());
    assertTrue(r.error().message().contains("/nonexistent/bin/tool does not exist"),
        r.error().message());
  }

  @Test
  void run_bareNameNotOnPath_isStartFailed() {
    SandboxResult r = run(SandboxSpec.of(List.of("no-such-tool-xyz"), null)
        .withParentEnvironment(PARENT).withTempBase(base));
    assertEquals(Status.START_FAILED, r.status());
    assertTrue(r.error().message().contains("not found on the sandbox PATH ("
        + SandboxTesting.PATH + ")"), r.error().message());
  }

  @Test
  void run_bareNameWithoutPath_isStartFailed() {
    SandboxResult r = run(SandboxSpec.of(List.of("sh"), null).withTempBase(base));
    assertEquals(Status.START_FAILED, r.status());
    assertTrue(r.error().message().contains("has no PATH"), r.error().message());
  }

  @Test
  void run_interruptedCaller_killsAndThrows() throws Exception {
    Thread.currentThread().interrupt();
    OnexException e;
    try {
      e = assertThrows(OnexException.class,
          () -> Sandbox.run(sh(base, null, "sleep 600 & echo $!; exec sleep 600")));
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
    assertEquals("ONEX-E014", e.diagnostics().get(0).code());
    assertEquals(0, SandboxTesting.entries(base));
  }

  @Test
  void run_durationComesFromTheSpecClock() {
    SandboxResult r = run(sh(base, null, "exit 0").withClock(new StepClock(Duration.ofSeconds(5))));
    assertEquals(Duration.ofSeconds(5), r.duration());
    SandboxResult failed = run(SandboxSpec.of(List.of("/nonexistent"), null).withTempBase(base)
        .withClock(new StepClock(Duration.ofMillis(7))));
    assertEquals(Duration.ofMillis(7), failed.duration());
    assertNotNull(failed.error());
  }

  /** A clock that moves forward by a fixed step at every reading. */
  private static final class StepClock extends Clock {
    private final Duration step;
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    StepClock(Duration step) {
      this.step = step;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public synchronized Instant instant() {
      Instant t = now;
      now = now.plus(step);
      return t;
    }
  }
}
