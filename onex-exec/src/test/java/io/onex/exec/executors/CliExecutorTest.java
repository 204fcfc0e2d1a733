package io.onex.exec.executors;

import static io.onex.exec.executors.ProcessFixturesTest.isDead;
import static io.onex.exec.executors.ProcessFixturesTest.parse;
import static io.onex.exec.executors.ProcessFixturesTest.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.record.ExecutionRecord;
import io.onex.exec.LoadedNode;
import io.onex.exec.RunResult;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cli executor, end to end through the runtime with a real /bin/sh script. */
class CliExecutorTest {
  @TempDir Path root;
  ProcessFixturesTest.Harness h;

  @BeforeEach
  void setUp() {
    h = new ProcessFixturesTest.Harness(root);
  }

  @AfterEach
  void leavesNothing() {
    h.verify();
  }

  private static ExecutionRecord.ErrorInfo error(RunResult r) {
    return r.record().error().orElseThrow(() -> new AssertionError("no error in " + r.record()));
  }

  private RunResult run(String mode) {
    return h.run("cli_behave", "{\"mode\": \"" + mode + "\", \"name\": \"Ada\", \"count\": 1}");
  }

  @Test
  void execute_successSubstitutesInputArgumentsAndPassesStdin() {
    RunResult r = h.run("cli_behave", "{\"mode\": \"echo\", \"name\": \"Ada Lovelace\", \"count\": 12}");
    assertEquals("success", r.record().status(), r.record().toString());
    assertEquals(parse("{\"name\": \"Ada Lovelace\", \"count\": 12, \"args\": 4, \"flag\": \"--name\","
        + " \"stdin\": {\"mode\": \"echo\", \"name\": \"Ada Lovelace\", \"count\": 12}}"), r.output().get());
    assertEquals(Optional.of(0), r.record().exitCode());
    assertTrue(r.stderr().contains("cli_behave: mode echo"), r.stderr());
  }

  @Test
  void execute_nonStringArgumentsAreSubstitutedAsJson() {
    LoadedNode n = h.variant("cli_behave", t -> t.with("entrypoint").putArray("args")
        .add("{input.mode}").add("{input.list.1}").add("{input.count}").add("{input.opts}"));
    RunResult r = h.run(n, "{\"mode\": \"echo\", \"opts\": {\"a\": [true, null]}, \"list\": [\"x\", \"y\"], \"count\": 3}",
        Duration.ofSeconds(20));
    assertEquals("success", r.record().status(), r.record().toString());
    assertEquals("y", r.output().get().get("flag").asText());
    assertEquals("3", r.output().get().get("name").asText());
    assertEquals(parse("{\"a\": [true, null]}"), r.output().get().get("count"));
  }

  @Test
  void execute_wholeInputArgumentAndNearMissesLeftAlone() {
    LoadedNode n = h.variant("cli_behave", t -> t.with("entrypoint").putArray("args")
        .add("{input.mode}").add("x{input.mode}").add("{input.}").add("{input}"));
    String in = "{\"mode\": \"echo\", \"k\": [1, 2]}";
    RunResult r = h.run(n, in, Duration.ofSeconds(20));
    assertEquals("x{input.mode}", r.output().get().get("flag").asText());
    assertEquals("{input.}", r.output().get().get("name").asText());
    assertEquals(parse(in), r.output().get().get("count"));
  }

  @Test
  void execute_argumentNamingAMissingInputValueIsFailureX002() {
    RunResult r = h.run("cli_behave", "{\"mode\": \"echo\", \"name\": \"Ada\"}");
    assertEquals("failure", r.record().status());
    assertEquals("ONEX-X002", error(r).code());
    assertTrue(error(r).message().contains("{input.count}"), error(r).message());
    assertEquals(Optional.empty(), r.record().exitCode());
  }

  @Test
  void execute_identicalRunsHaveEqualTraceHashes() {
    assertEquals(run("echo").record().traceHash(), run("echo").record().traceHash());
  }

  @Test
  void execute_nonZeroExitIsFailureX007WithCodeAndLastStderrLine() {
    RunResult r = run("fail");
    assertEquals("failure", r.record().status());
    assertEquals(Optional.of(3), r.record().exitCode());
    assertEquals("ONEX-X007", error(r).code());
    assertTrue(error(r).message().contains("code 3"), error(r).message());
    assertTrue(error(r).message().endsWith("last words: cli broke"), error(r).message());
  }

  @Test
  void execute_timeoutIsErrorX004() {
    RunResult r = h.run(h.node("cli_behave"), "{\"mode\": \"sleep\", \"name\": \"a\", \"count\": 1}", Duration.ofSeconds(1));
    assertEquals("error", r.record().status());
    assertEquals("ONEX-X004", error(r).code());
  }

  @Test
  void execute_floodingStdoutIsErrorX005() {
    RunResult r = run("flood");
    assertEquals("error", r.record().status());
    assertEquals("ONEX-X005", error(r).code());
  }

  @Test
  void execute_nonJsonStdoutIsErrorX006() {
    RunResult r = run("notjson");
    assertEquals("ONEX-X006", error(r).code());
    assertTrue(error(r).message().contains("plain words"), error(r).message());
  }

  @Test
  void execute_backgroundChildIsKilled() {
    RunResult r = run("child");
    assertEquals("success", r.record().status(), r.record().toString());
    long pid = r.output().get().get("child_pid").asLong();
    assertTrue(isDead(pid), "child " + pid + " still runs");
  }

  @Test
  void execute_undeclaredVariableIsInvisibleAndDeclaredOneVisible() {
    RunResult r = run("env");
    assertEquals(parse("{\"secret_token\": \"<unset>\", \"declared_var\": \"declared-value\"}"), r.output().get());
  }

  @Test
  void execute_writesStayInTheSandbox() throws Exception {
    Path dir = h.node("cli_behave").directory();
    Map<String, String> before = snapshot(dir);
    RunResult r = run("escape");
    assertEquals(parse("{\"data_now\": \"overwritten\"}"), r.output().get());
    assertEquals(before, snapshot(dir));
    assertFalse(Files.exists(dir.resolveSibling("escape.txt")));
  }

  @Test
  void execute_reportedCostIsRemovedFromTheOutput() {
    RunResult r = run("cost");
    assertEquals(parse("{\"answer\": 42}"), r.output().get());
    assertEquals(0, new BigDecimal("0.5").compareTo(r.record().costUsd().orElseThrow()));
  }

  @Test
  void execute_targetWithoutExecutableBitIsErrorX008() {
    h.node("cli_behave").directory().resolve("run.sh").toFile().setExecutable(false, false);
    LoadedNode n = h.variant("cli_behave", t -> { });
    RunResult r = h.run(n, "{\"mode\": \"echo\", \"name\": \"a\", \"count\": 1}", Duration.ofSeconds(20));
    assertEquals("error", r.record().status());
    assertEquals("ONEX-X008", error(r).code());
    assertTrue(error(r).message().contains("not executable"), error(r).message());
  }

  @Test
  void execute_missingTargetIsErrorX008() {
    LoadedNode n = h.variant("cli_behave", t -> t.with("entrypoint").put("target", "bin/missing"));
    RunResult r = h.run(n, "{\"mode\": \"echo\", \"name\": \"a\", \"count\": 1}", Duration.ofSeconds(20));
    assertEquals("ONEX-X008", error(r).code());
    assertTrue(error(r).message().contains("does not exist"), error(r).message());
  }

  @Test
  void execute_nodeDirectoryThatCannotBeCopiedIsErrorX015() throws Exception {
    Path dir = h.node("cli_behave").directory();
    Files.writeString(root.resolve("outside.txt"), "not part of the node");
    Files.createSymbolicLink(dir.resolve("outside"), root.resolve("outside.txt"));
    LoadedNode n = new LoadedNode(h.node("cli_behave").metadata(), dir, h.node("cli_behave").hash());
    RunResult r = h.run(n, "{\"mode\": \"echo\", \"name\": \"a\", \"count\": 1}", Duration.ofSeconds(20));
    assertEquals("error", r.record().status());
    assertEquals("ONEX-X015", error(r).code());
    assertTrue(error(r).message().contains("ONEX-E006"), error(r).message());
  }
}
