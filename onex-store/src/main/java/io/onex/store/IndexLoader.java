package io.onex.store;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.mapdb.DBException;

/**
 * Opens {@code store.db} and makes it agree with the record log: proof, rebuild, replay
 * (docs/formats/store.md, "Open"). A failed proof or any failure inside MapDB moves the file
 * (and its write-ahead log files) aside as {@code store.db.broken-<UTC timestamp>} and
 * rebuilds from the log. Errors of the log itself (a corrupt line) are never papered over:
 * they propagate as {@code OnexException}.
 */
final class IndexLoader {
  static final String DB_FILE = "store.db";
  static final int REPLAY_COMMIT_EVERY = 1000;
  /** Lazily: java.time's formatter costs ~15 ms of class loading, needed only to move a file aside. */
  private static final class Stamp {
    static final DateTimeFormatter STAMP =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  }

  record Loaded(Index index, List<Diagnostic> warnings) {}

  private IndexLoader() {}

  static Loaded load(Path dir, JsonlRecordLog log, Clock clock) {
    Path db = dir.resolve(DB_FILE);
    String logName = log.file().toString();
    List<Diagnostic> warnings = new ArrayList<>();
    if (!Files.exists(db)) {
      Index ix = createAndReplay(db, log);
      if (ix.logPosition > 0) {
        warnings.add(Diagnostic.warning(StoreError.LOG_REPLAYED, db.toString(), 0, 0, "",
            "store.db did not exist: indexed " + ix.counts.get("records") + " record(s) from " + logName,
            StoreError.LOG_REPLAYED.hint()));
      }
      return new Loaded(ix, warnings);
    }
    Index ix = null;
    String reason;
    try {
      boolean full = Files.exists(Index.dirtyMarker(db));
      ix = Index.open(db);
      reason = IndexProof.check(ix, log, full);
      if (reason == null && full) {
        ix.clearDirty();
      }
    } catch (DBException.FileLocked e) {
      throw new OnexException(Diagnostic.error(StoreError.STORE_IO, db.toString(), 0, 0, "",
          "store.db is locked by a process that does not hold store.lock: " + e.getMessage()));
    } catch (OnexException e) {
      reason = "the log does not match the index: " + e.diagnostics().get(0).message();
    } catch (RuntimeException | Error e) {
      rethrowFatal(e);
      reason = describe(e);
    }
    if (reason == null && ix.logPosition < log.end()) {
      reason = catchUp(ix, log, warnings);
    }
    if (reason == null) {
      return new Loaded(ix, warnings);
    }
    if (ix != null) {
      ix.close();
    }
    Path broken = moveAside(db, clock);
    Index rebuilt = createAndReplay(db, log);
    warnings.add(Diagnostic.warning(StoreError.INDEX_REBUILT, db.toString(), 0, 0, "",
        "store.db failed its consistency proof (" + reason + "); moved it to " + broken.getFileName()
            + " and indexed " + rebuilt.counts.get("records") + " record(s) from the log",
        StoreError.INDEX_REBUILT.hint()));
    return new Loaded(rebuilt, warnings);
  }

  /**
   * Replays the tail of the log into a proven index. Log errors propagate (the index is closed
   * first); a MapDB failure returns its description so that the caller rebuilds.
   */
  private static String catchUp(Index ix, JsonlRecordLog log, List<Diagnostic> warnings) {
    long before = ix.counts.get("records");
    try {
      replay(ix, log);
    } catch (OnexException e) {
      ix.close();
      throw e;
    } catch (RuntimeException | Error e) {
      rethrowFatal(e);
      return "replaying the log tail failed: " + describe(e);
    }
    warnings.add(Diagnostic.warning(StoreError.LOG_REPLAYED, log.file().toString(), 0, 0, "",
        "indexed " + (ix.counts.get("records") - before) + " record(s) that were in the log but not in store.db",
        StoreError.LOG_REPLAYED.hint()));
    return null;
  }

  /** Creates a fresh {@code store.db} (deleting any old one) and indexes the whole log. */
  static Index createAndReplay(Path db, RecordLog log) {
    deleteDb(db);
    Index ix;
    try {
      ix = Index.create(db);
    } catch (RuntimeException | Error e) {
      rethrowFatal(e);
      throw new OnexException(Diagnostic.error(StoreError.STORE_IO, db.toString(), 0, 0, "",
          "cannot create store.db: " + describe(e)));
    }
    try {
      replay(ix, log);
      return ix;
    } catch (RuntimeException | Error e) {
      ix.close();
      if (e instanceof OnexException) {
        throw e;
      }
      rethrowFatal(e);
      throw new OnexException(Diagnostic.error(StoreError.STORE_IO, db.toString(), 0, 0, "",
          "cannot write store.db: " + describe(e)));
    }
  }

  /**
   * Indexes the log from the index's position to the end, committing every
   * {@value #REPLAY_COMMIT_EVERY} records (each commit is consistent on its own). A log error
   * commits what was indexed before it, then propagates.
   */
  static void replay(Index ix, RecordLog log) {
    String logName = log instanceof JsonlRecordLog j ? j.file().toString() : "record log";
    Iterator<RecordLog.Entry> it = log.iterator(ix.logPosition);
    int pending = 0;
    while (true) {
      RecordLog.Entry e;
      try {
        if (!it.hasNext()) {
          break;
        }
        e = it.next();
      } catch (OnexException bad) {
        ix.commit();
        throw bad;
      }
      ix.add(e, ExecutionRecordJson.canonical(e.record()), logName);
      if (++pending == REPLAY_COMMIT_EVERY) {
        ix.commit();
        pending = 0;
      }
    }
    ix.commit();
  }

  /** Errors that no rebuild can cure (the JVM itself is failing) are not caught. */
  static void rethrowFatal(Throwable e) {
    if (e instanceof VirtualMachineError && !(e instanceof OutOfMemoryError) && !(e instanceof StackOverflowError)
        && !(e instanceof InternalError)) {
      throw (VirtualMachineError) e;
    }
    if (e instanceof ThreadDeath || e instanceof LinkageError) {
      throw (Error) e;
    }
  }

  static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.lines().findFirst().orElse(""));
  }

  /** Renames {@code store.db} and its {@code .wal.N} files to {@code store.db.broken-<stamp>...}. */
  static Path moveAside(Path db, Clock clock) {
    String base = db.getFileName() + ".broken-" + Stamp.STAMP.format(clock.instant());
    Path target = db.resolveSibling(base);
    for (int n = 2; Files.exists(target); n++) {
      target = db.resolveSibling(base + "-" + n);
    }
    try {
      for (Path f : dbFiles(db)) {
        String suffix = f.getFileName().toString().substring(db.getFileName().toString().length());
        Files.move(f, target.resolveSibling(target.getFileName() + suffix), StandardCopyOption.ATOMIC_MOVE);
      }
      LogTail.syncDirectory(db.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new OnexException(Diagnostic.error(StoreError.STORE_IO, db.toString(), 0, 0, "",
          "cannot move the damaged store.db aside: " + e));
    }
    return target;
  }

  static void deleteDb(Path db) {
    try {
      for (Path f : dbFiles(db)) {
        Files.delete(f);
      }
    } catch (IOException e) {
      throw new OnexException(Diagnostic.error(StoreError.STORE_IO, db.toString(), 0, 0, "",
          "cannot delete the old store.db: " + e));
    }
  }

  /** {@code store.db} and MapDB's write-ahead log files {@code store.db.wal.<n>}. */
  private static List<Path> dbFiles(Path db) throws IOException {
    String name = db.getFileName().toString();
    try (Stream<Path> s = Files.list(db.toAbsolutePath().getParent())) {
      return s.filter(p -> {
        String n = p.getFileName().toString();
        return n.equals(name) || n.startsWith(name + ".wal.");
      }).sorted().toList();
    }
  }
}
