package io.onex.store;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.record.ExecutionRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;

/**
 * The MapDB side of the store: six ordered maps and one hash map ({@code cache}) in
 * {@code store.db}, each opened on first use, and the meta data that ties them to the record
 * log (docs/formats/store.md).
 *
 * <p>File access: memory-mapped with MapDB's cleaner hack, transactions (write-ahead log)
 * enabled. The cleaner hack unmaps at {@link #close()}; it is safe only because the
 * {@link Store} never touches the maps after closing them (its read/write lock guards every
 * access). Every value of every map but {@code meta} is sealed with a CRC-32C over its key
 * and value ({@code <crc8> <value>}), so a flipped byte in the file is noticed when the entry
 * is read; {@code meta} is covered by the recent digest and by the open-time proof.
 *
 * <p>All changes between two {@link #commit()}s form one MapDB transaction; the meta data
 * (log position, counts, recent window and digest) is written in the same transaction as the
 * entries it describes. Not thread-safe: the Store serializes writers.
 */
final class Index implements AutoCloseable {
  /**
   * The format marker kept in {@code meta/store_format}. A file with another marker (older or
   * newer) is never read: the open-time proof fails and the index is rebuilt from the log.
   * History: 1 = five maps; 2 = adds by_trace, by_status, aggregate name and nondeterminism;
   * 3 = the cache map keyed by raw key bytes, holding sealed {@link CacheHit}s.
   */
  static final String FORMAT = "3";
  static final String[] MAPS = {"records", "by_node", "by_time", "by_trace", "by_status", "cache", "aggregates", "meta"};
  /** Suffix of the marker file that exists while a process may have uncommitted or unsynced writes. */
  static final String DIRTY_SUFFIX = ".dirty";
  private static final int CACHE = 5;

  final DB db;
  final BTreeMap<String, String> meta;
  /** The maps, opened on first use (an operation opens only what it reads); index as in {@link #MAPS}. */
  private final Object[] maps = new Object[MAPS.length];

  /** In-memory view of the meta map, written back at every commit. */
  long logPosition;
  final Map<String, Long> counts = new LinkedHashMap<>();
  RecentWindow window = new RecentWindow();
  private final Path dirtyMarker;
  private boolean markedDirty;
  private boolean keepDirty;

  private Index(DB db, Path file, boolean create) {
    this.db = db;
    this.dirtyMarker = dirtyMarker(file);
    this.meta = db.treeMap("meta", Serializer.STRING, Serializer.STRING).createOrOpen();
    if (!create) {
      checkFormat(meta.get("store_format"));
      return;
    }
    for (int i = 0; i < MAPS.length - 1; i++) {
      map(i, true);
    }
  }

  BTreeMap<String, String> records() {
    return map(0, false);
  }

  BTreeMap<String, String> byNode() {
    return map(1, false);
  }

  BTreeMap<String, String> byTime() {
    return map(2, false);
  }

  BTreeMap<String, String> byTrace() {
    return map(3, false);
  }

  BTreeMap<String, String> byStatus() {
    return map(4, false);
  }

  /**
   * The cache map: 32 raw key bytes to a sealed {@link CacheHit}. A hash map (no key order is
   * needed): one index-tree walk and one record read per lookup, about half a B-tree descent.
   */
  HTreeMap<byte[], byte[]> cache() {
    return map(CACHE, false);
  }

  BTreeMap<String, String> aggregates() {
    return map(6, false);
  }

  /** A map by its name in {@link #MAPS} (not meta). */
  Map<?, ?> byName(String name) {
    return map(java.util.Arrays.asList(MAPS).indexOf(name), false);
  }

  @SuppressWarnings("unchecked")
  private synchronized <M> M map(int i, boolean create) {
    Object m = maps[i];
    if (m == null) {
      String name = MAPS[i];
      if (!create && !db.exists(name)) {
        throw new CorruptIndexException("map '" + name + "' is missing from store.db");
      }
      if (i == CACHE) {
        var maker = db.hashMap(name, Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY);
        m = create ? maker.create() : maker.open();
      } else {
        var maker = db.treeMap(name, Serializer.STRING, Serializer.STRING);
        if (i == 0) {
          maker = maker.valuesOutsideNodesEnable();
        }
        m = create ? maker.create() : maker.open();
      }
      maps[i] = m;
    }
    return (M) m;
  }

  /** Rejects any format marker but {@link #FORMAT}: an older or newer file is rebuilt, never read. */
  static void checkFormat(String format) {
    if (!FORMAT.equals(format)) {
      throw new IllegalStateException(format == null
          ? "meta has no store_format" : "store_format is " + format + ", this onex reads only " + FORMAT);
    }
  }

  static DB openDb(Path file) {
    return DBMaker.fileDB(file.toFile())
        .transactionEnable()
        .fileMmapEnableIfSupported()
        .cleanerHackEnable()
        .make();
  }

  /** Creates the maps in a new, empty file, with meta data for an empty log. */
  static Index create(Path file) {
    DB db = openDb(file);
    try {
      Index ix = new Index(db, file, true);
      ix.markDirty();
      for (String m : MAPS) {
        if (!m.equals("meta")) {
          ix.counts.put(m, 0L);
        }
      }
      ix.commit();
      return ix;
    } catch (RuntimeException | Error e) {
      closeQuietly(db);
      throw e;
    }
  }

  /**
   * Opens an existing file and loads its meta data. Throws whatever MapDB or the meta parser
   * throws when the file is damaged: the caller treats every such failure as "rebuild".
   */
  static Index open(Path file) {
    DB db = openDb(file);
    try {
      Index ix = new Index(db, file, false);
      ix.loadMeta();
      return ix;
    } catch (RuntimeException | Error e) {
      closeQuietly(db);
      throw e;
    }
  }

  private void loadMeta() {
    checkFormat(meta.get("store_format"));
    logPosition = Long.parseLong(require("log_position"));
    for (String m : MAPS) {
      if (!m.equals("meta")) {
        counts.put(m, Long.parseLong(require("count." + m)));
      }
    }
    window = RecentWindow.parse(require("recent"));
    String digest = require("recent_digest");
    if (!digest.equals(window.digest(logPosition))) {
      throw new IllegalStateException("recent_digest does not match the recent window and log position");
    }
  }

  private String require(String key) {
    String v = meta.get(key);
    if (v == null) {
      throw new IllegalStateException("meta has no " + key);
    }
    return v;
  }

  /**
   * Indexes one log entry (not committed). Returns false when the record is already indexed
   * with the same content (a duplicate line); throws {@code ONEX-D011} when it differs.
   */
  boolean add(RecordLog.Entry e, String canonicalJson, String logFile) {
    markDirty();
    ExecutionRecord r = e.record();
    String id = r.recordId();
    window.add(e.position(), id);
    logPosition = e.next();
    String old = get(records(), id);
    if (old != null) {
      if (canonicalJson.equals(old)) {
        return false;
      }
      throw new OnexException(Diagnostic.error(StoreError.CONFLICTING_RECORD_ID, logFile, 0, 0, "record_id",
          "record id " + id + " at byte offset " + e.position() + " was already indexed with other content"));
    }
    long seq = counts.get("records");
    put(records(), id, canonicalJson);
    bump("records");
    String time = Keys.time(r.startedAt(), seq);
    put(byTime(), time, id);
    bump("by_time");
    put(byNode(), Keys.byNodePrefix(r.node().id(), r.node().version()) + time, id);
    bump("by_node");
    put(byTrace(), Keys.byTracePrefix(r.traceHash()) + time, id);
    bump("by_trace");
    put(byStatus(), Keys.byStatusPrefix(r.status()) + time, id);
    bump("by_status");
    boolean outputDiffers = false;
    if (r.status().equals("success")) {
      CacheHit previous = cacheHit(r.cacheKey());
      outputDiffers = previous != null && !r.outputHash().equals(previous.outputHash());
      if (cache().put(CacheHit.keyBytes(r.cacheKey()), CacheHit.of(r).seal()) == null) {
        bump("cache");
      }
    }
    String nodeKey = Keys.node(r.node().id(), r.node().version());
    String agg = get(aggregates(), nodeKey);
    AggregateState s = agg == null ? new AggregateState() : AggregateState.parse(agg);
    s.add(r, outputDiffers);
    if (put(aggregates(), nodeKey, s.toJson())) {
      bump("aggregates");
    }
    return true;
  }

  /**
   * The cache entry of {@code cacheKey}, seal and status verified; null when absent or when the
   * key is not 64 lowercase hex digits.
   *
   * @throws CorruptIndexException when the stored value fails its seal or is not a success
   */
  CacheHit cacheHit(String cacheKey) {
    byte[] k = CacheHit.keyBytes(cacheKey);
    if (k == null) {
      return null;
    }
    byte[] v = cache().get(k);
    if (v == null) {
      return null;
    }
    CacheHit h = CacheHit.unseal(cacheKey, v).orElseThrow(() ->
        new CorruptIndexException("the cache entry '" + cacheKey + "' in store.db fails its checksum"));
    if (!h.status().equals("success")) {
      throw new CorruptIndexException("the cache entry '" + cacheKey + "' holds a " + h.status() + " record");
    }
    return h;
  }

  /**
   * Creates the dirty marker ({@code store.db.dirty}, forced to disk with its directory entry)
   * before the first write of this process: while it exists, the next open runs the full
   * proof. {@link #close()} removes it after a clean close.
   */
  void markDirty() {
    if (markedDirty) {
      return;
    }
    try {
      if (!java.nio.file.Files.exists(dirtyMarker)) {
        try (var ch = java.nio.channels.FileChannel.open(dirtyMarker, java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.WRITE)) {
          ch.force(true);
        }
        LogTail.syncDirectory(dirtyMarker.toAbsolutePath().getParent());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create " + dirtyMarker.getFileName(), e);
    }
    markedDirty = true;
  }

  static Path dirtyMarker(Path dbFile) {
    return dbFile.resolveSibling(dbFile.getFileName() + DIRTY_SUFFIX);
  }

  /** Removes the dirty marker: only after a full proof, or after a clean close. */
  void clearDirty() {
    try {
      if (java.nio.file.Files.deleteIfExists(dirtyMarker)) {
        LogTail.syncDirectory(dirtyMarker.toAbsolutePath().getParent());
      }
      markedDirty = false;
    } catch (java.io.IOException e) {
      // the marker stays: the next open runs the full proof, which is safe
    }
  }

  private void bump(String map) {
    counts.merge(map, 1L, Long::sum);
  }

  /** Writes the meta data and commits the MapDB transaction. */
  void commit() {
    markDirty();
    meta.put("store_format", FORMAT);
    meta.put("log_position", Long.toString(logPosition));
    counts.forEach((m, n) -> meta.put("count." + m, Long.toString(n)));
    meta.put("recent", window.toJson());
    meta.put("recent_digest", window.digest(logPosition));
    db.commit();
  }

  /** Drops the uncommitted changes and reloads the meta data of the last commit. */
  void rollback() {
    db.rollback();
    counts.clear();
    loadMeta();
  }

  /** The record of {@code id}, verified against its seal; null when absent. */
  String recordJson(String id) {
    return get(records(), id);
  }

  /**
   * {@code <crc8> <value>}: the CRC-32C covers the key, a newline and the value, so a flipped
   * byte in either is noticed, and a value cannot be moved under another key unnoticed.
   */
  static String seal(String key, String value) {
    return LogLines.hex(crc(key, value)) + " " + value;
  }

  /** The value of a sealed entry, or null when the seal does not match. */
  static String unseal(String key, String sealed) {
    if (sealed == null || sealed.length() < LogLines.PREFIX || sealed.charAt(8) != ' ') {
      return null;
    }
    long stored = 0;
    for (int i = 0; i < 8; i++) {
      int d = Character.digit(sealed.charAt(i), 16);
      if (d < 0) {
        return null;
      }
      stored = (stored << 4) | d;
    }
    String value = sealed.substring(LogLines.PREFIX);
    return stored == crc(key, value) ? value : null;
  }

  static String unsealOrFail(String key, String sealed) {
    String value = unseal(key, sealed);
    if (value == null) {
      throw new CorruptIndexException("the entry '" + key + "' in store.db fails its checksum");
    }
    return value;
  }

  private static long crc(String key, String value) {
    CRC32C c = new CRC32C();
    c.update(key.getBytes(StandardCharsets.UTF_8));
    c.update('\n');
    c.update(value.getBytes(StandardCharsets.UTF_8));
    return c.getValue();
  }

  /** The value of {@code key} in {@code map}, seal verified; null when absent. */
  static String get(BTreeMap<String, String> map, String key) {
    String v = map.get(key);
    return v == null ? null : unsealOrFail(key, v);
  }

  /** Puts a sealed value; returns true when the key was new. */
  static boolean put(BTreeMap<String, String> map, String key, String value) {
    return map.put(key, seal(key, value)) == null;
  }

  /**
   * Closes the file. A process that wrote commits everything and, once MapDB has closed the
   * file without error, removes the dirty marker.
   */
  /** After a failed write: close leaves the dirty marker, so the next open runs the full proof. */
  void keepDirty() {
    keepDirty = true;
  }

  @Override
  public void close() {
    if (!markedDirty || keepDirty) {
      closeQuietly(db);
      return;
    }
    try {
      db.close();
    } catch (RuntimeException | Error e) {
      return;
    }
    clearDirty();
  }

  static void closeQuietly(DB db) {
    try {
      db.close();
    } catch (RuntimeException | Error ignored) {
      // a damaged file may fail to close; it is moved aside or rebuilt anyway
    }
  }

  /** Thrown when the index returns data that cannot be right (seal or cross-check fails). */
  static final class CorruptIndexException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CorruptIndexException(String message) {
      super(message, null, false, false);
    }
  }
}
