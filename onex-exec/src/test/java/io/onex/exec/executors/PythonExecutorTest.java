package io.onex.exec.executors;

import static io.onex.exec.executors.ProcessFixturesTest.isDead;
import static io.onex.exec.executors.ProcessFixturesTest.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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

/** The python executor, end to end through the runtime with real python3 processes. */
class PythonExecutorTest {
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

  @Test
  void execute_successReadsStdinAndReturnsTheStdoutObject() {
    RunResult r = h.run("py_behave", "{\"mode\": \"echo\", \"name\": \"Ada\", \"count\": 5}");
    assertEquals("success", r.record().status(), r.record().toString());
    assertEquals(ProcessFixturesTest.parse("{\"greeting\": \"hello Ada\", \"count\": 5, \"argv\": []}"), r.output().get());
    assertEquals(Optional.of(0), r.record().exitCode());
    assertEquals("python", r.record().executor());
    assertTrue(r.stderr().contains("py_behave: mode echo"), r.stderr());
  }

  @Test
  void execute_argsArePassedAfterTheTarget() {
    LoadedNode n = h.variant("py_behave", t -> t.with("entrypoint").putArray("args").add("--fast").add("{input.name}"));
    RunResult r = h.run(n, "{\"mode\": \"echo\", \"name\": \"Ada\"}", Duration.ofSeconds(20));
    assertEquals(ProcessFixturesTest.parse("[\"--fast\", \"{input.name}\"]"), r.output().get().get("argv"));
  }

  @Test
  void execute_identicalRunsHaveEqualTraceHashes() {
    String in = "{\"mode\": \"echo\", \"name\": \"Ada\"}";
    RunResult a = h.run("py_behave", in);
    RunResult b = h.run("py_behave", in);
    assertEquals("success", a.record().status());
    assertEquals(a.record().traceHash(), b.record().traceHash());
    assertFalse(a.record().recordId().equals(b.record().recordId()));
    RunResult c = h.run("py_behave", "{\"mode\": \"echo\", \"name\": \"Bob\"}");
    assertFalse(a.record().traceHash().equals(c.record().traceHash()));
  }

  @Test
  void execute_nonZeroExitIsFailureX007WithCodeAndLastStderrLine() {
    RunResult r = h.run("py_behave", "{\"mode\": \"fail\"}");
    assertEquals("failure", r.record().status());
    assertEquals(Optional.of(3), r.record().exitCode());
    assertEquals("ONEX-X007", error(r).code());
    assertTrue(error(r).message().contains("code 3"), error(r).message());
    assertTrue(error(r).message().endsWith("last words: bad input"), error(r).message());
    assertTrue(r.stderr().contains("something went wrong"), r.stderr());
    assertTrue(r.output().isEmpty());
  }

  @Test
  void execute_timeoutIsErrorX004() {
    RunResult r = h.run(h.node("py_behave"), "{\"mode\": \"sleep\"}", Duration.ofSeconds(1));
    assertEquals("error", r.record().status());
    assertEquals("ONEX-X004", error(r).code());
    assertEquals(Optional.empty(), r.record().exitCode());
  }

  @Test
  void execute_floodingStdoutIsErrorX005() {
    RunResult r = h.run("py_behave", "{\"mode\": \"flood\"}");
    assertEquals("error", r.record().status());
    assertEquals("ONEX-X005", error(r).code());
    assertTrue(error(r).message().contains("stdout"), error(r).message());
  }

  @Test
  void execute_nonJsonStdoutIsErrorX006() {
    RunResult r = h.run("py_behave", "{\"mode\": \"notjson\"}");
    assertEquals("error", r.record().status());
    assertEquals("ONEX-X006", error(r).code());
    assertTrue(error(r).message().contains("hello, this is not json"), error(r).message());
    assertEquals(Optional.of(0), r.record().exitCode());
  }

  @Test
  void execute_childOutlivingTheNodeIsKilled() {
    RunResult r = h.run("py_behave", "{\"mode\": \"child\"}");
    assertEquals("success", r.record().status(), r.record().toString());
    long pid = r.output().get().get("child_pid").asLong();
    assertTrue(pid > 1);
    assertTrue(isDead(pid), "child " + pid + " still runs");
  }

  @Test
  void execute_environmentIsAllowlistPlusDeclared() {
    JsonNode out = h.run("py_behave", "{\"mode\": \"env\"}").output().get();
    assertTrue(out.get("secret_token").isNull(), "undeclared SECRET_TOKEN leaked: " + out);
    assertEquals("declared-value", out.get("declared_var").asText());
    assertEquals("parent-value", out.get("from_parent").asText());
    assertTrue(out.get("absent_in_parent").isNull(), out.toString());
    assertEquals("1", out.get("pythondontwritebytecode").asText());
    assertEquals("1", out.get("pythonunbuffered").asText());
  }

  @Test
  void execute_writesStayInTheSandbox() throws Exception {
    Path dir = h.node("py_behave").directory();
    Map<String, String> before = snapshot(dir);
    RunResult r = h.run("py_behave", "{\"mode\": \"escape\"}");
    assertEquals(ProcessFixturesTest.parse("{\"data_now\": \"overwritten\", \"escape_exists\": true}"), r.output().get());
    assertEquals(before, snapshot(dir));
    assertFalse(Files.exists(dir.resolveSibling("escape.txt")));
    assertFalse(Files.exists(dir.resolve("__pycache__")));
  }

  @Test
  void execute_reportedCostIsRemovedFromTheOutput() {
    RunResult r = h.run("py_behave", "{\"mode\": \"cost\"}");
    assertEquals(ProcessFixturesTest.parse("{\"answer\": 42}"), r.output().get());
    assertEquals(0, new BigDecimal("0.0125").compareTo(r.record().costUsd().orElseThrow()));
  }

  @Test
  void execute_missingInterpreterIsErrorX008() {
    LoadedNode n = h.variant("py_behave", t -> t.with("entrypoint").put("interpreter", "python-does-not-exist"));
    RunResult r = h.run(n, "{\"mode\": \"echo\"}", Duration.ofSeconds(20));
    assertEquals("error", r.record().status());
    assertEquals("ONEX-X008", error(r).code());
    assertTrue(error(r).message().contains("python-does-not-exist"), error(r).message());
  }

  @Test
  void execute_missingTargetIsErrorX008() {
    LoadedNode n = h.variant("py_behave", t -> t.with("entrypoint").put("target", "nowhere.py"));
    RunResult r = h.run(n, "{\"mode\": \"echo\"}", Duration.ofSeconds(20));
    assertEquals("ONEX-X008", error(r).code());
    assertTrue(error(r).message().contains("nowhere.py"), error(r).message());
  }

  @Test
  void execute_declaringAVariableTheSandboxOwnsIsErrorX015() {
    LoadedNode n = h.variant("py_behave", t -> t.putArray("environment").add("HOME=/root"));
    RunResult r = h.run(n, "{\"mode\": \"echo\"}", Duration.ofSeconds(20));
    assertEquals("error", r.record().status());
    assertEquals("ONEX-X015", error(r).code());
    assertTrue(error(r).message().contains("HOME"), error(r).message());
  }
}
