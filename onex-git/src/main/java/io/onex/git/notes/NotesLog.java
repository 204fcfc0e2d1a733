package io.onex.git.notes;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.record.ExecutionRecord;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.notes.Note;
import org.eclipse.jgit.notes.NoteMap;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The record log in git: execution records as notes on node-content blobs
 * ({@link NotesRefs#RECORDS}) and per-commit summaries ({@link NotesRefs#COMMITS}), in the
 * format of docs/formats/notes.md.
 *
 * <p>Invariants: a note is the sorted (byte order), unique set of its non-empty lines, each
 * followed by a newline; a write only ever adds lines (lines ONEX does not understand are kept
 * verbatim); one call writes one notes commit whose parent is the commit it read, and moves
 * the ref only if nobody moved it meanwhile (otherwise it re-reads and retries), so
 * concurrent writers never lose a record. Notes larger than {@link #MAX_NOTE_BYTES} are
 * neither read nor rewritten. Problems found while reading (ONEX-N001..N003) go to the
 * {@code problems} consumer; reading never fails on a bad note.
 *
 * <p>Thread-safe as far as the {@link Repository} is; every call reads the ref anew.
 */
public final class NotesLog {
  /** The largest note ONEX reads or writes: 16 MiB. */
  public static final int MAX_NOTE_BYTES = 16 * 1024 * 1024;

  private final Repository repo;
  private final Clock clock;
  private final Consumer<Diagnostic> problems;

  private NotesLog(Repository repo, Clock clock, Consumer<Diagnostic> problems) {
    this.repo = repo;
    this.clock = clock;
    this.problems = problems;
  }

  /**
   * A log over {@code repo}; notes commits are dated by {@code clock} and signed by the
   * repository's configured identity; reading problems are reported to {@code problems}.
   */
  public static NotesLog open(Repository repo, Clock clock, Consumer<Diagnostic> problems) {
    return new NotesLog(Objects.requireNonNull(repo, "repo"), Objects.requireNonNull(clock, "clock"),
        Objects.requireNonNull(problems, "problems"));
  }

  /**
   * Appends every record to the note of its blob (the blob id of the node's
   * {@code node.onex.yaml}) in ONE notes commit.
   *
   * @throws OnexException N010 for a key that is not a blob of this repository, N002 when a
   *     note would exceed 16 MiB, N004/N005/N006 when the ref cannot be updated
   */
  public NotesCommit append(Map<? extends AnyObjectId, ? extends Collection<ExecutionRecord>> records,
      String message) {
    Map<ObjectId, List<String>> lines = new LinkedHashMap<>();
    records.forEach((blob, recs) -> {
      List<String> l = lines.computeIfAbsent(blob.copy(), k -> new ArrayList<>());
      recs.forEach(r -> l.add(line(r.toJson(), NotesRefs.RECORDS, blob)));
    });
    return write(NotesRefs.RECORDS, Constants.OBJ_BLOB, lines, message);
  }

  /** {@link #append} for records given as JSON objects (written in canonical form). */
  public NotesCommit appendJson(Map<? extends AnyObjectId, ? extends Collection<? extends JsonNode>> records,
      String message) {
    Map<ObjectId, List<String>> lines = new LinkedHashMap<>();
    records.forEach((blob, recs) -> {
      List<String> l = lines.computeIfAbsent(blob.copy(), k -> new ArrayList<>());
      recs.forEach(r -> l.add(line(r, NotesRefs.RECORDS, blob)));
    });
    return write(NotesRefs.RECORDS, Constants.OBJ_BLOB, lines, message);
  }

  /** Adds summary lines to the note of {@code commit} on {@link NotesRefs#COMMITS}, in one notes commit. */
  public NotesCommit addCommitSummary(AnyObjectId commit, List<CommitSummary> summary) {
    return addCommitSummaries(Map.of(commit.copy(), summary), "onex: summary of " + commit.name());
  }

  /** Adds the summaries of several commits in one notes commit (a hook catching up). */
  public NotesCommit addCommitSummaries(Map<? extends AnyObjectId, ? extends Collection<CommitSummary>> summaries,
      String message) {
    Map<ObjectId, List<String>> lines = new LinkedHashMap<>();
    summaries.forEach((commit, list) -> {
      List<String> l = lines.computeIfAbsent(commit.copy(), k -> new ArrayList<>());
      list.forEach(s -> l.add(line(s.toJson(), NotesRefs.COMMITS, commit)));
    });
    return write(NotesRefs.COMMITS, Constants.OBJ_COMMIT, lines, message);
  }

  /** The records attached to {@code blob}, in stored order, one per distinct canonical form. */
  public List<JsonNode> read(AnyObjectId blob) {
    return readNote(NotesRefs.RECORDS, blob);
  }

  /** The summary lines attached to {@code commit}. */
  public List<JsonNode> summary(AnyObjectId commit) {
    return readNote(NotesRefs.COMMITS, commit);
  }

  /** The current notes commit of {@link NotesRefs#RECORDS}, if the ref exists. */
  public Optional<ObjectId> head() {
    try {
      return Optional.ofNullable(RefCas.read(repo, NotesRefs.RECORDS));
    } catch (IOException e) {
      throw Failures.io(NotesRefs.RECORDS, null, e);
    }
  }

  /** Every record of the current {@link #head()}; close the stream (it holds a reader). */
  public Stream<NoteRecord> all() {
    return head().map(this::all).orElseGet(Stream::empty);
  }

  /** Every record as of the notes commit {@code notesCommit}; close the stream. */
  public Stream<NoteRecord> all(AnyObjectId notesCommit) {
    String ref = NotesRefs.RECORDS;
    ObjectReader reader = repo.newObjectReader();
    try (RevWalk rw = new RevWalk(reader)) {
      NoteMap map = NoteMap.read(reader, RefCas.commit(rw, ref, notesCommit.copy()));
      Iterator<Note> notes = new SafeIterator(map.iterator(), ref);
      return StreamSupport.stream(Spliterators.spliteratorUnknownSize(notes, Spliterator.ORDERED), false)
          .flatMap(n -> decode(reader, ref, n, n.getData()).stream().map(r -> new NoteRecord(n.copy(), r)))
          .onClose(reader::close);
    } catch (IOException e) {
      reader.close();
      throw Failures.io(ref, notesCommit, e);
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /**
   * The records of the notes that were added or changed between the notes commits
   * {@code from} and {@code to} of {@link NotesRefs#RECORDS} (a tree diff: the cost grows with
   * what changed). A changed note yields all its records; callers skip the ones they have.
   */
  public List<NoteRecord> changed(AnyObjectId from, AnyObjectId to) {
    String ref = NotesRefs.RECORDS;
    List<NoteRecord> out = new ArrayList<>();
    try (ObjectReader reader = repo.newObjectReader(); RevWalk rw = new RevWalk(reader);
        org.eclipse.jgit.treewalk.TreeWalk tw = new org.eclipse.jgit.treewalk.TreeWalk(reader)) {
      tw.addTree(RefCas.commit(rw, ref, from.copy()).getTree());
      tw.addTree(RefCas.commit(rw, ref, to.copy()).getTree());
      tw.setRecursive(true);
      tw.setFilter(org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF);
      while (tw.next()) {
        ObjectId data = tw.getObjectId(1);
        String hex = tw.getPathString().replace("/", "");
        if (data.equals(ObjectId.zeroId()) || !ObjectId.isId(hex)) {
          continue;
        }
        ObjectId target = ObjectId.fromString(hex);
        decode(reader, ref, target, data).forEach(r -> out.add(new NoteRecord(target, r)));
      }
    } catch (IOException e) {
      throw Failures.io(ref, to, e);
    }
    return out;
  }

  private List<JsonNode> readNote(String ref, AnyObjectId target) {
    try (ObjectReader reader = repo.newObjectReader(); RevWalk rw = new RevWalk(reader)) {
      ObjectId head = RefCas.read(repo, ref);
      if (head == null) {
        return List.of();
      }
      ObjectId data = NoteMap.read(reader, RefCas.commit(rw, ref, head)).get(target);
      return data == null ? List.of() : decode(reader, ref, target, data);
    } catch (IOException e) {
      throw Failures.io(ref, target, e);
    }
  }

  /** The records of one note; a note that cannot be loaded is reported and reads as empty. */
  private List<JsonNode> decode(ObjectReader reader, String ref, AnyObjectId target, ObjectId data) {
    byte[] raw;
    try {
      raw = NoteBlobs.load(reader, ref, target, data);
    } catch (OnexException e) {
      String code = e.diagnostics().get(0).code();
      if (!code.equals(NotesError.NOTE_TOO_LARGE.id()) && !code.equals(NotesError.NOTE_NOT_A_BLOB.id())) {
        throw e;
      }
      e.diagnostics().forEach(problems);
      return List.of();
    }
    return NoteBlobs.records(raw, ref, target, problems);
  }

  private NotesCommit write(String ref, int targetType, Map<ObjectId, List<String>> lines, String message) {
    String msg = message == null || message.isBlank() ? "onex: notes" : message;
    checkTargets(ref, targetType, lines.keySet());
    return RefCas.retry(repo, ref, attempt -> tryWrite(ref, lines, msg, attempt));
  }

  private Optional<NotesCommit> tryWrite(String ref, Map<ObjectId, List<String>> lines, String message,
      int attempt) throws IOException {
    try (ObjectInserter ins = repo.newObjectInserter();
        ObjectReader reader = ins.newReader();
        RevWalk rw = new RevWalk(reader)) {
      ObjectId old = RefCas.read(repo, ref);
      RevCommit parent = old == null ? null : RefCas.commit(rw, ref, old);
      NoteMap map = parent == null ? NoteMap.newEmptyMap() : NoteMap.read(reader, parent);
      int changed = 0;
      for (Map.Entry<ObjectId, List<String>> e : lines.entrySet()) {
        if (addLines(map, reader, ins, ref, e.getKey(), e.getValue())) {
          changed++;
        }
      }
      if (changed == 0) {
        return Optional.of(new NotesCommit(old == null ? ObjectId.zeroId() : old, false, 0, attempt));
      }
      ObjectId tree = map.writeTree(ins);
      ObjectId commit = RefCas.writeCommit(repo, ins, clock, tree, parent == null ? List.of() : List.of(parent),
          message);
      if (!RefCas.swap(repo, rw, ref, old, commit, "notes: " + message.lines().findFirst().orElse(""))) {
        return Optional.empty();
      }
      return Optional.of(new NotesCommit(commit, true, changed, attempt));
    }
  }

  /** Merges {@code add} into the note of {@code target}; false when every line was there. */
  private static boolean addLines(NoteMap map, ObjectReader reader, ObjectInserter ins, String ref,
      ObjectId target, List<String> add) throws IOException {
    ObjectId data = map.get(target);
    NoteText text = NoteText.parse(data == null ? null : NoteBlobs.load(reader, ref, target, data));
    if (text.addAll(add) == 0) {
      return false;
    }
    if (text.byteSize() > MAX_NOTE_BYTES) {
      throw Failures.fail(NotesError.NOTE_TOO_LARGE, ref, target, "the note on " + target.name()
          + " would grow to " + text.byteSize() + " bytes, more than " + MAX_NOTE_BYTES);
    }
    map.set(target, ins.insert(Constants.OBJ_BLOB, text.toBytes()));
    return true;
  }

  private void checkTargets(String ref, int type, Collection<ObjectId> targets) {
    try (ObjectReader reader = repo.newObjectReader()) {
      for (ObjectId id : targets) {
        int actual;
        try {
          actual = reader.open(id).getType();
        } catch (MissingObjectException e) {
          actual = -1;
        }
        if (actual != type) {
          throw Failures.fail(NotesError.WRONG_TARGET, ref, id, id.name() + " is "
              + (actual < 0 ? "not in this repository" : "a " + Constants.typeString(actual))
              + ", but notes on " + ref + " attach to a " + Constants.typeString(type));
        }
      }
    } catch (IOException e) {
      throw Failures.io(ref, null, e);
    }
  }

  /** The canonical line of a record (a JSON object), byte-per-char. */
  private static String line(JsonNode json, String ref, AnyObjectId target) {
    if (json == null || !json.isObject()) {
      throw Failures.fail(NotesError.BAD_RECORD, ref, target, "a record for " + target.name()
          + " is not a JSON object");
    }
    try {
      return NoteText.line(CanonicalJson.canonicalString(json));
    } catch (OnexException e) {
      Diagnostic d = e.diagnostics().get(0);
      throw Failures.fail(NotesError.BAD_RECORD, ref, target, "a record for " + target.name()
          + " has no canonical JSON form at " + d.field() + ": " + d.message());
    }
  }

  /** NoteMap's iterator loads fan-out buckets lazily and wraps I/O failures in runtime exceptions. */
  private static final class SafeIterator implements Iterator<Note> {
    private final Iterator<Note> it;
    private final String ref;

    SafeIterator(Iterator<Note> it, String ref) {
      this.it = it;
      this.ref = ref;
    }

    @Override
    public boolean hasNext() {
      try {
        return it.hasNext();
      } catch (RuntimeException e) {
        throw RefCas.rethrow(ref, e);
      }
    }

    @Override
    public Note next() {
      try {
        return it.next();
      } catch (RuntimeException e) {
        throw RefCas.rethrow(ref, e);
      }
    }
  }
}
