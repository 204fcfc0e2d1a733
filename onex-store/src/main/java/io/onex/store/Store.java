package io.onex.store;

import io.onex.core.canon.CanonicalJson;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.record.ExecutionRecord;
import io.onex.core.record.RecordSink;
import io.onex.core.schema.SchemaId;
import io.onex.core.schema.SchemaValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The local store under {@code .onex-store/}: the durable record log
 * ({@code records/records.jsonl}) and its MapDB index ({@code store.db}), behind one
 * single-writer lock ({@code store.lock}). docs/formats/store.md describes every file.
 *
 * <p>Invariants (DESIGN invariant 1): a record is appended to the log and forced to disk
 * before it is indexed; the index and its log position change in one MapDB transaction; the
 * index is trusted only after {@link #open} has proved it consistent with the log, and is
 * otherwise rebuilt from the log, so losing or damaging {@code store.db} loses nothing. Every
 * value read from the index is checked (checksum, and the record must match the key that led
 * to it); a mismatch rebuilds the index and retries once.
 *
 * <p>Thread-safe: appends and rebuilds are exclusive, queries run concurrently.
 *
 * <p>{@link #release()} closes the index and log and gives the lock up between operations (a
 * clean close); the next operation takes the lock again, waiting as {@link #open} did, and
 * proves the index again before using it (another process may have appended meanwhile). The
 * runtime releases the store while a node's process runs, so a long {@code onex test} does not
 * lock a concurrent commit's hook out for its whole duration.
 */
public final class Store implements RecordSink, AutoCloseable {
  /** The directory of the record log inside the store directory. */
  public static final String RECORDS_DIR = "records";

  private final Path dir;
  private final Clock clock;
  private final Duration lockWait;
  private StoreLock lock;
  private JsonlRecordLog log;
  private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
  private final List<Diagnostic> warnings;
  private Index index;
  private boolean stale;
  private boolean closed;
  /** Written under the write lock; read without it by {@link #query} to resume first. */
  private volatile boolean released;

  private Store(Path dir, Clock clock, Duration lockWait, Opened o) {
    this.dir = dir;
    this.clock = clock;
    this.lockWait = lockWait;
    this.lock = o.lock();
    this.log = o.log();
    this.index = o.index();
    this.warnings = new ArrayList<>(o.warnings());
  }

  /** What {@link #acquire} holds: the lock, the log with its recovered tail, the proven index. */
  private record Opened(StoreLock lock, JsonlRecordLog log, Index index, List<Diagnostic> warnings) {}

  /**
   * Locks {@code storeDir} (waiting up to {@code lockWait}), recovers the log's tail, opens
   * {@code store.db} and proves it consistent with the log, rebuilding or catching up as needed.
   *
   * @param storeDir the {@code .onex-store} directory (created if missing)
   * @param clock names moved-aside files and stamps the lock file
   * @throws OnexException {@code ONEX-D001} when another process holds the lock past
   *     {@code lockWait}; a log error ({@code ONEX-D002}...) when the log itself is corrupt
   */
  public static Store open(Path storeDir, Clock clock, Duration lockWait) {
    Objects.requireNonNull(storeDir, "storeDir");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(lockWait, "lockWait");
    return new Store(storeDir, clock, lockWait, acquire(storeDir, clock, lockWait));
  }

  private static Opened acquire(Path storeDir, Clock clock, Duration lockWait) {
    StoreLock lock = StoreLock.acquire(storeDir, clock, lockWait);
    JsonlRecordLog log = null;
    try {
      log = JsonlRecordLog.open(storeDir.resolve(RECORDS_DIR).resolve(JsonlRecordLog.FILE_NAME));
      List<Diagnostic> w = new ArrayList<>(log.warnings());
      IndexLoader.Loaded loaded = IndexLoader.load(storeDir, log, clock);
      w.addAll(loaded.warnings());
      return new Opened(lock, log, loaded.index(), w);
    } catch (RuntimeException | Error e) {
      if (log != null) {
        log.close();
      }
      lock.close();
      throw wrap(e, "cannot open the store");
    }
  }

  /** Warnings so far: a cut log tail, a rebuilt or caught-up index. */
  public List<Diagnostic> warnings() {
    rw.readLock().lock();
    try {
      return List.copyOf(warnings);
    } finally {
      rw.readLock().unlock();
    }
  }

  /** {@link RecordSink}: appends one record (see {@link #append(List)}). */
  @Override
  public void append(ExecutionRecord record) {
    append(List.of(Objects.requireNonNull(record, "record")));
  }

  /**
   * Appends a batch: validates every record (schema, unique id), writes the batch to the log
   * and forces it to disk, then indexes it and moves the log position in one MapDB
   * transaction. When this returns, the records are durable and indexed.
   *
   * @return the log's new end position
   * @throws OnexException schema codes or {@code ONEX-D010} before anything is written;
   *     {@code ONEX-D012} when the records are in the log but indexing failed (they are
   *     indexed on the next operation or open)
   */
  public long append(List<ExecutionRecord> records) {
    Objects.requireNonNull(records, "records");
    rw.writeLock().lock();
    try {
      ensureOpen();
      ensureIndex();
      List<String> jsons = check(records);
      if (records.isEmpty()) {
        return log.end();
      }
      long pos = log.end();
      long end = log.append(records);
      index(records, jsons, pos, end);
      return end;
    } catch (RuntimeException | Error e) {
      throw wrap(e, "cannot append to the store");
    } finally {
      rw.writeLock().unlock();
    }
  }

  private List<String> check(List<ExecutionRecord> records) {
    List<String> jsons = new ArrayList<>(records.size());
    Set<String> ids = new HashSet<>();
    for (ExecutionRecord r : records) {
      if (r == null) {
        throw invalid("a batch holds a null record");
      }
      List<Diagnostic> problems = SchemaValidator.validate(SchemaId.EXECUTION_RECORD, r.toJson(), "record " + r.recordId());
      if (!problems.isEmpty()) {
        throw new OnexException(problems);
      }
      boolean twice = !ids.add(r.recordId());
      if (twice || index.records().containsKey(r.recordId())) {
        throw new OnexException(Diagnostic.error(StoreError.DUPLICATE_RECORD_ID, log.file().toString(), 0, 0,
            "record_id", "record " + r.recordId() + " is " + (twice ? "twice in the batch" : "already stored")
                + "; nothing of the batch was written"));
      }
      jsons.add(ExecutionRecordJson.canonical(r));
    }
    return jsons;
  }

  private void index(List<ExecutionRecord> records, List<String> jsons, long start, long end) {
    try {
      long pos = start;
      for (int i = 0; i < records.size(); i++) {
        long next = pos + jsons.get(i).getBytes(StandardCharsets.UTF_8).length + LogLines.PREFIX + 1;
        index.add(new RecordLog.Entry(pos, next, records.get(i)), jsons.get(i), log.file().toString());
        pos = next;
      }
      if (pos != end) {
        throw new IllegalStateException("log end " + end + " differs from the computed " + pos);
      }
      index.commit();
    } catch (RuntimeException | Error e) {
      IndexLoader.rethrowFatal(e);
      index.keepDirty();
      stale = true;
      throw new OnexException(Diagnostic.error(StoreError.INDEX_FAILED, dir.resolve(IndexLoader.DB_FILE).toString(),
          0, 0, "", "the " + records.size() + " record(s) are in the log but indexing them failed: "
              + IndexLoader.describe(e)));
    }
  }

  /** The record with this id. */
  public Optional<ExecutionRecord> byId(String recordId) {
    Objects.requireNonNull(recordId, "recordId");
    return query(() -> Optional.ofNullable(load(recordId)));
  }

  /** The records of {@code namespace@version}, newest {@code started_at} first, at most {@code limit}. */
  public List<ExecutionRecord> byNode(String namespace, String version, int limit) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(version, "version");
    requireLimit(limit);
    return query(() -> {
      String prefix = Keys.byNodePrefix(namespace, version);
      List<ExecutionRecord> out = new ArrayList<>();
      for (var e : index.byNode().subMap(prefix, true, Keys.prefixEnd(prefix), false).entrySet()) {
        if (out.size() >= limit) {
          break;
        }
        String id = Index.unsealOrFail(e.getKey(), e.getValue());
        ExecutionRecord r = require(id);
        if (!r.node().id().equals(namespace) || !r.node().version().equals(version)) {
          throw new Index.CorruptIndexException("by_node entry for " + namespace + "@" + version + " points to " + id);
        }
        out.add(r);
      }
      return out;
    });
  }

  /**
   * The cache entry of {@code cacheKey}: what a hit needs of the newest successful record with
   * that key (id, hashes, exit code, start), read from the cache map alone (no record is read or
   * parsed). Empty when no success has this key, or when the key is not 64 lowercase hex digits.
   */
  public Optional<CacheHit> cacheHit(String cacheKey) {
    Objects.requireNonNull(cacheKey, "cacheKey");
    return query(() -> Optional.ofNullable(index.cacheHit(cacheKey)));
  }

  /**
   * The newest successful record whose {@code cache_key} is {@code cacheKey}: the full record
   * behind {@link #cacheHit}, cross-checked against the cache entry.
   */
  public Optional<ExecutionRecord> cacheLookup(String cacheKey) {
    Objects.requireNonNull(cacheKey, "cacheKey");
    return query(() -> {
      CacheHit h = index.cacheHit(cacheKey);
      return h == null ? Optional.empty() : Optional.of(recordOf(h));
    });
  }

  private ExecutionRecord recordOf(CacheHit h) {
    ExecutionRecord r = require(h.recordId());
    if (!CacheHit.of(r).equals(h)) {
      throw new Index.CorruptIndexException("cache entry " + h.cacheKey() + " differs from its record " + h.recordId());
    }
    return r;
  }

  /** The performance aggregates of {@code namespace@version}; empty when it has no record. */
  public Optional<NodeAggregates> aggregates(String namespace, String version) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(version, "version");
    return query(() -> {
      String key = Keys.node(namespace, version);
      String v = Index.get(index.aggregates(), key);
      return v == null ? Optional.empty() : Optional.of(AggregateState.parse(v).view(namespace, version));
    });
  }

  /** The newest records (by {@code started_at}, then by append order), at most {@code limit}. */
  public List<ExecutionRecord> recent(int limit) {
    requireLimit(limit);
    return query(() -> {
      List<ExecutionRecord> out = new ArrayList<>();
      for (var e : index.byTime().entrySet()) {
        if (out.size() >= limit) {
          break;
        }
        out.add(require(Index.unsealOrFail(e.getKey(), e.getValue())));
      }
      return out;
    });
  }

  /**
   * Browses the records newest first (docs/formats/store.md, "Queries"): reads only the index
   * entries it returns (plus those a status filter skips within the named nodes).
   */
  public List<ExecutionRecord> log(LogQuery q) {
    Objects.requireNonNull(q, "q");
    return query(() -> LogQueries.log(index, q, this::require));
  }

  /** Shortest trace-hash prefix {@link #lookup} accepts. */
  public static final int MIN_PREFIX = 4;

  /**
   * The record {@code ref} names: an exact record id, or a trace hash or a prefix of one (at
   * least {@value #MIN_PREFIX} hex digits; the newest record with that trace hash). Empty when
   * nothing matches.
   *
   * @throws OnexException {@code ONEX-L002} when the prefix starts several trace hashes,
   *     {@code ONEX-L004} when {@code ref} is longer than {@value LogQuery#MAX_REF} characters
   */
  public Optional<ExecutionRecord> lookup(String ref) {
    Objects.requireNonNull(ref, "ref");
    if (ref.isEmpty() || ref.length() > LogQuery.MAX_REF) {
      throw LogQuery.bad("a reference must be 1 to " + LogQuery.MAX_REF + " characters");
    }
    return query(() -> {
      ExecutionRecord byId = load(ref);
      if (byId != null) {
        return Optional.of(byId);
      }
      if (!ref.matches("[0-9a-fA-F]{" + MIN_PREFIX + ",64}")) {
        return Optional.empty();
      }
      var traces = LogQueries.traces(index, ref.toLowerCase(java.util.Locale.ROOT), 6);
      if (traces.size() > 1) {
        throw new OnexException(Diagnostic.error(BrowseError.AMBIGUOUS_PREFIX, "", 0, 0, "",
            "'" + ref + "' starts " + (traces.size() > 5 ? "more than 5" : traces.size()) + " trace hashes: "
                + String.join(", ", traces.keySet().stream().limit(5).toList())));
      }
      Optional<ExecutionRecord> r = traces.values().stream().findFirst().map(this::require);
      if (r.isPresent() && !r.get().traceHash().startsWith(ref.toLowerCase(java.util.Locale.ROOT))) {
        throw new Index.CorruptIndexException("by_trace entry for " + ref + " points to " + r.get().recordId());
      }
      return r;
    });
  }

  /**
   * The dynamic memory of every node version {@code nodeRef} names (a name or namespace, with
   * or without {@code @version}), sorted by {@code namespace@version}; trust is computed at this
   * store's clock from the newest {@code p.maxSamples()} runs. Empty when none has a record.
   */
  public List<NodeMemory> memory(String nodeRef, TrustParameters p) {
    Objects.requireNonNull(p, "p");
    new LogQuery(List.of(Objects.requireNonNull(nodeRef, "nodeRef")), Set.of(), Optional.empty(), Optional.empty(), 0);
    return query(() -> LogQueries.memory(index, nodeRef, p, clock.instant(), this::require));
  }

  /** The number of indexed records. */
  public long size() {
    return query(() -> index.counts.get("records"));
  }

  /** The position up to which the log is indexed (equal to the log's end between calls). */
  public long logPosition() {
    return query(() -> index.logPosition);
  }

  /**
   * Recreates {@code store.db} from the record log alone (the old file is deleted).
   *
   * @return the number of records indexed
   * @throws OnexException a log error ({@code ONEX-D002}...) when the log is corrupt
   */
  public long rebuild() {
    rw.writeLock().lock();
    try {
      ensureOpen();
      closeIndex();
      stale = true;
      index = IndexLoader.createAndReplay(dir.resolve(IndexLoader.DB_FILE), log);
      stale = false;
      return index.counts.get("records");
    } catch (RuntimeException | Error e) {
      throw wrap(e, "cannot rebuild the store");
    } finally {
      rw.writeLock().unlock();
    }
  }

  /** Checks the whole index against the whole log (see {@link FsckResult}); changes nothing. */
  public FsckResult fsck() {
    rw.writeLock().lock();
    try {
      ensureOpen();
      ensureIndex();
      String db = dir.resolve(IndexLoader.DB_FILE).toString();
      try {
        return Fsck.run(index, log, db);
      } catch (RuntimeException | Error e) {
        IndexLoader.rethrowFatal(e);
        return new FsckResult(0, 0, List.of(Diagnostic.error(StoreError.FSCK_UNREADABLE, db, 0, 0, "",
            "reading store.db failed: " + IndexLoader.describe(e))), 0);
      }
    } finally {
      rw.writeLock().unlock();
    }
  }

  @Override
  public void close() {
    rw.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (!released) {
        closeIndex();
        log.close();
        lock.close();
      }
    } finally {
      rw.writeLock().unlock();
    }
  }

  /**
   * Closes the index and the log cleanly and releases the lock until the next operation, which
   * takes them again (waiting up to the lock wait given to {@link #open}, then failing with
   * {@code ONEX-D001}). For long work that needs no store access. No-op when already released
   * or closed.
   */
  public void release() {
    rw.writeLock().lock();
    try {
      if (closed || released) {
        return;
      }
      closeIndex();
      log.close();
      lock.close();
      markers = null;
      released = true;
    } finally {
      rw.writeLock().unlock();
    }
  }

  /** Takes the lock again after {@link #release} and proves the index (caller holds the write lock). */
  private void resume() {
    Opened o;
    try {
      o = acquire(dir, clock, lockWait);
    } catch (RuntimeException | Error e) {
      throw wrap(e, "cannot reopen the store");
    }
    lock = o.lock();
    log = o.log();
    index = o.index();
    warnings.addAll(o.warnings());
    stale = false;
    released = false;
  }

  // ---- internals

  /** Runs a query; a corrupt index is rebuilt from the log and the query retried once. */
  private <T> T query(Supplier<T> q) {
    for (int attempt = 0; ; ) {
      if (released) {
        rw.writeLock().lock();
        try {
          ensureOpen();
        } finally {
          rw.writeLock().unlock();
        }
      }
      String failure;
      rw.readLock().lock();
      try {
        ensureOpen();
        if (released) {
          continue; // released by another thread meanwhile: resume first
        }
        if (!stale) {
          return q.get();
        }
        failure = null;
      } catch (OnexException e) {
        throw e;
      } catch (RuntimeException | Error e) {
        IndexLoader.rethrowFatal(e);
        failure = IndexLoader.describe(e);
      } finally {
        rw.readLock().unlock();
      }
      if (attempt > 0) {
        throw new OnexException(Diagnostic.error(StoreError.INDEX_CORRUPT, dir.resolve(IndexLoader.DB_FILE).toString(),
            0, 0, "", "store.db is still inconsistent after a rebuild" + (failure == null ? "" : ": " + failure)));
      }
      attempt++;
      heal(failure);
    }
  }

  private void heal(String failure) {
    rw.writeLock().lock();
    try {
      ensureOpen();
      if (failure == null) {
        ensureIndex();
        return;
      }
      closeIndex();
      stale = true;
      Path db = dir.resolve(IndexLoader.DB_FILE);
      Path broken = IndexLoader.moveAside(db, clock);
      index = IndexLoader.createAndReplay(db, log);
      stale = false;
      warnings.add(Diagnostic.warning(StoreError.INDEX_CORRUPT, db.toString(), 0, 0, "",
          "a query found store.db inconsistent (" + failure + "); moved it to " + broken.getFileName()
              + " and rebuilt it from the log", StoreError.INDEX_CORRUPT.hint()));
    } finally {
      rw.writeLock().unlock();
    }
  }

  /** Reloads the index after a failed append or rebuild (caller holds the write lock). */
  private void ensureIndex() {
    if (!stale) {
      return;
    }
    closeIndex();
    IndexLoader.Loaded loaded = IndexLoader.load(dir, log, clock);
    index = loaded.index();
    warnings.addAll(loaded.warnings());
    stale = false;
  }

  private void closeIndex() {
    if (index != null) {
      index.close();
      index = null;
    }
  }

  private ExecutionRecord load(String id) {
    String json = index.recordJson(id);
    if (json == null) {
      return null;
    }
    ExecutionRecord r = ExecutionRecordJson.fromTrustedJson(CanonicalJson.parse(json), IndexLoader.DB_FILE);
    if (!r.recordId().equals(id)) {
      throw new Index.CorruptIndexException("records entry " + id + " holds record " + r.recordId());
    }
    return r;
  }

  private ExecutionRecord require(String id) {
    ExecutionRecord r = load(id);
    if (r == null) {
      throw new Index.CorruptIndexException("an index entry points to the missing record " + id);
    }
    return r;
  }

  /** Fails when closed; resumes a released store when the caller holds the write lock. */
  private void ensureOpen() {
    if (closed) {
      throw new OnexException(Diagnostic.error(StoreError.STORE_CLOSED, dir.toString(), 0, 0, "", "the store is closed"));
    }
    if (released && rw.isWriteLockedByCurrentThread()) {
      resume();
    }
  }

  private static void requireLimit(int limit) {
    if (limit < 0) {
      throw invalid("limit must be 0 or more, not " + limit);
    }
  }

  private static OnexException invalid(String message) {
    return new OnexException(Diagnostic.error(StoreError.INVALID_ARGUMENT, "", 0, 0, "", message));
  }

  private static RuntimeException wrap(Throwable e, String what) {
    if (e instanceof OnexException o) {
      return o;
    }
    IndexLoader.rethrowFatal(e);
    return new OnexException(Diagnostic.error(StoreError.STORE_IO, "", 0, 0, "", what + ": " + IndexLoader.describe(e)));
  }

  // --- memoization (wt-memo) ---
  // Output store, cache-entry listing and nondeterminism markers (docs/formats/cache.md). The
  // markers are derived data in the side file nondeterministic.json (see Markers):
  // redetectNondeterminism() recomputes them from the records, so losing the file loses nothing.

  /** The side file of nondeterminism markers, in the store directory. */
  public static final String NONDETERMINISTIC_FILE = "nondeterministic.json";

  private Markers markers;

  /** The content-addressed output store under {@code outputs/}. */
  public OutputStore outputs() {
    query(() -> null);
    return new OutputStore(dir.resolve(OutputStore.DIR), OutputStore.MAX_BYTES);
  }

  /** Every cache entry: for each cache key (in key order), the newest success record with that key. */
  public List<ExecutionRecord> cacheEntries() {
    return query(() -> {
      List<ExecutionRecord> out = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      for (byte[] k : index.cache().keySet()) {
        keys.add(CacheHit.keyHex(k));
      }
      keys.sort(null);
      for (String k : keys) {
        out.add(recordOf(index.cacheHit(k)));
      }
      return out;
    });
  }

  /** Marks {@code cacheKey} of {@code namespace@version} as having produced different outputs. */
  public void markNondeterministic(String namespace, String version, String cacheKey) {
    withMarkers(m -> m.mark(namespace, version, cacheKey));
  }

  /** The cache keys of {@code namespace@version} marked nondeterministic (empty when none). */
  public Set<String> nondeterministicKeys(String namespace, String version) {
    return withMarkers(m -> m.keys(namespace, version));
  }

  /**
   * Recomputes the markers from the records: every cache key with success records of more
   * than one output_hash is marked. Replaces the side file; returns the number of marked keys.
   */
  public int redetectNondeterminism() {
    var found = query(() -> {
      Markers.Detector d = new Markers.Detector();
      for (var e : index.byTime().entrySet()) {
        d.add(require(Index.unsealOrFail(e.getKey(), e.getValue())));
      }
      return d.marks();
    });
    return withMarkers(m -> m.replace(found));
  }

  private <T> T withMarkers(java.util.function.Function<Markers, T> f) {
    rw.writeLock().lock();
    try {
      ensureOpen();
      if (markers == null) {
        markers = Markers.load(dir.resolve(NONDETERMINISTIC_FILE), warnings);
      }
      return f.apply(markers);
    } finally {
      rw.writeLock().unlock();
    }
  }
}
