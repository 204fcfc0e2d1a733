package io.onex.git.notes;

import io.onex.core.diag.OnexException;
import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Compare-and-swap of a notes ref: read the ref, build a commit on top of what was read, move
 * the ref only if it still points where it did. A lost race (another writer moved or locked
 * the ref) re-runs the whole step on the new state, at most {@link #MAX_ATTEMPTS} times, so
 * concurrent writers never overwrite each other's commits.
 */
final class RefCas {
  static final int MAX_ATTEMPTS = 64;

  /** One read-build-swap attempt; empty when the swap lost a race. */
  interface Step<T> {
    Optional<T> run(int attempt) throws IOException;
  }

  private RefCas() {}

  static <T> T retry(Repository repo, String ref, Step<T> step) {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Optional<T> done;
      try {
        done = step.run(attempt);
      } catch (IOException e) {
        throw Failures.io(ref, null, e);
      }
      if (done.isPresent()) {
        return done.get();
      }
      backoff(attempt, ref);
    }
    File lock = new File(repo.getCommonDirectory(), ref + ".lock");
    String why = lock.exists()
        ? "; " + lock + " exists: another git process holds the ref, or a killed one left the lock behind"
        : "";
    throw Failures.fail(NotesError.REF_CONTENDED, ref, null, ref + " moved or stayed locked during "
        + MAX_ATTEMPTS + " attempts to update it" + why);
  }

  /** The ref's current value, or null when it does not exist. */
  static ObjectId read(Repository repo, String ref) throws IOException {
    Ref r = repo.getRefDatabase().exactRef(ref);
    return r == null ? null : r.getObjectId();
  }

  /** The commit {@code id} (N007 when it is not one). */
  static RevCommit commit(RevWalk rw, String ref, ObjectId id) throws IOException {
    try {
      return rw.parseCommit(id);
    } catch (IncorrectObjectTypeException | MissingObjectException e) {
      throw Failures.fail(NotesError.NOT_A_NOTES_COMMIT, ref, id, ref + " points to " + id.name()
          + ", which is not a commit in this repository");
    }
  }

  /** Writes a notes commit (not yet referenced). */
  static ObjectId writeCommit(Repository repo, ObjectInserter ins, Clock clock, AnyObjectId tree,
      List<? extends AnyObjectId> parents, String message) throws IOException {
    PersonIdent who = new PersonIdent(new PersonIdent(repo), clock.instant(), ZoneOffset.UTC);
    CommitBuilder cb = new CommitBuilder();
    cb.setTreeId(tree);
    cb.setParentIds(parents);
    cb.setAuthor(who);
    cb.setCommitter(who);
    cb.setMessage(message.endsWith("\n") ? message : message + "\n");
    ObjectId id = ins.insert(cb);
    ins.flush();
    return id;
  }

  /**
   * Moves {@code ref} from {@code expected} (null: must not exist) to {@code next}. Returns
   * false when another writer got there first.
   */
  static boolean swap(Repository repo, RevWalk rw, String ref, ObjectId expected, ObjectId next, String log)
      throws IOException {
    RefUpdate ru = repo.updateRef(ref);
    ru.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : expected);
    ru.setNewObjectId(next);
    ru.setRefLogMessage(log, false);
    RefUpdate.Result result = ru.update(rw);
    switch (result) {
      case NEW, FAST_FORWARD, FORCED, NO_CHANGE:
        return true;
      case LOCK_FAILURE, REJECTED:
        return false;
      default:
        throw Failures.fail(NotesError.REF_UPDATE_FAILED, ref, next, "updating " + ref + " to "
            + next.name() + " failed: " + result);
    }
  }

  private static void backoff(int attempt, String ref) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(0, 2L + Math.min(attempt, 25)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Failures.fail(NotesError.REF_CONTENDED, ref, null, "interrupted while waiting to update " + ref);
    }
  }

  /** Used by callers to keep OnexException as is and wrap everything else. */
  static RuntimeException rethrow(String ref, RuntimeException e) {
    return e instanceof OnexException ? e : Failures.io(ref, null, e);
  }
}
