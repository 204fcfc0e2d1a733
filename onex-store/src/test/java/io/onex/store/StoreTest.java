package io.onex.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.OnexException;
import io.onex.core.record.ExecutionRecord;
import io.onex.core.record.RecordSink;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  static final String NS = "demo.tools.echo";

  @TempDir Path tmp;

  static Store open(Path dir) {
    return Store.open(dir, CLOCK, Duration.ofSeconds(5));
  }

  static String json(ExecutionRecord r) {
    return ExecutionRecordJson.canonical(r);
  }

  static List<String> jsons(List<ExecutionRecord> rs) {
    return rs.stream().map(StoreTest::json).toList();
  }

  /** Records of two node versions with every status, out of time order. */
  static List<ExecutionRecord> mixed() {
    List<ExecutionRecord> rs = new ArrayList<>();
    rs.add(TestRecords.record("m1", NS, "1.0.0", "success", 30, "k1", 100, new BigDecimal("0.002")));
    rs.add(TestRecords.record("m2", NS, "1.0.0", "failure", 10, "k2", 300, null));
    rs.add(TestRecords.record("m3", NS, "1.0.0", "error", 20, "k3", 200, new BigDecimal("0.004")));
    rs.add(TestRecords.record("m4", NS, "1.0.0", "cached", 40, "k1", 0, null));
    rs.add(TestRecords.record("m5", NS, "1.0.0", "success", 5, "k1", 50, null));
    rs.add(TestRecords.record("m6", NS, "2.0.0", "skipped", 50, "k9", 0, null));
    return rs;
  }

  @Test
  void append_thenQueries_returnWhatWasAppended() {
    Path dir = tmp.resolve(".onex-store");
    try (Store s = open(dir)) {
      assertTrue(s.warnings().isEmpty());
      long end = s.append(mixed());
      assertEquals(Files.exists(dir.resolve("records/records.jsonl")), true);
      assertEquals(end, s.logPosition());
      assertEquals(6, s.size());
      assertEquals(json(mixed().get(2)), json(s.byId("m3").orElseThrow()));
      assertEquals(Optional.empty(), s.byId("nope"));
      assertEquals(List.of("m4", "m1", "m3", "m2", "m5"), s.byNode(NS, "1.0.0", 10).stream().map(ExecutionRecord::recordId).toList());
      assertEquals(List.of("m4", "m1"), s.byNode(NS, "1.0.0", 2).stream().map(ExecutionRecord::recordId).toList());
      assertEquals(List.of("m6"), s.byNode(NS, "2.0.0", 10).stream().map(ExecutionRecord::recordId).toList());
      assertEquals(List.of(), s.byNode(NS, "1.0", 10));
      assertEquals(List.of("m6", "m4", "m1"), s.recent(3).stream().map(ExecutionRecord::recordId).toList());
      assertEquals(List.of(), s.recent(0));
    }
  }

  @Test
  void cacheLookup_newestAppendedSuccessWins_failuresNeverCached() {
    try (Store s = open(tmp)) {
      s.append(mixed());
      assertEquals("m5", s.cacheLookup(TestRecords.hash("key:k1")).orElseThrow().recordId());
      assertEquals(Optional.empty(), s.cacheLookup(TestRecords.hash("key:k2")));
      assertEquals(Optional.empty(), s.cacheLookup(TestRecords.hash("key:k3")));
      assertEquals(Optional.empty(), s.cacheLookup(TestRecords.hash("key:k9")));
      assertEquals(Optional.empty(), s.cacheLookup("0".repeat(64)));
    }
  }

  @Test
  void aggregates_countAveragesAndLastSuccess() {
    try (Store s = open(tmp)) {
      s.append(mixed());
      NodeAggregates a = s.aggregates(NS, "1.0.0").orElseThrow();
      assertEquals(5, a.totalRuns());
      assertEquals(2, a.successCount());
      assertEquals(2, a.failureCount());
      assertEquals((100 + 300 + 200 + 50) / 4.0, a.avgLatencyMs().getAsDouble());
      assertEquals(new BigDecimal("0.003"), a.avgCostUsd().orElseThrow());
      assertEquals(mixed().get(0).startedAt(), a.lastSuccess().orElseThrow());
      assertEquals("m1", a.lastSuccessRecordId().orElseThrow());
      NodeAggregates b = s.aggregates(NS, "2.0.0").orElseThrow();
      assertEquals(1, b.totalRuns());
      assertTrue(b.avgLatencyMs().isEmpty());
      assertTrue(b.avgCostUsd().isEmpty());
      assertTrue(b.lastSuccess().isEmpty());
      assertEquals(Optional.empty(), s.aggregates(NS, "3.0.0"));
    }
  }

  @Test
  void reopen_keepsEverythingWithoutWarnings() {
    try (Store s = open(tmp)) {
      s.append(mixed().subList(0, 3));
      s.append(mixed().subList(3, 6));
    }
    try (Store s = open(tmp)) {
      assertTrue(s.warnings().isEmpty(), s.warnings().toString());
      assertEquals(jsons(mixed()), mixed().stream().map(r -> json(s.byId(r.recordId()).orElseThrow())).toList());
      assertTrue(s.fsck().clean());
    }
  }

  @Test
  void rebuild_givesTheSameAnswersAndFsckIsClean() {
    try (Store s = open(tmp)) {
      for (int b = 0; b < 30; b++) {
        s.append(TestRecords.batch("b" + b, 10));
      }
      s.append(mixed());
      List<String> recent = jsons(s.recent(1000));
      List<String> byNode = jsons(s.byNode(NS, "1.0.0", 1000));
      NodeAggregates agg = s.aggregates(NS, "1.0.0").orElseThrow();
      long pos = s.logPosition();
      FsckResult before = s.fsck();
      assertTrue(before.clean(), before.problems().toString());
      assertEquals(306, before.logRecords());
      assertEquals(306, s.rebuild());
      assertEquals(recent, jsons(s.recent(1000)));
      assertEquals(byNode, jsons(s.byNode(NS, "1.0.0", 1000)));
      assertEquals(agg, s.aggregates(NS, "1.0.0").orElseThrow());
      assertEquals(pos, s.logPosition());
      assertTrue(s.fsck().clean());
    }
  }

  @Test
  void append_duplicateId_refusedBeforeWriting() {
    try (Store s = open(tmp)) {
      s.append(TestRecords.batch("d", 2));
      long end = s.logPosition();
      OnexException again = assertThrows(OnexException.class, () -> s.append(TestRecords.batch("d", 1)));
      assertEquals("ONEX-D010", again.diagnostics().get(0).code());
      List<ExecutionRecord> twice = List.of(TestRecords.success("x", 1), TestRecords.success("x", 1));
      OnexException inBatch = assertThrows(OnexException.class, () -> s.append(twice));
      assertEquals("ONEX-D010", inBatch.diagnostics().get(0).code());
      assertTrue(inBatch.diagnostics().get(0).message().contains("twice"));
      assertEquals(end, s.logPosition());
      assertEquals(Optional.empty(), s.byId("x"));
    }
  }

  @Test
  void append_invalidRecord_refusedWithSchemaCode() {
    ExecutionRecord ok = TestRecords.success("ok", 1);
    ExecutionRecord bad = new ExecutionRecord("bad", ok.node(), "NOT-A-HASH", ok.configHash(), ok.outputHash(),
        ok.traceHash(), ok.cacheKey(), ok.status(), ok.exitCode(), ok.error(), ok.startedAt(), ok.durationMs(),
        ok.costUsd(), ok.executor(), ok.environment(), ok.commit(), ok.parentRecordId(), ok.cachedFrom(),
        ok.trustBefore(), ok.trustAfter());
    try (Store s = open(tmp)) {
      OnexException e = assertThrows(OnexException.class, () -> s.append(List.of(ok, bad)));
      assertTrue(e.diagnostics().get(0).code().startsWith("ONEX-S"), e.getMessage());
      assertEquals(0, s.logPosition());
      assertEquals(0, s.size());
    }
  }

  @Test
  void recordSink_appendOne_isDurableAndIndexed() {
    try (Store s = open(tmp)) {
      RecordSink sink = s;
      sink.append(TestRecords.success("one", 1));
      assertTrue(s.byId("one").isPresent());
    }
  }

  @Test
  void closedStore_failsWithD013_andNegativeLimitWithD014() {
    Store s = open(tmp);
    OnexException limit = assertThrows(OnexException.class, () -> s.recent(-1));
    assertEquals("ONEX-D014", limit.diagnostics().get(0).code());
    s.close();
    s.close();
    OnexException e = assertThrows(OnexException.class, () -> s.byId("x"));
    assertEquals("ONEX-D013", e.diagnostics().get(0).code());
    assertFalse(e.getMessage().isEmpty());
  }
}
