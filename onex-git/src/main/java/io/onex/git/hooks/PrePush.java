package io.onex.git.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.git.GitError;
import io.onex.git.GitRepos;
import io.onex.git.index.ChangeSet;
import io.onex.git.index.GitNode;
import io.onex.git.index.NodeChange;
import io.onex.git.index.NodeIndex;
import io.onex.git.index.Snapshot;
import io.onex.git.sync.NotesSync;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * {@code onex hook pre-push <remote> <url>}: for every ref git is about to push (stdin lines
 * {@code <local ref> <local sha> <remote ref> <remote sha>}), verifies the hash lock of every
 * node that changed between what the remote has and what is pushed, from the committed blobs;
 * runs the nodes left pending by the budget; then pushes the ONEX notes refs to the same
 * remote (fetch, merge, push: never forced). A hash-lock mismatch or a failing pending node
 * blocks the push; a failed notes push only warns (the code push is not held hostage to it).
 */
final class PrePush {
  private static final String ZERO = ObjectId.zeroId().name();

  private PrePush() {}

  static HookResult run(HookContext ctx, String remote, String stdin) {
    List<String> lines = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    int refs = 0;
    try (Repository repo = GitRepos.open(ctx.workDir(), ctx.env())) {
      HookResult gate = SignatureGate.prePush(ctx, repo, stdin);
      if (gate != null) {
        return gate;
      }
      NodeIndex index = NodeIndex.open(repo);
      for (String line : stdin.split("\n")) {
        String[] f = line.trim().split("\\s+");
        if (f.length != 4 || f[1].equals(ZERO)) {
          continue;
        }
        refs++;
        Snapshot to = index.commit(f[1]);
        Snapshot from = known(repo, f[3]) ? index.commit(f[3]) : index.empty();
        problems.addAll(verify(index, from, to));
      }
    }
    if (!problems.isEmpty()) {
      List<String> out = new ArrayList<>();
      out.add("onex: push blocked (" + GitError.HASH_LOCK_MISMATCH.id() + "): " + problems.size() + " problem(s)");
      problems.forEach(d -> out.add(d.format()));
      return new HookResult(1, out, problems);
    }
    HookResult pending = RunPending.run(ctx);
    lines.addAll(pending.lines());
    if (pending.blocked()) {
      return new HookResult(1, lines, pending.problems());
    }
    lines.add("onex: verified the hash locks of " + refs + " pushed ref(s)");
    try {
      NotesSync.Report r = NotesSync.sync(ctx.workDir(), ctx.env(), ctx.clock(), remote, true);
      r.lines().forEach(l -> lines.add("onex: notes: " + l));
    } catch (OnexException e) {
      lines.add("onex: warning: the ONEX notes were not pushed; run onex sync " + remote + " later");
      e.diagnostics().forEach(d -> lines.add(d.format()));
    }
    return HookResult.ok(lines);
  }

  private static boolean known(Repository repo, String sha) {
    if (sha.equals(ZERO)) {
      return false;
    }
    try {
      return repo.getObjectDatabase().has(ObjectId.fromString(sha));
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Hash-lock problems of the nodes changed from {@code from} to {@code to}. */
  static List<Diagnostic> verify(NodeIndex index, Snapshot from, Snapshot to) {
    ChangeSet changes = index.diff(from, to);
    List<Diagnostic> out = new ArrayList<>();
    for (NodeChange c : changes.nodes()) {
      if (c.after().isEmpty()) {
        continue;
      }
      GitNode n = c.after().get();
      try {
        JsonNode meta = index.metadata(to, n);
        String stored = meta.path("hash").asText("");
        String computed = index.hashLock(to, n);
        if (!stored.equals(computed)) {
          out.add(GitError.HASH_LOCK_MISMATCH.at(n.metadataPath(), "hash lock mismatch in " + to.label() + ": the file says "
              + stored + " but the committed metadata and files hash to " + computed + "; fix: onex stamp "
              + (n.dir().isEmpty() ? "." : n.dir())));
        }
      } catch (OnexException e) {
        out.addAll(e.diagnostics());
      }
    }
    return out;
  }
}
