package io.onex.exec.executors;

import static io.onex.exec.executors.ProcessFixturesTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.diag.Diagnostic;
import io.onex.exec.ExecStatus;
import io.onex.exec.ExecutorOutcome;
import io.onex.exec.sandbox.SandboxError;
import io.onex.exec.sandbox.SandboxResult;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Mapping of sandbox results onto executor outcomes, without processes. */
class ProcessOutcomesTest {
  private static SandboxResult ok(String stdout, byte[] stderr, List<Diagnostic> warnings) {
    return new SandboxResult(SandboxResult.Status.OK, 0, stdout.getBytes(StandardCharsets.UTF_8), stderr, false, false,
        Duration.ZERO, null, warnings);
  }

  private static SandboxResult failed(SandboxResult.Status status, SandboxError code) {
    return new SandboxResult(status, null, null, null, false, false, Duration.ZERO,
        Diagnostic.error(code, "", 0, 0, "", "sandbox says no"), List.of());
  }

  @Test
  void of_startFailuresSplitIntoX008AndX015() {
    assertEquals(Optional.of("ONEX-X008"), ProcessOutcomes.of(failed(SandboxResult.Status.START_FAILED, SandboxError.START_FAILED)).errorCode());
    for (SandboxError e : List.of(SandboxError.WORKDIR_FAILED, SandboxError.SYMLINK_OUTSIDE, SandboxError.UNSUPPORTED_FILE,
        SandboxError.NODE_DIR_UNREADABLE)) {
      ExecutorOutcome o = ProcessOutcomes.of(failed(SandboxResult.Status.START_FAILED, e));
      assertEquals(Optional.of("ONEX-X015"), o.errorCode(), e.id());
      assertEquals(ExecStatus.ERROR, o.status());
      assertTrue(o.errorMessage().get().contains("sandbox says no [" + e.id() + "]"), o.errorMessage().get());
    }
  }

  @Test
  void of_outputThatCannotBeHashedIsX006() {
    ExecutorOutcome o = ProcessOutcomes.of(ok("{\"big\": 123456789012345678901234567890}", new byte[0], List.of()));
    assertEquals(Optional.of("ONEX-X006"), o.errorCode());
    assertEquals(Optional.of(0), o.exitCode());
  }

  @Test
  void of_arrayOutputIsX006() {
    assertEquals(Optional.of("ONEX-X006"), ProcessOutcomes.of(ok("[1]", new byte[0], List.of())).errorCode());
  }

  @Test
  void stderrTail_keepsTheLast4KiBFromACharacterBoundaryAndAppendsWarnings() {
    byte[] err = ("x".repeat(5000) + "é".repeat(3000) + "end").getBytes(StandardCharsets.UTF_8);
    Diagnostic w = Diagnostic.warning(SandboxError.PROCESS_SURVIVED, "", 0, 0, "", "pid 7 lives", "");
    String tail = ProcessOutcomes.stderrTail(ok("{}", err, List.of(w)));
    String expectedText = "é".repeat(2046) + "end";
    assertEquals(expectedText + "\n[onex] ONEX-E015: pid 7 lives\n", tail);
    assertTrue(expectedText.getBytes(StandardCharsets.UTF_8).length <= ProcessOutcomes.STDERR_TAIL_BYTES);
  }

  @Test
  void lastLineSuffix_lastNonBlankLineShortened() {
    assertEquals(": two", ProcessOutcomes.lastLineSuffix("one\ntwo\n\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(" (nothing on stderr)", ProcessOutcomes.lastLineSuffix(" \n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(": " + "a".repeat(200) + "...", ProcessOutcomes.lastLineSuffix("a".repeat(300).getBytes(StandardCharsets.UTF_8)));
    assertEquals(": a?b", ProcessOutcomes.lastLineSuffix("a\u001bb".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void takeCost_onlyNumbersAreTakenAndOnlyNonNegativeOnesReported() {
    ObjectNode o = (ObjectNode) parse("{\"a\": 1, \"_onex_cost_usd\": 2}");
    assertEquals(new BigDecimal("2"), ProcessOutcomes.takeCost(o));
    assertEquals(parse("{\"a\": 1}"), o);
    ObjectNode negative = (ObjectNode) parse("{\"_onex_cost_usd\": -0.5}");
    assertNull(ProcessOutcomes.takeCost(negative));
    assertEquals(parse("{}"), negative);
    ObjectNode text = (ObjectNode) parse("{\"_onex_cost_usd\": \"0.5\"}");
    assertNull(ProcessOutcomes.takeCost(text));
    assertEquals(parse("{\"_onex_cost_usd\": \"0.5\"}"), text);
    assertNull(ProcessOutcomes.takeCost((ObjectNode) parse("{\"_onex_cost_usd\": 1e400}")));
  }
}
