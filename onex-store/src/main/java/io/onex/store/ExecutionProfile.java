package io.onex.store;

import java.math.BigDecimal;
import java.util.OptionalDouble;

/**
 * A node version's execution profile on 0-10 scales, derived from its {@link NodeAggregates}
 * (docs/formats/store.md, "Execution profile"); one decimal. Empty when there is no evidence.
 *
 * <ul>
 *   <li>speed: 10 at an average latency of {@value #FAST_MS} ms or less, 0 at {@value #SLOW_MS} ms
 *       or more, logarithmic between;
 *   <li>accuracy: {@code 10 * success_count / (success_count + failure_count)};
 *   <li>efficiency: 10 at an average cost of {@value #CHEAP_USD} USD or less (and for free runs),
 *       0 at {@value #DEAR_USD} USD or more, logarithmic between; empty when no record has a cost.
 * </ul>
 */
public record ExecutionProfile(OptionalDouble speed, OptionalDouble accuracy, OptionalDouble efficiency) {
  public static final double FAST_MS = 100;
  public static final double SLOW_MS = 60_000;
  public static final double CHEAP_USD = 0.0001;
  public static final double DEAR_USD = 1.0;

  public static ExecutionProfile of(NodeAggregates a) {
    OptionalDouble speed = a.avgLatencyMs().isPresent()
        ? OptionalDouble.of(logScale(a.avgLatencyMs().getAsDouble(), FAST_MS, SLOW_MS)) : OptionalDouble.empty();
    long ran = a.successCount() + a.failureCount();
    OptionalDouble accuracy = ran == 0 ? OptionalDouble.empty()
        : OptionalDouble.of(round(10.0 * a.successCount() / ran));
    OptionalDouble efficiency = a.avgCostUsd().map(BigDecimal::doubleValue)
        .map(c -> OptionalDouble.of(logScale(c, CHEAP_USD, DEAR_USD))).orElse(OptionalDouble.empty());
    return new ExecutionProfile(speed, accuracy, efficiency);
  }

  /** 10 at {@code best} or below, 0 at {@code worst} or above, linear in log10 between. */
  static double logScale(double v, double best, double worst) {
    if (!(v > best)) {
      return 10.0;
    }
    if (v >= worst) {
      return 0.0;
    }
    double f = (Math.log10(worst) - Math.log10(v)) / (Math.log10(worst) - Math.log10(best));
    return round(10 * f);
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
