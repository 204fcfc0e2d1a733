package io.onex.exec.executors;

import static io.onex.exec.executors.ProcessFixturesTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.record.ExecutionRecord;
import io.onex.core.record.TraceHashes;
import io.onex.exec.LoadedNode;
import io.onex.exec.RunResult;
import io.onex.exec.Runtime;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composite executor through the runtime: comp_outer runs comp_inner (python, noop, cli)
 * and then noop; one record per node run, chained by parent ids.
 */
class CompositeExecutorTest {
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

  private ExecutionRecord record(String name) {
    List<ExecutionRecord> found = h.records().stream().filter(r -> r.node().name().equals(name)).toList();
    assertEquals(1, found.size(), "records of " + name + ": " + found);
    return found.get(0);
  }

  private static ExecutionRecord.ErrorInfo error(ExecutionRecord r) {
    return r.error().orElseThrow(() -> new AssertionError("no error in " + r));
  }

  @Test
  void execute_threeLevelsWireInputsAndChainRecords() {
    RunResult r = h.run("comp_outer", "{\"who\": \"Ada\", \"mode\": \"echo\"}");
    assertEquals("success", r.record().status(), h.records().toString());
    assertEquals(parse("{\"received\": \"hello Ada\", \"args\": 4, \"who\": \"Ada\", \"tag\": \"literal text\", \"n\": 7}"),
        r.output().get());
    assertEquals(6, h.records().size(), h.records().toString());
    h.records().forEach(rec -> assertEquals("success", rec.status(), rec.toString()));
    ExecutionRecord outer = record("comp_outer");
    ExecutionRecord inner = record("comp_inner");
    assertEquals(Optional.empty(), outer.parentRecordId());
    assertEquals(Optional.of(outer.recordId()), inner.parentRecordId());
    for (String child : List.of("py_behave", "cli_behave")) {
      assertEquals(Optional.of(inner.recordId()), record(child).parentRecordId(), child);
    }
    List<ExecutionRecord> noops = h.records().stream().filter(x -> x.node().name().equals("noop_pass")).toList();
    assertEquals(List.of(Optional.of(inner.recordId()), Optional.of(outer.recordId())),
        noops.stream().map(ExecutionRecord::parentRecordId).toList());
    assertEquals(Optional.empty(), outer.exitCode());
    assertEquals(Optional.of(0), record("cli_behave").exitCode());
  }

  @Test
  void execute_childrenGetTheWiredInputs() {
    h.run("comp_outer", "{\"who\": \"Ada\", \"mode\": \"echo\"}");
    assertEquals(hash("{\"name\": \"Ada\", \"mode\": \"echo\", \"count\": 2}"), record("comp_inner").inputHash());
    assertEquals(hash("{\"name\": \"Ada\", \"mode\": \"echo\", \"count\": 2}"), record("py_behave").inputHash());
    assertEquals(hash("{\"mode\": \"echo\", \"name\": \"hello Ada\", \"count\": 2}"), record("cli_behave").inputHash());
    ExecutionRecord mid = h.records().stream().filter(x -> x.node().name().equals("noop_pass")).findFirst().get();
    assertEquals(record("py_behave").outputHash().get(), mid.inputHash());
  }

  @Test
  void execute_configGoesToEveryChild() {
    h.runtime.run(h.node("comp_outer"), parse("{\"who\": \"Ada\", \"mode\": \"echo\"}"), parse("{\"seed\": 7}"));
    assertEquals(6, h.records().size());
    h.records().forEach(rec -> assertEquals(hash("{\"seed\": 7}"), rec.configHash(), rec.toString()));
  }

  @Test
  void execute_identicalRunsHaveEqualTraceHashes() {
    String in = "{\"who\": \"Ada\", \"mode\": \"echo\"}";
    assertEquals(h.run("comp_outer", in).record().traceHash(), h.run("comp_outer", in).record().traceHash());
  }

  @Test
  void execute_failingGrandchildStopsEverythingAbove() {
    RunResult r = h.run("comp_outer", "{\"who\": \"Ada\", \"mode\": \"fail\"}");
    assertEquals(3, h.records().size(), "cli and the noops must not run: " + h.records());
    ExecutionRecord py = record("py_behave");
    assertEquals("failure", py.status());
    assertEquals("ONEX-X007", error(py).code());
    ExecutionRecord inner = record("comp_inner");
    assertEquals("failure", inner.status());
    assertEquals("ONEX-X011", error(inner).code());
    assertTrue(error(inner).message().contains("step 'py'") && error(inner).message().contains("ONEX-X007"),
        error(inner).message());
    assertEquals("failure", r.record().status());
    assertEquals("ONEX-X011", error(r.record()).code());
    assertTrue(error(r.record()).message().startsWith("step 'inner'"), error(r.record()).message());
    assertTrue(error(r.record()).message().contains("ONEX-X011"), error(r.record()).message());
    assertTrue(r.output().isEmpty());
    assertTrue(r.stderr().contains("last words: bad input"), r.stderr());
  }

  @Test
  void execute_unresolvedChildIsErrorX013AndRunsNothing() {
    RunResult r = h.run("comp_unresolved", "{}");
    assertEquals("error", r.record().status());
    assertEquals("ONEX-X013", error(r.record()).code());
    assertTrue(error(r.record()).message().contains("tool://tests.nowhere@1.0.0"), error(r.record()).message());
    assertEquals(1, h.records().size());
  }

  @Test
  void execute_wiringToAMissingValueIsFailureX014() {
    RunResult r = h.run("comp_badwire", "{\"x\": 1}");
    assertEquals("failure", r.record().status());
    assertEquals("ONEX-X014", error(r.record()).code());
    assertTrue(error(r.record()).message().contains("first.nope"), error(r.record()).message());
    assertEquals(2, h.records().size(), "the first step runs, the second does not");
  }

  @Test
  void execute_costIsTheSumOfTheChildren() {
    LoadedNode n = h.variant("comp_badwire", t -> {
      ArrayNode steps = t.putArray("subgraph");
      ObjectNode a = steps.addObject().put("id", "a").put("node", ProcessFixturesTest.Harness.uri("py_behave"));
      a.putObject("inputs").put("mode", "cost");
      ObjectNode b = steps.addObject().put("id", "b").put("node", ProcessFixturesTest.Harness.uri("cli_behave"));
      b.putObject("inputs").put("mode", "cost").put("name", "x").put("count", 1);
    });
    RunResult r = h.runtime.run(n, parse("{}"), Runtime.emptyObject(), Duration.ofSeconds(20));
    assertEquals("success", r.record().status(), h.records().toString());
    assertEquals(parse("{\"answer\": 42}"), r.output().get());
    assertEquals(0, new BigDecimal("0.5125").compareTo(r.record().costUsd().orElseThrow()));
  }

  @Test
  void execute_compositeContainingItselfStopsAtTheDepthCap() {
    String uri = "tool://tests.comp_loop@1.0.0";
    LoadedNode loop = h.variant("comp_unresolved", t -> t.putArray("subgraph").addObject().put("id", "again").put("node", uri));
    h.nodes.put(uri, loop);
    RunResult r = h.runtime.run(loop, parse("{}"), Runtime.emptyObject());
    assertEquals("failure", r.record().status());
    assertEquals("ONEX-X011", error(r.record()).code());
    assertTrue(error(r.record()).message().contains("ONEX-X012"), error(r.record()).message());
    assertEquals(Runtime.MAX_DEPTH + 2, h.records().size());
  }

  private static String hash(String json) {
    return TraceHashes.state(parse(json));
  }
}
