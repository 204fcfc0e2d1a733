package io.onex.git.notes;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.notes.Note;
import org.eclipse.jgit.notes.NoteMap;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;

/**
 * Merges a fetched notes ref (for example {@code refs/notes/remotes/origin/onex/records})
 * into the local one, the way {@code git notes merge -s cat_sort_uniq} does.
 *
 * <p>Rules (docs/formats/notes.md, "Merge"): up to date when the fetched commit is already
 * contained; fast-forward when the local ref is missing or contained in the fetched one;
 * otherwise a three-way merge against the first merge base, note by note: a note changed
 * on one side only takes that side's text; a note changed on both sides becomes the sorted,
 * unique union of both texts' lines; a note deleted by the other side is kept (the one
 * deviation from git, which ONEX never meets since it never deletes notes). The result is a
 * merge commit with parents (local, fetched). The local ref moves by compare-and-swap,
 * retried on a lost race: no local record is ever dropped.
 */
public final class NotesMerge {
  /** What a merge did. */
  public enum Kind { UP_TO_DATE, FAST_FORWARD, MERGED }

  /**
   * @param kind what happened
   * @param commit the local ref's value afterwards
   * @param notesCombined how many notes were changed on both sides and combined (MERGED only)
   */
  public record Outcome(Kind kind, ObjectId commit, int notesCombined) {}

  private NotesMerge() {}

  /**
   * Merges {@code fetchedRef} into {@code localRef} of {@code repo}, dating a merge commit by
   * {@code clock}.
   *
   * @throws io.onex.core.diag.OnexException N009 when {@code fetchedRef} does not exist,
   *     N007 when a ref is not a commit, N004/N005/N006 when the ref cannot be updated
   */
  public static Outcome merge(Repository repo, String localRef, String fetchedRef, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return RefCas.retry(repo, localRef, attempt -> attempt(repo, localRef, fetchedRef, clock));
  }

  private static Optional<Outcome> attempt(Repository repo, String localRef, String fetchedRef, Clock clock)
      throws IOException {
    ObjectId theirsId = RefCas.read(repo, fetchedRef);
    if (theirsId == null) {
      throw Failures.fail(NotesError.MISSING_REF, fetchedRef, null, fetchedRef + " does not exist");
    }
    try (ObjectInserter ins = repo.newObjectInserter();
        ObjectReader reader = ins.newReader();
        RevWalk rw = new RevWalk(reader)) {
      RevCommit theirs = RefCas.commit(rw, fetchedRef, theirsId);
      ObjectId oursId = RefCas.read(repo, localRef);
      if (oursId == null) {
        return swapped(RefCas.swap(repo, rw, localRef, null, theirs, log(fetchedRef, "fast-forward")),
            new Outcome(Kind.FAST_FORWARD, theirs.copy(), 0));
      }
      RevCommit ours = RefCas.commit(rw, localRef, oursId);
      if (contains(reader, ours, theirs)) {
        return Optional.of(new Outcome(Kind.UP_TO_DATE, ours.copy(), 0));
      }
      if (contains(reader, theirs, ours)) {
        return swapped(RefCas.swap(repo, rw, localRef, ours, theirs, log(fetchedRef, "fast-forward")),
            new Outcome(Kind.FAST_FORWARD, theirs.copy(), 0));
      }
      RevCommit base = mergeBase(reader, ours, theirs);
      NoteMap result = NoteMap.read(reader, ours);
      int combined = mergeNotes(reader, ins, localRef, base, ours, theirs, result);
      ObjectId tree = result.writeTree(ins);
      ObjectId merge = RefCas.writeCommit(repo, ins, clock, tree, List.of(ours, theirs),
          "Merged notes from " + fetchedRef + " into " + localRef);
      return swapped(RefCas.swap(repo, rw, localRef, ours, merge, log(fetchedRef, "merge")),
          new Outcome(Kind.MERGED, merge, combined));
    }
  }

  private static Optional<Outcome> swapped(boolean won, Outcome outcome) {
    return won ? Optional.of(outcome) : Optional.empty();
  }

  private static String log(String fetchedRef, String how) {
    return "notes: " + how + " from " + fetchedRef;
  }

  /** Whether {@code tip} contains {@code commit}. */
  private static boolean contains(ObjectReader reader, RevCommit tip, RevCommit commit) throws IOException {
    try (RevWalk rw = new RevWalk(reader)) {
      return rw.isMergedInto(rw.parseCommit(commit), rw.parseCommit(tip));
    }
  }

  /** The first merge base, as git takes it, or null for unrelated histories. */
  private static RevCommit mergeBase(ObjectReader reader, RevCommit a, RevCommit b) throws IOException {
    try (RevWalk rw = new RevWalk(reader)) {
      rw.setRevFilter(RevFilter.MERGE_BASE);
      rw.markStart(rw.parseCommit(a));
      rw.markStart(rw.parseCommit(b));
      RevCommit base = rw.next();
      return base == null ? null : rw.parseCommit(base.copy());
    }
  }

  /** Applies the merged value of every note to {@code result} (a copy of ours); returns the combined count. */
  private static int mergeNotes(ObjectReader reader, ObjectInserter ins, String ref, RevCommit base,
      RevCommit ours, RevCommit theirs, NoteMap result) throws IOException {
    Map<ObjectId, ObjectId> b = base == null ? Map.of() : notes(reader, ref, base);
    Map<ObjectId, ObjectId> o = notes(reader, ref, ours);
    Map<ObjectId, ObjectId> t = notes(reader, ref, theirs);
    Set<ObjectId> keys = new LinkedHashSet<>(t.keySet());
    keys.addAll(b.keySet());
    int combined = 0;
    for (ObjectId key : keys) {
      ObjectId mine = o.get(key);
      ObjectId merged = pick(b.get(key), mine, t.get(key));
      if (merged == COMBINE) {
        merged = combine(reader, ins, ref, key, mine, t.get(key));
        combined++;
      }
      if (merged != null && !merged.equals(mine)) {
        result.set(key, merged);
      }
    }
    return combined;
  }

  /** Marks a note changed on both sides: its lines must be combined. Never a real object id. */
  static final ObjectId COMBINE = ObjectId.fromRaw(new byte[Constants.OBJECT_ID_LENGTH]);

  /**
   * The merged note of one key given its base, local and fetched values (null: absent): the
   * value that wins as is (null: stays absent), or {@link #COMBINE}.
   */
  static ObjectId pick(ObjectId base, ObjectId ours, ObjectId theirs) {
    if (Objects.equals(ours, theirs) || Objects.equals(base, theirs)) {
      return ours;
    }
    if (Objects.equals(base, ours)) {
      return theirs != null ? theirs : ours;
    }
    return ours == null ? theirs : COMBINE;
  }

  private static ObjectId combine(ObjectReader reader, ObjectInserter ins, String ref, ObjectId key,
      ObjectId ours, ObjectId theirs) throws IOException {
    byte[] mine = NoteBlobs.load(reader, ref, key, ours);
    byte[] other = theirs == null ? new byte[0] : NoteBlobs.load(reader, ref, key, theirs);
    NoteText text = NoteText.catSortUniq(mine, other);
    if (text.byteSize() > NotesLog.MAX_NOTE_BYTES) {
      throw Failures.fail(NotesError.NOTE_TOO_LARGE, ref, key, "merging the notes on " + key.name()
          + " gives " + text.byteSize() + " bytes, more than " + NotesLog.MAX_NOTE_BYTES);
    }
    return ins.insert(Constants.OBJ_BLOB, text.toBytes());
  }

  private static Map<ObjectId, ObjectId> notes(ObjectReader reader, String ref, RevCommit commit)
      throws IOException {
    Map<ObjectId, ObjectId> out = new HashMap<>();
    try {
      for (Note n : NoteMap.read(reader, commit)) {
        out.put(n.copy(), n.getData().copy());
      }
    } catch (RuntimeException e) {
      throw RefCas.rethrow(ref, e);
    }
    return out;
  }
}
