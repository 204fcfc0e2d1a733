package io.onex.git.release;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.sign.SignError;
import io.onex.sign.release.ReleaseVerifier;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The append-only release ref ({@code docs/formats/release.md}): {@value #REF} points to a
 * linear history of commits, one per release, oldest first; each commit's tree holds exactly
 * one file, {@value #FILE}, the release's DSSE envelope; the commit message is
 * {@code onex release <sequence>}. Appending moves the ref by compare-and-swap from the tip
 * that was read, so a concurrent writer is refused rather than overwritten.
 */
public final class ReleaseRef {
  /** The release ref. */
  public static final String REF = "refs/onex/releases";
  /** The envelope file in each release commit. */
  public static final String FILE = "release.json";

  private ReleaseRef() {}

  /** The tip of the ref, or null if there is none. */
  public static ObjectId tip(Repository repo) {
    try {
      Ref r = repo.getRefDatabase().exactRef(REF);
      return r == null ? null : r.getObjectId();
    } catch (IOException e) {
      throw GitNodes.io(REF, e);
    }
  }

  /** The envelopes on the ref from {@code tip}, oldest first; empty if {@code tip} is null. */
  public static List<ReleaseVerifier.Entry> read(Repository repo, ObjectId tip) {
    List<ReleaseVerifier.Entry> out = new ArrayList<>();
    if (tip == null) {
      return out;
    }
    try (RevWalk rw = new RevWalk(repo)) {
      RevCommit c = rw.parseCommit(tip);
      while (c != null) {
        if (c.getParentCount() > 1) {
          throw fail("release commit " + c.name() + " is a merge: the release ref must be linear");
        }
        out.add(new ReleaseVerifier.Entry(REF + "@" + c.name().substring(0, 12), envelope(repo, c)));
        c = c.getParentCount() == 0 ? null : rw.parseCommit(c.getParent(0));
      }
    } catch (IOException e) {
      throw GitNodes.io(REF, e);
    }
    Collections.reverse(out);
    return out;
  }

  private static byte[] envelope(Repository repo, RevCommit c) throws IOException {
    try (TreeWalk tw = TreeWalk.forPath(repo, FILE, c.getTree())) {
      if (tw == null) {
        throw new OnexException(Diagnostic.error(SignError.RELEASE_MALFORMED, REF + "@" + c.name(), 0, 0, "",
            "release commit " + c.name() + " has no " + FILE));
      }
      return repo.open(tw.getObjectId(0)).getBytes();
    }
  }

  /**
   * Appends a release commit holding {@code envelope} on top of {@code expectedTip} (null: the
   * ref must not exist yet). Returns the new commit id.
   *
   * @throws OnexException {@code ONEX-G099} if the ref moved meanwhile
   */
  public static ObjectId append(Repository repo, ObjectId expectedTip, byte[] envelope, long sequence, Clock clock) {
    try (ObjectInserter ins = repo.newObjectInserter(); RevWalk rw = new RevWalk(repo)) {
      ObjectId blob = ins.insert(Constants.OBJ_BLOB, envelope);
      TreeFormatter tf = new TreeFormatter();
      tf.append(FILE, FileMode.REGULAR_FILE, blob);
      ObjectId tree = ins.insert(tf);
      PersonIdent who = new PersonIdent(new PersonIdent(repo), clock.instant(), ZoneOffset.UTC);
      CommitBuilder cb = new CommitBuilder();
      cb.setTreeId(tree);
      if (expectedTip != null) {
        cb.setParentId(expectedTip);
      }
      cb.setAuthor(who);
      cb.setCommitter(who);
      cb.setMessage("onex release " + sequence + "\n");
      ObjectId commit = ins.insert(cb);
      ins.flush();
      RefUpdate ru = repo.updateRef(REF);
      ru.setExpectedOldObjectId(expectedTip == null ? ObjectId.zeroId() : expectedTip);
      ru.setNewObjectId(commit);
      ru.setRefLogMessage("onex release " + sequence, false);
      RefUpdate.Result res = ru.update(rw);
      if (res != RefUpdate.Result.NEW && res != RefUpdate.Result.FAST_FORWARD) {
        throw new OnexException(Diagnostic.error(SignError.RELEASE_REF_REWRITE, REF, 0, 0, "",
            REF + " moved while the release was being written (" + res + "): run the command again"));
      }
      return commit;
    } catch (IOException e) {
      throw GitNodes.io(REF, e);
    }
  }

  private static OnexException fail(String message) {
    return new OnexException(Diagnostic.error(SignError.RELEASE_MALFORMED, REF, 0, 0, "", message));
  }
}
