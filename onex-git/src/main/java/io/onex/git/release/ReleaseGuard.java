package io.onex.git.release;

import io.onex.core.diag.Diagnostic;
import io.onex.sign.SignError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * What the pre-push hook asks before a push: does it rewrite or delete the append-only release
 * ref? Allowed: creating {@value ReleaseRef#REF} on the remote, or moving it forward to a
 * descendant whose new commits are linear (one parent each). Refused ({@code ONEX-G099}):
 * deleting it, moving it to a commit that does not descend from the remote's value (force push
 * or rewind), a remote value this repository does not have (fetch first), merges.
 */
public final class ReleaseGuard {
  private ReleaseGuard() {}

  /**
   * One line of what git gives the pre-push hook on stdin:
   * {@code <local ref> <local sha> <remote ref> <remote sha>}; a zero id means "none".
   */
  public record PushUpdate(String localRef, ObjectId localId, String remoteRef, ObjectId remoteId) {
    /** Parses one pre-push stdin line. */
    public static PushUpdate parse(String line) {
      String[] f = line.trim().split(" ");
      if (f.length != 4) {
        throw new IllegalArgumentException("not a pre-push line: " + line);
      }
      return new PushUpdate(f[0], ObjectId.fromString(f[1]), f[2], ObjectId.fromString(f[3]));
    }
  }

  /** The problems of {@code updates}; empty when the push may proceed. */
  public static List<Diagnostic> check(Repository repo, List<PushUpdate> updates) {
    List<Diagnostic> out = new ArrayList<>();
    for (PushUpdate u : updates) {
      if (!u.remoteRef().equals(ReleaseRef.REF)) {
        continue;
      }
      boolean remoteNone = u.remoteId().equals(ObjectId.zeroId());
      if (u.localId().equals(ObjectId.zeroId())) {
        if (!remoteNone) {
          out.add(refuse("the push deletes " + ReleaseRef.REF + " on the remote (at " + u.remoteId().name() + ")"));
        }
        continue;
      }
      String why = remoteNone ? linear(repo, u.localId(), null) : forward(repo, u);
      if (why != null) {
        out.add(refuse(why));
      }
    }
    return out;
  }

  private static String forward(Repository repo, PushUpdate u) {
    boolean have;
    try {
      have = repo.getObjectDatabase().has(u.remoteId());
    } catch (IOException e) {
      have = false;
    }
    if (!have) {
      return "the remote's " + ReleaseRef.REF + " is at " + u.remoteId().name() + ", which this repository does not have:"
          + " fetch it first (git fetch <remote> " + ReleaseRef.REF + ") and verify it";
    }
    return linear(repo, u.localId(), u.remoteId());
  }

  /** Walks from {@code from} back to {@code until} (or the root); null if linear and reached. */
  private static String linear(Repository repo, ObjectId from, ObjectId until) {
    try (RevWalk rw = new RevWalk(repo)) {
      RevCommit c = rw.parseCommit(from);
      while (true) {
        if (until != null && c.equals(until)) {
          return null;
        }
        if (c.getParentCount() > 1) {
          return "release commit " + c.name() + " is a merge: " + ReleaseRef.REF + " must stay linear";
        }
        if (c.getParentCount() == 0) {
          return until == null ? null : "the push moves " + ReleaseRef.REF + " from " + until.name() + " to "
              + from.name() + ", which does not descend from it (rewrite or rewind of the release history)";
        }
        c = rw.parseCommit(c.getParent(0));
      }
    } catch (IOException e) {
      return "cannot read " + from.name() + ": " + e.getMessage();
    }
  }

  private static Diagnostic refuse(String message) {
    return Diagnostic.error(SignError.RELEASE_REF_REWRITE, ReleaseRef.REF, 0, 0, "", message);
  }
}
