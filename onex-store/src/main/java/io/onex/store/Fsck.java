package io.onex.store;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.ErrorCode;
import io.onex.core.diag.OnexException;
import io.onex.core.record.ExecutionRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.mapdb.BTreeMap;

/**
 * The full check behind {@link Store#fsck()}: reads the whole log, recomputes in memory what
 * the index must hold (the key of every map entry, its value, the counts and the aggregates)
 * and compares it with store.db entry by entry, in both directions. Memory: one small entry per
 * record (id, CRC of its JSON) plus the expected keys of the small maps.
 */
final class Fsck {
  private final Index ix;
  private final RecordLog log;
  private final String dbName;
  private final List<Diagnostic> problems = new ArrayList<>();
  private long omitted;

  private final Map<String, Long> recordCrc = new HashMap<>();
  private final Map<String, String> byTime = new HashMap<>();
  private final Map<String, String> byNode = new HashMap<>();
  private final Map<String, String> byTrace = new HashMap<>();
  private final Map<String, String> byStatus = new HashMap<>();
  private final Map<String, CacheHit> cache = new HashMap<>();
  private final Map<String, java.util.Optional<String>> cacheOutput = new HashMap<>();
  private final Map<String, AggregateState> aggregates = new TreeMap<>();
  private final RecentWindow window = new RecentWindow();
  private long lines;
  private long position;

  private Fsck(Index ix, RecordLog log, String dbName) {
    this.ix = ix;
    this.log = log;
    this.dbName = dbName;
  }

  static FsckResult run(Index ix, RecordLog log, String dbName) {
    Fsck f = new Fsck(ix, log, dbName);
    boolean logOk = f.readLog();
    if (logOk) {
      f.compareRecords();
      f.compare("by_time", ix.byTime(), f.byTime, StoreError.FSCK_NOT_INDEXED);
      f.compare("by_node", ix.byNode(), f.byNode, StoreError.FSCK_NOT_INDEXED);
      f.compare("by_trace", ix.byTrace(), f.byTrace, StoreError.FSCK_NOT_INDEXED);
      f.compare("by_status", ix.byStatus(), f.byStatus, StoreError.FSCK_NOT_INDEXED);
      f.compareCache();
      f.compareAggregates();
      f.compareMeta();
    }
    f.compareCounts();
    return new FsckResult(f.lines, ix.records().size(), f.problems, f.omitted);
  }

  /** Replays the log in memory exactly as {@link Index#add} does. */
  private boolean readLog() {
    try {
      Iterator<RecordLog.Entry> it = log.iterator(0);
      while (it.hasNext()) {
        RecordLog.Entry e = it.next();
        lines++;
        window.add(e.position(), e.record().recordId());
        position = e.next();
        expect(e);
      }
      return true;
    } catch (OnexException e) {
      e.diagnostics().forEach(this::report);
      return false;
    }
  }

  private void expect(RecordLog.Entry e) {
    ExecutionRecord r = e.record();
    String json = ExecutionRecordJson.canonical(r);
    long crc = crc(json);
    Long old = recordCrc.get(r.recordId());
    if (old != null) {
      if (old != crc) {
        problem(StoreError.CONFLICTING_RECORD_ID, "", "record id " + r.recordId()
            + " appears again at byte offset " + e.position() + " with other content");
      }
      return;
    }
    long seq = recordCrc.size();
    recordCrc.put(r.recordId(), crc);
    String time = Keys.time(r.startedAt(), seq);
    byTime.put(time, r.recordId());
    byNode.put(Keys.byNodePrefix(r.node().id(), r.node().version()) + time, r.recordId());
    byTrace.put(Keys.byTracePrefix(r.traceHash()) + time, r.recordId());
    byStatus.put(Keys.byStatusPrefix(r.status()) + time, r.recordId());
    boolean outputDiffers = false;
    if (r.status().equals("success")) {
      var previous = cacheOutput.put(r.cacheKey(), r.outputHash());
      outputDiffers = previous != null && !previous.equals(r.outputHash());
      cache.put(r.cacheKey(), CacheHit.of(r));
    }
    aggregates.computeIfAbsent(Keys.node(r.node().id(), r.node().version()), k -> new AggregateState())
        .add(r, outputDiffers);
  }

  private void compareRecords() {
    Map<String, Long> left = new HashMap<>(recordCrc);
    for (Map.Entry<String, String> e : ix.records().entrySet()) {
      Long want = left.remove(e.getKey());
      String json = Index.unseal(e.getKey(), e.getValue());
      if (want == null) {
        problem(StoreError.FSCK_DANGLING_ENTRY, "records", "record " + e.getKey() + " is indexed but not in the log");
      } else if (json == null || crc(json) != want) {
        problem(StoreError.FSCK_RECORD_MISMATCH, "records", "record " + e.getKey() + " in store.db differs from the log");
      }
    }
    left.keySet().stream().sorted().forEach(id ->
        problem(StoreError.FSCK_NOT_INDEXED, "records", "record " + id + " of the log is not indexed"));
  }

  private void compare(String name, BTreeMap<String, String> actual, Map<String, String> expected, ErrorCode missing) {
    Map<String, String> left = new HashMap<>(expected);
    for (Map.Entry<String, String> e : actual.entrySet()) {
      String want = left.remove(e.getKey());
      String id = Index.unseal(e.getKey(), e.getValue());
      if (want == null) {
        problem(StoreError.FSCK_DANGLING_ENTRY, name, "entry " + e.getKey() + " -> " + id
            + " points to no record of the log at that place");
      } else if (!want.equals(id)) {
        problem(StoreError.FSCK_RECORD_MISMATCH, name, "entry " + e.getKey() + " -> "
            + (id == null ? "(fails its checksum)" : id) + ", the log gives " + want);
      }
    }
    new TreeMap<>(left).forEach((k, v) ->
        problem(missing, name, "entry " + k + " -> " + v + " is missing"));
  }

  /** The cache map: raw key bytes to a sealed {@link CacheHit}, compared field by field. */
  private void compareCache() {
    Map<String, CacheHit> left = new HashMap<>(cache);
    for (Map.Entry<byte[], byte[]> e : ix.cache().entrySet()) {
      String key = CacheHit.keyHex(e.getKey());
      CacheHit want = left.remove(key);
      var got = e.getKey().length == 32 ? CacheHit.unseal(key, e.getValue()) : java.util.Optional.<CacheHit>empty();
      if (want == null) {
        problem(StoreError.FSCK_DANGLING_ENTRY, "cache", "entry " + key + " -> "
            + got.map(CacheHit::recordId).orElse("(fails its checksum)") + " is not the key of a success in the log");
      } else if (!got.equals(java.util.Optional.of(want))) {
        problem(StoreError.FSCK_RECORD_MISMATCH, "cache", "entry " + key + " -> "
            + got.map(CacheHit::toString).orElse("(fails its checksum)") + ", the log gives " + want);
      }
    }
    new TreeMap<>(left).forEach((k, v) ->
        problem(StoreError.FSCK_NOT_INDEXED, "cache", "entry " + k + " -> " + v.recordId() + " is missing"));
  }

  private void compareAggregates() {
    Map<String, String> expected = new HashMap<>();
    aggregates.forEach((k, s) -> expected.put(k, s.toJson()));
    Map<String, String> left = new HashMap<>(expected);
    for (Map.Entry<String, String> e : ix.aggregates().entrySet()) {
      String want = left.remove(e.getKey());
      String json = Index.unseal(e.getKey(), e.getValue());
      if (want == null || !want.equals(json)) {
        problem(StoreError.FSCK_AGGREGATE_MISMATCH, "aggregates", "aggregates of " + e.getKey()
            + (want == null ? " exist but the log has no record of that node version"
                : " are " + json + ", recomputed from the log: " + want));
      }
    }
    new TreeMap<>(left).forEach((k, v) ->
        problem(StoreError.FSCK_AGGREGATE_MISMATCH, "aggregates", "aggregates of " + k + " are missing"));
  }

  private void compareMeta() {
    if (!Index.FORMAT.equals(ix.meta.get("store_format"))) {
      problem(StoreError.FSCK_META_MISMATCH, "meta", "store_format is " + ix.meta.get("store_format"));
    }
    if (!Objects.equals(ix.meta.get("log_position"), Long.toString(position))) {
      problem(StoreError.FSCK_META_MISMATCH, "meta", "log_position is " + ix.meta.get("log_position")
          + " but the log ends at " + position);
    } else if (!Objects.equals(ix.meta.get("recent_digest"), window.digest(position))) {
      problem(StoreError.FSCK_META_MISMATCH, "meta", "recent_digest does not match the last "
          + RecentWindow.SIZE + " records of the log");
    }
  }

  private void compareCounts() {
    Map<String, Map<?, ?>> maps = Map.of("records", ix.records(), "by_node", ix.byNode(),
        "by_time", ix.byTime(), "by_trace", ix.byTrace(), "by_status", ix.byStatus(), "cache", ix.cache(),
        "aggregates", ix.aggregates());
    new TreeMap<>(maps).forEach((name, m) -> {
      String stored = ix.meta.get("count." + name);
      long actual = m instanceof BTreeMap<?, ?> b ? b.sizeLong() : m.size();
      if (!Long.toString(actual).equals(stored)) {
        problem(StoreError.FSCK_COUNT_MISMATCH, "meta", "count." + name + " is " + stored
            + " but the map holds " + actual);
      }
    });
  }

  private void problem(ErrorCode code, String field, String message) {
    report(Diagnostic.error(code, dbName, 0, 0, field, message));
  }

  private void report(Diagnostic d) {
    if (problems.size() < FsckResult.MAX_PROBLEMS) {
      problems.add(d);
    } else {
      omitted++;
    }
  }

  private static long crc(String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    return LogLines.crc(b, 0, b.length);
  }
}
