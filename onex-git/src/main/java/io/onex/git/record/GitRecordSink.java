package io.onex.git.record;

import io.onex.core.diag.Diagnostic;
import io.onex.core.record.ExecutionRecord;
import io.onex.core.record.RecordSink;
import io.onex.git.GitError;
import io.onex.git.notes.NotesCommit;
import io.onex.git.notes.NotesLog;
import io.onex.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;

/**
 * A {@link RecordSink} for one invocation: it buffers every record and, in {@link #flush},
 * writes them all in ONE notes commit on {@code refs/notes/onex/records} (each record on the
 * blob of its node's {@code node.onex.yaml}), then appends them to the store in one batch.
 *
 * <p>Invariants: git is written first (the notes are the durable log, the store a derived
 * index: invariant 1); a record reaches the notes in the invocation that produced it, or the
 * flush fails loudly; the blob a record goes to is found by the record's node hash lock, which
 * the caller binds before running ({@link #bind}, or {@link #bindFile}, which inserts the
 * blob into the object database when git does not have it yet, as before a first commit).
 * Flushing twice writes nothing new (the notes are a set of lines, the store rejects nothing
 * already flushed because the buffer is emptied).
 */
public final class GitRecordSink implements RecordSink {
  private final Repository repo;
  private final Clock clock;
  private final Store store;
  private final Consumer<Diagnostic> problems;
  private final Map<String, ObjectId> blobByHash = new HashMap<>();
  private final List<ExecutionRecord> buffer = new ArrayList<>();

  private GitRecordSink(Repository repo, Clock clock, Store store, Consumer<Diagnostic> problems) {
    this.repo = repo;
    this.clock = clock;
    this.store = store;
    this.problems = problems;
  }

  /**
   * A sink over {@code repo}; {@code store} (may be empty) receives the records after the
   * notes; {@code problems} hears about unreadable notes met while writing.
   */
  public static GitRecordSink open(Repository repo, Clock clock, Optional<Store> store, Consumer<Diagnostic> problems) {
    return new GitRecordSink(Objects.requireNonNull(repo, "repo"), Objects.requireNonNull(clock, "clock"),
        store.orElse(null), Objects.requireNonNull(problems, "problems"));
  }

  /** Records of the node whose hash lock is {@code nodeHash} go to the note of {@code metadataBlob}. */
  public synchronized void bind(String nodeHash, ObjectId metadataBlob) {
    blobByHash.put(nodeHash, metadataBlob.copy());
  }

  /**
   * Binds {@code nodeHash} to the blob of the file {@code metadataFile}, inserting that blob
   * into the object database (exact bytes, no filters) if it is not there; returns its id.
   */
  public synchronized ObjectId bindFile(String nodeHash, Path metadataFile) {
    try (ObjectInserter ins = repo.newObjectInserter()) {
      ObjectId id = ins.insert(Constants.OBJ_BLOB, Files.readAllBytes(metadataFile));
      ins.flush();
      bind(nodeHash, id);
      return id;
    } catch (IOException e) {
      throw GitError.io("store " + metadataFile + " as a blob", e);
    }
  }

  /** The store the records go to after the notes; it also serves as the memoization cache. */
  public Optional<Store> store() {
    return Optional.ofNullable(store);
  }

  @Override
  public synchronized void append(ExecutionRecord record) {
    buffer.add(Objects.requireNonNull(record, "record"));
  }

  /** The records buffered and not yet flushed, in append order. */
  public synchronized List<ExecutionRecord> pending() {
    return List.copyOf(buffer);
  }

  /**
   * Like {@link #flush}, but a record whose node was never bound (its node file is not in this
   * repository) goes to the store alone, with an ONEX-J008 warning to {@code problems}, instead
   * of failing the whole flush.
   *
   * @return every record written, to the notes or to the store
   */
  public synchronized List<ExecutionRecord> flushBound(String message, Consumer<Diagnostic> problems) {
    List<ExecutionRecord> unbound = buffer.stream().filter(r -> !blobByHash.containsKey(r.node().hash())).toList();
    buffer.removeAll(unbound);
    List<ExecutionRecord> done = new ArrayList<>(flush(message).records());
    if (!unbound.isEmpty()) {
      for (ExecutionRecord r : unbound) {
        problems.accept(Diagnostic.warning(GitError.UNBOUND_RECORD, "", 0, 0, "record_id", "record " + r.recordId()
            + " of " + r.node().id() + "@" + r.node().version() + " has no node.onex.yaml in this repository: kept in the store only",
            "run the node from inside the repository that holds it, so its records reach the notes"));
      }
      if (store != null) {
        store.append(unbound);
      }
      done.addAll(unbound);
    }
    return done;
  }

  /** What one flush wrote. */
  public record Flushed(List<ExecutionRecord> records, Optional<NotesCommit> notes) {}

  /**
   * Writes the buffered records: one notes commit with message {@code message}, then one
   * store batch. Empty buffer: nothing is written.
   *
   * <p>A store that refuses the batch does not fail the flush: the records are in the notes
   *     by then (the log of record), and its diagnostics go to the {@code problems} consumer
   *     ({@code onex store rebuild} indexes them later).
   *
   * @throws io.onex.core.diag.OnexException ONEX-J008 for a record whose node was never bound
   *     (nothing is written then), ONEX-N codes when the notes cannot be written
   */
  public synchronized Flushed flush(String message) {
    if (buffer.isEmpty()) {
      return new Flushed(List.of(), Optional.empty());
    }
    Map<ObjectId, List<ExecutionRecord>> byBlob = new LinkedHashMap<>();
    for (ExecutionRecord r : buffer) {
      ObjectId blob = blobByHash.get(r.node().hash());
      if (blob == null) {
        throw GitError.UNBOUND_RECORD.fail("", "record " + r.recordId() + " of " + r.node().id() + "@"
            + r.node().version() + " names hash " + r.node().hash() + ", which no node.onex.yaml blob was bound to");
      }
      byBlob.computeIfAbsent(blob, k -> new ArrayList<>()).add(r);
    }
    NotesCommit c = NotesLog.open(repo, clock, problems).append(byBlob, message);
    List<ExecutionRecord> done = List.copyOf(buffer);
    buffer.clear();
    if (store != null) {
      try {
        store.append(done);
      } catch (io.onex.core.diag.OnexException e) {
        // the notes hold the records; the store is derived and catches up on rebuild
        e.diagnostics().forEach(problems);
      }
    }
    return new Flushed(done, Optional.of(c));
  }
}
