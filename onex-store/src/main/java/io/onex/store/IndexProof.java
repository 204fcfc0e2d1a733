package io.onex.store;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.mapdb.BTreeMap;

/**
 * The consistency proof run on every open (docs/formats/store.md, "Open-time proof"). MapDB
 * can open a file left by a killed process without error yet with entries missing or maps
 * disagreeing (shared/FACTS.md trap 1), so the index is used only after it has shown that:
 *
 * <ol>
 *   <li>its format is known and its meta data parses (done by {@link Index#open});
 *   <li>the recent window and log position match their digest (also in {@link Index#open});
 *   <li>every map holds exactly the number of entries the meta data counts (every leaf is
 *       read; counting stops one past the expected number, so a looping file cannot hang
 *       the open), and every entry passes its CRC-32C seal (key and value; a cache entry also
 *       its status);
 *   <li>the log position is at most the log's end;
 *   <li>the log, read from the first window position, holds exactly the window's (position,
 *       id) pairs and its last line ends at the log position, and the indexed JSON of those
 *       records equals the log's.
 * </ol>
 *
 * <p>{@link #check} returns null when all hold, else the first reason. Any exception (MapDB's
 * or the log's) also means "not proven": the caller rebuilds from the log, and a log that is
 * really corrupt fails there with its own error.
 */
final class IndexProof {
  private IndexProof() {}

  /**
   * @param full also count and unseal every entry of every map (O(records)); done only when the
   *     dirty marker says the last writer did not close cleanly. Otherwise the proof is O(window).
   */
  static String check(Index ix, RecordLog log, boolean full) {
    if (full) {
      String reason = countAll(ix);
      if (reason != null) {
        return reason;
      }
    }
    if (ix.logPosition > log.end()) {
      return "the index is at log position " + ix.logPosition + " but the log ends at " + log.end();
    }
    return log instanceof JsonlRecordLog j ? checkWindowRaw(ix, j) : checkWindow(ix, log);
  }

  private static String countAll(Index ix) {
    for (Map.Entry<String, Long> c : ix.counts.entrySet()) {
      long expected = c.getValue();
      long actual = count(ix, c.getKey(), expected);
      if (actual != expected) {
        return "map '" + c.getKey() + "' holds " + (actual > expected ? "more than " + expected : actual)
            + " entries, the meta data says " + expected;
      }
    }
    return null;
  }

  private static long count(Index ix, String name, long expected) {
    if (name.equals("cache")) {
      // unseal each value against the key it is stored under: looking the key up again would
      // miss a damaged key (it hashes to another bucket) and prove nothing
      long n = 0;
      Iterator<Map.Entry<byte[], byte[]>> it = ix.cache().entrySet().iterator();
      while (it.hasNext() && n <= expected) {
        Map.Entry<byte[], byte[]> e = it.next();
        String key = CacheHit.keyHex(e.getKey());
        CacheHit h = CacheHit.unseal(key, e.getValue()).orElseThrow(() ->
            new Index.CorruptIndexException("the cache entry '" + key + "' in store.db fails its checksum"));
        if (!h.status().equals("success")) {
          throw new Index.CorruptIndexException("the cache entry '" + key + "' holds a " + h.status() + " record");
        }
        n++;
      }
      return n;
    }
    @SuppressWarnings("unchecked")
    BTreeMap<String, String> m = (BTreeMap<String, String>) ix.byName(name);
    long n = 0;
    Iterator<Map.Entry<String, String>> it = m.entrySet().iterator();
    while (it.hasNext() && n <= expected) {
      Map.Entry<String, String> e = it.next();
      Index.unsealOrFail(e.getKey(), e.getValue());
      n++;
    }
    return n;
  }

  /** {@link #checkWindow} on the raw lines: compares texts, parses nothing (fast on open). */
  private static String checkWindowRaw(Index ix, JsonlRecordLog log) {
    List<RecentWindow.Item> items = ix.window.items();
    if (items.isEmpty()) {
      return ix.logPosition == 0 ? null : "the recent window is empty but the log position is " + ix.logPosition;
    }
    List<JsonlRecordLog.RawLine> lines = log.rawLines(items.get(0).position(), items.size());
    if (lines.size() < items.size()) {
      return "the log ends (or holds a bad line) before the recent record " + items.get(lines.size()).id();
    }
    long next = -1;
    for (int i = 0; i < items.size(); i++) {
      RecentWindow.Item item = items.get(i);
      JsonlRecordLog.RawLine line = lines.get(i);
      String json = ix.recordJson(item.id());
      if (line.position() != item.position() || json == null || !json.equals(line.json())) {
        return "the log line at " + line.position() + " differs from the record " + item.id()
            + " the index expects at " + item.position();
      }
      next = line.next();
    }
    return next == ix.logPosition ? null
        : "the recent window ends at " + next + " but the log position is " + ix.logPosition;
  }

  private static String checkWindow(Index ix, RecordLog log) {
    List<RecentWindow.Item> items = ix.window.items();
    if (items.isEmpty()) {
      return ix.logPosition == 0 ? null : "the recent window is empty but the log position is " + ix.logPosition;
    }
    Iterator<RecordLog.Entry> it = log.iterator(items.get(0).position());
    long next = -1;
    for (RecentWindow.Item item : items) {
      if (!it.hasNext()) {
        return "the log ends before the recent record " + item.id();
      }
      RecordLog.Entry e = it.next();
      if (e.position() != item.position() || !e.record().recordId().equals(item.id())) {
        return "the log holds " + e.record().recordId() + " at " + e.position() + " where the index expects "
            + item.id() + " at " + item.position();
      }
      String json = ix.recordJson(item.id());
      if (json == null || !json.equals(ExecutionRecordJson.canonical(e.record()))) {
        return "record " + item.id() + " in store.db differs from the log";
      }
      next = e.next();
    }
    return next == ix.logPosition ? null
        : "the recent window ends at " + next + " but the log position is " + ix.logPosition;
  }
}
