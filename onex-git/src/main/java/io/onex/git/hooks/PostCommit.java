package io.onex.git.hooks;

import io.onex.git.GitError;
import io.onex.git.GitRepos;
import io.onex.git.notes.CommitSummary;
import io.onex.git.notes.NotesLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * {@code onex hook post-commit}: folds the hand-over files of pre-commit runs into per-commit
 * summary notes, in ONE notes commit. A hand-over belongs to the newest commit (HEAD and up to
 * {@link #LOOK_BACK} ancestors) whose tree is the tree it checked, so a run after a crash
 * attaches left-over files to the right commits. Files are deleted only after the notes
 * commit; a hand-over whose commit never happened (the commit was aborted after pre-commit)
 * is deleted once a newer one has been attached. Idempotent: notes are sets of lines.
 */
final class PostCommit {
  static final int LOOK_BACK = 100;
  static final CommitSummary SKIP_LINE = new CommitSummary("onex", "ONEX_SKIP", "skipped");

  private PostCommit() {}

  static HookResult run(HookContext ctx) {
    try (Repository repo = GitRepos.open(ctx.workDir(), ctx.env())) {
      Pending pending = new Pending(repo.getDirectory().toPath());
      List<String> folded = CachedFold.run(ctx, repo, pending);
      List<Pending.Entry> entries = pending.entries();
      if (entries.isEmpty()) {
        return HookResult.ok(folded);
      }
      Map<ObjectId, List<CommitSummary>> notes = new LinkedHashMap<>();
      List<Pending.Entry> done = match(repo, entries, pending, notes);
      notes.values().removeIf(List::isEmpty);
      int lines = notes.values().stream().mapToInt(List::size).sum();
      if (!notes.isEmpty()) {
        NotesLog.open(repo, ctx.clock(), d -> { }).addCommitSummaries(notes,
            "onex: post-commit summaries of " + notes.size() + " commit(s)");
      }
      done.forEach(pending::remove);
      List<String> out = new ArrayList<>(folded);
      if (lines > 0) {
        out.add("onex: summary note: " + lines + " line(s) on " + notes.size() + " commit(s)");
      }
      return HookResult.ok(out);
    }
  }

  /**
   * Fills {@code notes} with the lines of every hand-over whose commit is found; returns the
   * hand-overs to delete: those matched, and the unmatched ones older than a matched one.
   */
  private static List<Pending.Entry> match(Repository repo, List<Pending.Entry> entries, Pending pending,
      Map<ObjectId, List<CommitSummary>> notes) {
    Map<String, ObjectId> commitByTree = recentTrees(repo);
    List<Pending.Entry> done = new ArrayList<>();
    int newestMatched = -1;
    for (int i = 0; i < entries.size(); i++) {
      Pending.Entry e = entries.get(i);
      ObjectId commit = e.commit().filter(c -> commitExists(repo, c)).map(ObjectId::fromString)
          .orElse(commitByTree.get(e.tree()));
      if (commit == null) {
        continue;
      }
      List<CommitSummary> lines = notes.computeIfAbsent(commit, k -> new ArrayList<>());
      lines.addAll(e.summaries());
      if (e.skip()) {
        lines.add(SKIP_LINE);
        deferSkipped(repo, commit, pending);
      }
      done.add(e);
      newestMatched = i;
    }
    for (int i = 0; i < newestMatched; i++) {
      if (!done.contains(entries.get(i))) {
        done.add(entries.get(i));
      }
    }
    return done;
  }

  /** The nodes a skipped commit changed go to the pending runs (run-pending, pre-push). */
  private static void deferSkipped(Repository repo, ObjectId commit, Pending pending) {
    io.onex.git.index.NodeIndex index = io.onex.git.index.NodeIndex.open(repo);
    io.onex.git.index.Snapshot after = index.commit(commit.name());
    io.onex.git.index.Snapshot before;
    try (RevWalk rw = new RevWalk(repo)) {
      RevCommit c = rw.parseCommit(commit);
      before = c.getParentCount() == 0 ? index.empty() : index.commit(c.getParent(0).name());
    } catch (IOException ex) {
      throw GitError.io("read commit " + commit.name(), ex);
    }
    var affected = index.affected(after, index.diff(before, after));
    var runs = pending.runs();
    affected.toTest().forEach(n -> runs.add(n.dir()));
    pending.setRuns(runs);
  }

  private static boolean commitExists(Repository repo, String id) {
    try (RevWalk rw = new RevWalk(repo)) {
      return org.eclipse.jgit.lib.ObjectId.isId(id) && rw.parseCommit(ObjectId.fromString(id)) != null;
    } catch (IOException e) {
      return false;
    }
  }

  /** Tree id to the newest commit with it, for HEAD and its first-parent ancestors. */
  private static Map<String, ObjectId> recentTrees(Repository repo) {
    Map<String, ObjectId> out = new HashMap<>();
    try (RevWalk rw = new RevWalk(repo)) {
      ObjectId head = repo.resolve("HEAD^{commit}");
      if (head == null) {
        return out;
      }
      RevCommit c = rw.parseCommit(head);
      for (int i = 0; i < LOOK_BACK && c != null; i++) {
        out.putIfAbsent(c.getTree().name(), c.copy());
        c = c.getParentCount() == 0 ? null : rw.parseCommit(c.getParent(0));
      }
    } catch (IOException e) {
      throw GitError.io("walk the recent commits", e);
    }
    return out;
  }
}
