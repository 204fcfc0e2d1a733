package io.onex.exec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What an {@link Executor} reports: a status, the output state (when there is one), the exit
 * code (when a process ran), an error code and message (when not successful), the tail of the
 * node's stderr, and the cost the node reported (an optional {@code _onex_cost_usd} number in
 * its output, removed from the output state).
 */
public record ExecutorOutcome(
    ExecStatus status,
    Optional<JsonNode> output,
    Optional<Integer> exitCode,
    Optional<String> errorCode,
    Optional<String> errorMessage,
    String stderr,
    Optional<BigDecimal> costUsd) {

  public static ExecutorOutcome success(JsonNode output, Integer exitCode, String stderr) {
    return new ExecutorOutcome(ExecStatus.SUCCESS, Optional.of(output), Optional.ofNullable(exitCode),
        Optional.empty(), Optional.empty(), stderr, Optional.empty());
  }

  public static ExecutorOutcome failed(ExecStatus status, ExecError code, String message, Integer exitCode, String stderr) {
    return new ExecutorOutcome(status, Optional.empty(), Optional.ofNullable(exitCode),
        Optional.of(code.id()), Optional.of(message), stderr, Optional.empty());
  }

  public ExecutorOutcome withCost(BigDecimal cost) {
    return new ExecutorOutcome(status, output, exitCode, errorCode, errorMessage, stderr, Optional.ofNullable(cost));
  }
}
