package io.onex.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.record.ExecutionRecord;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.DB;

/** Browsing queries (log, lookup, memory) and the format marker, on real MapDB files. */
class StoreBrowseTest {
  static final String ECHO = "demo.tools.echo";
  static final String GREP = "demo.tools.grep";

  @TempDir Path tmp;
  Path dir;
  List<ExecutionRecord> all = new ArrayList<>();

  /** 60 records of three node versions, every status, appended in an order unlike their times. */
  @BeforeEach
  void fill() {
    dir = tmp.resolve(".onex-store");
    String[] statuses = {"success", "success", "failure", "cached", "error", "skipped"};
    for (int i = 0; i < 60; i++) {
      long second = (i * 37L) % 60;
      String ns = i % 3 == 0 ? GREP : ECHO;
      String version = i % 3 == 1 ? "2.0.0" : "1.0.0";
      all.add(TestRecords.record("r" + i, ns, version, statuses[i % 6], second, "c" + i, 10 + i, null));
    }
    try (Store s = StoreTest.open(dir)) {
      s.append(all.subList(0, 30));
      s.append(all.subList(30, 60));
    }
  }

  private static Instant at(long second) {
    return Instant.ofEpochSecond(1_750_000_000L + second);
  }

  private List<String> expected(java.util.function.Predicate<ExecutionRecord> keep, int limit) {
    return all.stream().filter(keep)
        .sorted((a, b) -> b.startedAt().compareTo(a.startedAt()))
        .limit(limit).map(ExecutionRecord::recordId).toList();
  }

  private static List<String> ids(List<ExecutionRecord> rs) {
    return rs.stream().map(ExecutionRecord::recordId).toList();
  }

  @Test
  void log_newest_isNewestStartedAtFirstAndLimited() {
    try (Store s = StoreTest.open(dir)) {
      assertEquals(expected(r -> true, 7), ids(s.log(LogQuery.newest(7))));
      assertEquals(60, s.log(LogQuery.newest(1000)).size());
      assertEquals(List.of(), s.log(LogQuery.newest(0)));
    }
  }

  @Test
  void log_filtersByNodeStatusAndTime_combineLikeAnd() {
    try (Store s = StoreTest.open(dir)) {
      assertEquals(expected(r -> r.node().id().equals(GREP), 100),
          ids(s.log(new LogQuery(List.of(GREP), Set.of(), Optional.empty(), Optional.empty(), 100))));
      // by name (the part after the last dot), with and without a version
      assertEquals(expected(r -> r.node().id().equals(ECHO), 100),
          ids(s.log(new LogQuery(List.of("echo"), Set.of(), Optional.empty(), Optional.empty(), 100))));
      assertEquals(expected(r -> r.node().id().equals(ECHO) && r.node().version().equals("2.0.0"), 100),
          ids(s.log(new LogQuery(List.of("echo@2.0.0"), Set.of(), Optional.empty(), Optional.empty(), 100))));
      assertEquals(expected(r -> Set.of("failure", "error").contains(r.status()), 4),
          ids(s.log(new LogQuery(List.of(), Set.of("failure", "error"), Optional.empty(), Optional.empty(), 4))));
      assertEquals(expected(r -> r.node().id().equals(ECHO) && r.status().equals("cached"), 100),
          ids(s.log(new LogQuery(List.of(ECHO), Set.of("cached"), Optional.empty(), Optional.empty(), 100))));
      // since and until are inclusive
      assertEquals(expected(r -> !Keys.instant(r.startedAt()).isBefore(at(10))
              && !Keys.instant(r.startedAt()).isAfter(at(20)), 100),
          ids(s.log(new LogQuery(List.of(), Set.of(), Optional.of(at(10)), Optional.of(at(20)), 100))));
      assertEquals(11, s.log(new LogQuery(List.of(), Set.of(), Optional.of(at(10)), Optional.of(at(20)), 100)).size());
      assertEquals(expected(r -> r.node().id().equals(GREP) && !Keys.instant(r.startedAt()).isBefore(at(50)), 100),
          ids(s.log(new LogQuery(List.of(GREP, GREP), Set.of(), Optional.of(at(50)), Optional.empty(), 100))));
      assertEquals(List.of(), s.log(new LogQuery(List.of(), Set.of(), Optional.of(at(20)), Optional.of(at(10)), 100)));
      assertEquals(List.of(), s.log(new LogQuery(List.of("nosuch"), Set.of(), Optional.empty(), Optional.empty(), 100)));
    }
  }

  @Test
  void logQuery_hostileArguments_failWithL004() {
    assertCode("ONEX-L004", () -> LogQuery.newest(-1));
    assertCode("ONEX-L004", () -> new LogQuery(List.of(), Set.of("succes"), Optional.empty(), Optional.empty(), 1));
    assertCode("ONEX-L004", () -> new LogQuery(List.of("x".repeat(257)), Set.of(), Optional.empty(), Optional.empty(), 1));
    assertCode("ONEX-L004", () -> new LogQuery(List.of("a\u0000b"), Set.of(), Optional.empty(), Optional.empty(), 1));
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add("n" + i);
    }
    assertCode("ONEX-L004", () -> new LogQuery(many, Set.of(), Optional.empty(), Optional.empty(), 1));
    try (Store s = StoreTest.open(dir)) {
      assertCode("ONEX-L004", () -> s.lookup("f".repeat(10_000)));
      assertCode("ONEX-L004", () -> s.lookup(""));
    }
  }

  @Test
  void parseTime_acceptsIsoDateAndAges_rejectsTheRestWithL001() {
    var clock = StoreTest.CLOCK;
    assertEquals(Instant.parse("2026-11-23T10:00:00Z"), LogQuery.parseTime("2026-11-23T10:00:00Z", clock, "--since"));
    assertEquals(Instant.parse("2026-11-23T08:00:00Z"), LogQuery.parseTime("2026-11-23T10:00:00+02:00", clock, "--since"));
    assertEquals(Instant.parse("2026-11-23T00:00:00Z"), LogQuery.parseTime("2026-11-23", clock, "--since"));
    assertEquals(clock.instant().minusSeconds(7200), LogQuery.parseTime("2h", clock, "--since"));
    assertEquals(clock.instant().minusSeconds(3 * 86400), LogQuery.parseTime("3d", clock, "--since"));
    assertEquals(clock.instant().minusSeconds(14 * 86400), LogQuery.parseTime("2W", clock, "--since"));
    for (String bad : new String[] {"", "yesterday", "3x", "-2h", "2026-13-01", "1234567890h", "9".repeat(200)}) {
      assertCode("ONEX-L001", () -> LogQuery.parseTime(bad, clock, "--until"));
    }
  }

  @Test
  void lookup_byIdAndTraceHashPrefix_andAmbiguousPrefixIsL002() {
    // find two records whose trace hashes share their first 4 hex digits
    Map<String, String> byPrefix = new HashMap<>();
    String[] pair = null;
    for (int i = 0; pair == null; i++) {
      String id = "p" + i;
      String prev = byPrefix.putIfAbsent(TestRecords.hash("trace:" + id).substring(0, 4), id);
      if (prev != null) {
        pair = new String[] {prev, id};
      }
    }
    ExecutionRecord a = TestRecords.success(pair[0], 100);
    ExecutionRecord b = TestRecords.success(pair[1], 101);
    try (Store s = StoreTest.open(dir)) {
      s.append(List.of(a, b));
      assertEquals("r7", s.lookup("r7").orElseThrow().recordId());
      String trace = all.get(7).traceHash();
      assertEquals("r7", s.lookup(trace).orElseThrow().recordId());
      assertEquals("r7", s.lookup(trace.substring(0, 12).toUpperCase()).orElseThrow().recordId());
      assertEquals(pair[0], s.lookup(a.traceHash().substring(0, 10)).orElseThrow().recordId());
      OnexException e = assertThrows(OnexException.class, () -> s.lookup(a.traceHash().substring(0, 4)));
      assertEquals("ONEX-L002", e.diagnostics().get(0).code());
      assertTrue(e.diagnostics().get(0).message().contains(b.traceHash()));
      assertFalse(s.lookup("abc").isPresent(), "3 hex digits are too short to be a prefix");
      assertFalse(s.lookup("no-such-record").isPresent());
    }
  }

  @Test
  void memory_givesAggregatesTrustProfileAndFlags() {
    ExecutionRecord first = TestRecords.record("nd1", "demo.tools.dice", "1.0.0", "success", 100, "same", 1000, new BigDecimal("0.01"));
    ExecutionRecord second = withOutput(TestRecords.record("nd2", "demo.tools.dice", "1.0.0", "success", 101, "same",
        3000, new BigDecimal("0.03")), TestRecords.hash("another output"));
    try (Store s = StoreTest.open(dir)) {
      s.append(List.of(first, second));
      List<NodeMemory> dice = s.memory("dice", TrustParameters.DEFAULTS);
      assertEquals(1, dice.size());
      NodeMemory m = dice.get(0);
      assertEquals("dice", m.name());
      assertEquals(2, m.aggregates().totalRuns());
      assertEquals(2000.0, m.aggregates().avgLatencyMs().getAsDouble());
      assertEquals(0, new BigDecimal("0.02").compareTo(m.aggregates().avgCostUsd().orElseThrow()));
      assertTrue(m.nondeterministic());
      assertEquals(1, m.nondeterministicCount());
      assertEquals(1.0, m.trust().value());
      assertFalse(m.trust().sufficient(), "2 runs < min_samples 5");
      assertEquals(10.0, m.profile().accuracy().getAsDouble());

      List<NodeMemory> echo = s.memory(ECHO, TrustParameters.DEFAULTS);
      assertEquals(List.of(ECHO + "@1.0.0", ECHO + "@2.0.0"), echo.stream().map(NodeMemory::label).toList());
      assertFalse(echo.get(0).nondeterministic());
      long runs = all.stream().filter(r -> r.node().id().equals(ECHO) && r.node().version().equals("1.0.0")).count();
      assertEquals(runs, echo.get(0).aggregates().totalRuns());
      assertEquals(List.of(), s.memory("nosuch", TrustParameters.DEFAULTS));
    }
  }

  @Test
  void open_olderOrNewerFormatMarker_rebuildsInsteadOfReading() throws Exception {
    for (String planted : new String[] {"1", "2", "4", ""}) {
      try (DB db = Index.openDb(dir.resolve("store.db"))) {
        var meta = db.treeMap("meta", org.mapdb.Serializer.STRING, org.mapdb.Serializer.STRING).open();
        if (planted.isEmpty()) {
          meta.remove("store_format");
        } else {
          meta.put("store_format", planted);
        }
        db.commit();
      }
      assertFalse(Files.exists(dir.resolve("store.db.dirty")), "the marker alone must trigger the rebuild");
      try (Store s = StoreTest.open(dir)) {
        List<Diagnostic> w = s.warnings();
        assertEquals(List.of("ONEX-D008"), w.stream().map(Diagnostic::code).toList(), planted);
        assertTrue(w.get(0).message().contains(planted.isEmpty() ? "no store_format" : "store_format is " + planted));
        assertEquals(60, s.size());
        assertTrue(s.fsck().clean());
      }
      try (DB db = Index.openDb(dir.resolve("store.db"))) {
        var meta = db.treeMap("meta", org.mapdb.Serializer.STRING, org.mapdb.Serializer.STRING).open();
        assertEquals("3", meta.get("store_format"), "the rebuilt index is written in format 3");
      }
    }
  }

  @Test
  void close_afterWriting_removesDirtyMarker_andKilledWriterLeavesIt() {
    Path marker = dir.resolve("store.db" + Index.DIRTY_SUFFIX);
    assertFalse(Files.exists(marker));
    try (Store s = StoreTest.open(dir)) {
      s.append(TestRecords.batch("more", 3));
      assertTrue(Files.exists(marker), "present while this process has written");
    }
    assertFalse(Files.exists(marker));
    try (Store s = StoreTest.open(dir)) {
      assertEquals(63, s.log(LogQuery.newest(100)).size());
      assertFalse(Files.exists(marker), "a reader never creates it");
    }
  }

  @Test
  void log_entryPointingToAnotherRecord_isNoticedHealedAndAnsweredRight() {
    List<String> want = expected(r -> true, 5);
    try (DB db = Index.openDb(dir.resolve("store.db"))) {
      var byTime = db.treeMap("by_time", org.mapdb.Serializer.STRING, org.mapdb.Serializer.STRING).open();
      String newest = byTime.firstKey();
      byTime.put(newest, Index.seal(newest, "r0"));
      db.commit();
    }
    try (Store s = StoreTest.open(dir)) {
      assertEquals(want, ids(s.log(LogQuery.newest(5))));
      assertEquals(List.of("ONEX-D021"), s.warnings().stream().map(Diagnostic::code).toList());
      assertTrue(s.fsck().clean());
    }
  }

  static ExecutionRecord withOutput(ExecutionRecord r, String output) {
    return new ExecutionRecord(r.recordId(), r.node(), r.inputHash(), r.configHash(), Optional.of(output),
        r.traceHash(), r.cacheKey(), r.status(), r.exitCode(), r.error(), r.startedAt(), r.durationMs(), r.costUsd(),
        r.executor(), r.environment(), r.commit(), r.parentRecordId(), r.cachedFrom(), r.trustBefore(), r.trustAfter());
  }

  static void assertCode(String code, org.junit.jupiter.api.function.Executable e) {
    OnexException x = assertThrows(OnexException.class, e);
    assertEquals(code, x.diagnostics().get(0).code(), x.diagnostics().toString());
  }
}
