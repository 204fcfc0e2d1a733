package io.onex.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.record.ExecutionRecord;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The running sums behind {@link NodeAggregates}, stored as canonical JSON. Sums are exact
 * (integers, and the cost as a decimal string), and the averages are derived from them, so
 * adding records one by one gives exactly what a rebuild from the log gives: fsck compares the
 * JSON text.
 */
final class AggregateState {
  private long totalRuns;
  private long successCount;
  private long failureCount;
  private long latencySumMs;
  private long latencyCount;
  private BigDecimal costSum = BigDecimal.ZERO;
  private long costCount;
  private String lastSuccess;
  private String lastSuccessId;
  private String name = "";
  private long nondeterministicCount;

  void add(ExecutionRecord r) {
    add(r, false);
  }

  /**
   * Adds one record. {@code outputDiffers}: the record is a success whose cache key already led
   * to a success with another output hash (the node gave two outputs for one input).
   */
  void add(ExecutionRecord r, boolean outputDiffers) {
    totalRuns++;
    name = r.node().name();
    if (outputDiffers) {
      nondeterministicCount++;
    }
    switch (r.status()) {
      case "success" -> successCount++;
      case "failure", "error" -> failureCount++;
      default -> { }
    }
    if (r.status().equals("success") || r.status().equals("failure") || r.status().equals("error")) {
      latencySumMs += r.durationMs();
      latencyCount++;
    }
    if (r.costUsd().isPresent()) {
      costSum = costSum.add(r.costUsd().get());
      costCount++;
    }
    if (r.status().equals("success")
        && (lastSuccess == null || !Keys.instant(r.startedAt()).isBefore(Keys.instant(lastSuccess)))) {
      lastSuccess = r.startedAt();
      lastSuccessId = r.recordId();
    }
  }

  String toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("total_runs", totalRuns);
    o.put("success_count", successCount);
    o.put("failure_count", failureCount);
    o.put("latency_sum_ms", latencySumMs);
    o.put("latency_count", latencyCount);
    o.put("cost_sum_usd", costSum.toPlainString());
    o.put("cost_count", costCount);
    OptionalDouble lat = avgLatency();
    if (lat.isPresent()) {
      o.put("avg_latency_ms", lat.getAsDouble());
    } else {
      o.putNull("avg_latency_ms");
    }
    o.put("avg_cost_usd", avgCost().orElse(null));
    o.put("last_success", lastSuccess);
    o.put("last_success_record_id", lastSuccessId);
    o.put("name", name);
    o.put("nondeterministic_count", nondeterministicCount);
    return CanonicalJson.canonicalString(o);
  }

  static AggregateState parse(String json) {
    JsonNode o = CanonicalJson.parse(json);
    AggregateState s = new AggregateState();
    s.totalRuns = o.get("total_runs").asLong();
    s.successCount = o.get("success_count").asLong();
    s.failureCount = o.get("failure_count").asLong();
    s.latencySumMs = o.get("latency_sum_ms").asLong();
    s.latencyCount = o.get("latency_count").asLong();
    s.costSum = new BigDecimal(o.get("cost_sum_usd").asText());
    s.costCount = o.get("cost_count").asLong();
    s.lastSuccess = o.get("last_success").isNull() ? null : o.get("last_success").asText();
    s.lastSuccessId = o.get("last_success_record_id").isNull() ? null : o.get("last_success_record_id").asText();
    s.name = o.get("name").asText();
    s.nondeterministicCount = o.get("nondeterministic_count").asLong();
    return s;
  }

  /** The node's name as its newest indexed record gives it. */
  String name() {
    return name;
  }

  /** How many successes gave another output than an earlier success with the same cache key. */
  long nondeterministicCount() {
    return nondeterministicCount;
  }

  NodeAggregates view(String namespace, String version) {
    return new NodeAggregates(namespace, version, totalRuns, successCount, failureCount,
        avgLatency(), avgCost(), Optional.ofNullable(lastSuccess), Optional.ofNullable(lastSuccessId));
  }

  private OptionalDouble avgLatency() {
    return latencyCount == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) latencySumMs / latencyCount);
  }

  private Optional<BigDecimal> avgCost() {
    if (costCount == 0) {
      return Optional.empty();
    }
    BigDecimal avg = costSum.divide(BigDecimal.valueOf(costCount), MathContext.DECIMAL64);
    return Optional.of(new BigDecimal(CanonicalJson.numberToString(avg.doubleValue())));
  }
}
