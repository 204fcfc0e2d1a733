package io.onex.git.hooks;

import io.onex.git.GitError;
import io.onex.git.GitRepos;
import io.onex.git.index.GitNode;
import io.onex.git.index.NodeIndex;
import io.onex.git.index.Snapshot;
import io.onex.git.record.GitRecordSink;
import io.onex.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Repository;

/**
 * {@code onex hook run-pending}: runs the nodes the budget moved out of the commit path, as
 * committed at HEAD (no budget this time), records them like pre-commit does, and removes
 * them from the list when they pass. A node no longer at HEAD is dropped from the list.
 */
final class RunPending {
  private RunPending() {}

  static HookResult run(HookContext ctx) {
    try (Repository repo = GitRepos.open(ctx.workDir(), ctx.env())) {
      Pending pending = new Pending(repo.getDirectory().toPath());
      Set<String> dirs = pending.runs();
      if (dirs.isEmpty()) {
        return HookResult.ok(List.of());
      }
      NodeIndex index = NodeIndex.open(repo);
      Snapshot head = index.commit("HEAD");
      List<GitNode> nodes = new ArrayList<>();
      dirs.forEach(d -> head.node(d).ifPresent(nodes::add));
      Optional<Store> store = nodes.isEmpty() ? Optional.empty() : ctx.store().open();
      try {
        GitRecordSink sink = GitRecordSink.open(repo, ctx.clock(), store, d -> { });
        NodeChecks.Outcome o = NodeChecks.run(ctx, index, head, nodes, index.required(head, nodes), 0, sink);
        sink.flush("onex: pending runs of " + nodes.size() + " node(s)");
        if (!o.invalid().isEmpty()) {
          return Reports.invalid(o.invalid());
        }
        Set<String> failing = new LinkedHashSet<>();
        o.failed().forEach(c -> nodes.stream()
            .filter(n -> c.node().directory().endsWith(n.dir().isEmpty() ? "." : n.dir()))
            .forEach(n -> failing.add(n.dir())));
        pending.setRuns(failing);
        if (!o.failed().isEmpty()) {
          HookResult r = Reports.failed(o.cases().size(), o.failed(), "push");
          List<String> lines = new ArrayList<>(r.lines());
          lines.set(0, lines.get(0).replace(GitError.TEST_FAILED.id(), GitError.PENDING_FAILED.id()));
          return new HookResult(1, lines, r.problems());
        }
        return HookResult.ok(List.of("onex: pending runs: " + nodes.size() + " node(s), " + o.cases().size()
            + " test case(s) passed"));
      } finally {
        store.ifPresent(Store::close);
      }
    }
  }
}
