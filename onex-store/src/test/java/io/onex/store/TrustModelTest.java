package io.onex.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TrustModelTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
  static final TrustParameters P = TrustParameters.DEFAULTS;

  private static TrustModel.Sample run(Duration age, boolean ok) {
    return new TrustModel.Sample(CLOCK.instant().minus(age), ok);
  }

  @Test
  void score_halvesTheWeightEveryHalfLife() {
    // a success now (weight 1) and a failure one half-life ago (weight 1/2): 1 / 1.5
    TrustScore t = TrustModel.score(List.of(run(Duration.ZERO, true), run(Duration.ofDays(7), false)), CLOCK.instant(), P);
    assertEquals(2.0 / 3.0, t.value(), 1e-12);
    assertEquals(1.5, t.weight(), 1e-12);
    assertEquals(2, t.samples());
    // the reverse: a fresh failure weighs more than an old success
    TrustScore r = TrustModel.score(List.of(run(Duration.ZERO, false), run(Duration.ofDays(14), true)), CLOCK.instant(), P);
    assertEquals(0.25 / 1.25, r.value(), 1e-12);
  }

  @Test
  void score_belowMinSamplesIsNotSufficient_andNoRunsIsZero() {
    List<TrustModel.Sample> four = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      four.add(run(Duration.ofHours(i), true));
    }
    assertFalse(TrustModel.score(four, CLOCK.instant(), P).sufficient());
    four.add(run(Duration.ofHours(5), true));
    assertTrue(TrustModel.score(four, CLOCK.instant(), P).sufficient());
    TrustScore none = TrustModel.score(List.of(), CLOCK.instant(), P);
    assertEquals(0.0, none.value());
    assertFalse(none.sufficient());
    assertFalse(none.regeneration());
  }

  @Test
  void score_futureRunsWeighOne_andOnlyMaxSamplesCount() {
    TrustParameters p = new TrustParameters(1.0, 1, 2, 3, 0.3);
    TrustScore t = TrustModel.score(List.of(run(Duration.ofDays(-3), true), run(Duration.ZERO, true),
        run(Duration.ZERO, false)), CLOCK.instant(), p);
    assertEquals(1.0, t.value());
    assertEquals(2, t.samples());
  }

  @Test
  void regeneration_afterConsecutiveFailuresOrLowSufficientTrust() {
    List<TrustModel.Sample> s = new ArrayList<>(List.of(run(Duration.ofMinutes(1), false), run(Duration.ofMinutes(2), false)));
    s.add(run(Duration.ofMinutes(3), true));
    TrustScore two = TrustModel.score(s, CLOCK.instant(), P);
    assertEquals(2, two.consecutiveFailures());
    assertFalse(two.regeneration());
    s.add(0, run(Duration.ZERO, false));
    TrustScore three = TrustModel.score(s, CLOCK.instant(), P);
    assertEquals(3, three.consecutiveFailures());
    assertTrue(three.regeneration());
    // alternating, never 3 in a row, but a sufficient trust under 0.3
    List<TrustModel.Sample> low = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      low.add(run(Duration.ofMinutes(i), i % 5 == 4));
    }
    TrustScore l = TrustModel.score(low, CLOCK.instant(), new TrustParameters(7.0, 5, 200, 5, 0.3));
    assertTrue(l.sufficient());
    assertTrue(l.value() < 0.3);
    assertTrue(l.regeneration());
  }

  @Test
  void parameters_outOfRange_failWithL004() {
    StoreBrowseTest.assertCode("ONEX-L004", () -> new TrustParameters(0, 5, 200, 3, 0.3));
    StoreBrowseTest.assertCode("ONEX-L004", () -> new TrustParameters(Double.NaN, 5, 200, 3, 0.3));
    StoreBrowseTest.assertCode("ONEX-L004", () -> new TrustParameters(7, 5, 4, 3, 0.3));
    StoreBrowseTest.assertCode("ONEX-L004", () -> new TrustParameters(7, 5, 200, 0, 0.3));
    StoreBrowseTest.assertCode("ONEX-L004", () -> new TrustParameters(7, 5, 200, 3, 1.5));
  }

  @Test
  void profile_scalesLatencySuccessAndCost() {
    NodeAggregates a = new NodeAggregates("ns", "1.0.0", 10, 9, 1, OptionalDouble.of(100), Optional.of(new BigDecimal("0.0001")),
        Optional.empty(), Optional.empty());
    ExecutionProfile p = ExecutionProfile.of(a);
    assertEquals(10.0, p.speed().getAsDouble());
    assertEquals(9.0, p.accuracy().getAsDouble());
    assertEquals(10.0, p.efficiency().getAsDouble());
    // log scale: sqrt(100 * 60000) ms is half-way
    NodeAggregates mid = new NodeAggregates("ns", "1.0.0", 2, 1, 1, OptionalDouble.of(Math.sqrt(100 * 60_000.0)),
        Optional.of(new BigDecimal("0.01")), Optional.empty(), Optional.empty());
    assertEquals(5.0, ExecutionProfile.of(mid).speed().getAsDouble());
    assertEquals(5.0, ExecutionProfile.of(mid).efficiency().getAsDouble());
    assertEquals(5.0, ExecutionProfile.of(mid).accuracy().getAsDouble());
    NodeAggregates slow = new NodeAggregates("ns", "1.0.0", 1, 0, 1, OptionalDouble.of(120_000), Optional.of(BigDecimal.TEN),
        Optional.empty(), Optional.empty());
    assertEquals(0.0, ExecutionProfile.of(slow).speed().getAsDouble());
    assertEquals(0.0, ExecutionProfile.of(slow).efficiency().getAsDouble());
    NodeAggregates none = new NodeAggregates("ns", "1.0.0", 3, 0, 0, OptionalDouble.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
    assertTrue(ExecutionProfile.of(none).speed().isEmpty());
    assertTrue(ExecutionProfile.of(none).accuracy().isEmpty());
    assertTrue(ExecutionProfile.of(none).efficiency().isEmpty());
  }
}
