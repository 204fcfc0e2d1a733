package io.onex.git.hooks;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.exec.TestRunner;
import io.onex.git.GitError;
import io.onex.git.index.Affected;
import io.onex.git.index.ChangeSet;
import io.onex.git.index.NodeIndex;
import io.onex.git.index.Snapshot;
import io.onex.git.notes.CommitSummary;
import io.onex.git.record.GitRecordSink;
import io.onex.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;

/**
 * {@code onex hook pre-commit}: judges the staged state. Nothing ONEX-relevant staged: exit 0
 * at once. Otherwise: configuration, {@code .tree} and every changed node and dependent are
 * validated from the index; their test cases run; every record goes to the notes (one notes
 * commit) and the store before the hook returns; a hand-over file tells post-commit what ran.
 * Any problem blocks the commit (exit 1) with a short report.
 */
final class PreCommit {
  private PreCommit() {}

  static HookResult run(HookContext ctx) {
    try (Repository repo = io.onex.git.GitRepos.open(ctx.workDir(), ctx.env())) {
      Pending pending = new Pending(repo.getDirectory().toPath());
      CachedFold.run(ctx, repo, pending); // cached hand-overs of earlier fast-path commits
      NodeIndex index = NodeIndex.open(repo);
      Snapshot staged = index.staged();
      long now = ctx.clock().millis();
      if (ctx.skipRequested()) {
        pending.add(now, staged.treeId().name(), List.of(), true);
        return HookResult.ok(List.of("onex: warning " + GitError.HOOK_SKIPPED.id()
            + ": ONEX_SKIP=1: pre-commit checks skipped; recorded in this commit's summary note"));
      }
      ChangeSet changes = index.diff(index.commit("HEAD"), staged);
      if (changes.isEmpty()) {
        return HookResult.ok(List.of());
      }
      List<Diagnostic> problems = new ArrayList<>();
      HookConfig config = HookConfig.DEFAULT;
      try {
        config = HookConfig.of(index.config(staged));
      } catch (OnexException e) {
        problems.addAll(e.diagnostics());
      }
      if (changes.configChanged()) {
        problems.addAll(TreeCheck.config(staged, ctx.runtime().tempBase()));
      }
      if (changes.structural() || changes.treeChanged()) {
        problems.addAll(TreeCheck.tree(index, staged));
      }
      if (!problems.isEmpty()) {
        return Reports.invalid(problems);
      }
      HookResult unsigned = SignatureGate.preCommit(ctx, repo, changes);
      if (unsigned != null) {
        return unsigned;
      }
      Affected affected = index.affected(staged, changes);
      if (affected.toTest().isEmpty()) {
        pending.add(now, staged.treeId().name(), List.of(), false);
        return HookResult.ok(List.of());
      }
      return check(ctx, repo, index, staged, affected, config, pending, now);
    }
  }

  private static HookResult check(HookContext ctx, Repository repo, NodeIndex index, Snapshot staged,
      Affected affected, HookConfig config, Pending pending, long now) {
    Optional<Store> store = ctx.store().open();
    try {
      List<Diagnostic> warnings = new ArrayList<>();
      GitRecordSink sink = GitRecordSink.open(repo, ctx.clock(), store, warnings::add);
      NodeChecks.Outcome o = NodeChecks.run(ctx, index, staged, affected.toTest(), affected.required(),
          config.budgetMs(), sink);
      GitRecordSink.Flushed flushed = sink.flush("onex: pre-commit records of " + affected.toTest().size() + " node(s)");
      if (!o.invalid().isEmpty()) {
        return Reports.invalid(o.invalid());
      }
      if (!o.deferred().isEmpty()) {
        var runs = pending.runs();
        runs.addAll(o.deferred());
        pending.setRuns(runs);
      }
      List<TestRunner.CaseResult> failed = o.failed();
      if (!failed.isEmpty()) {
        return Reports.failed(o.cases().size(), failed, "commit");
      }
      List<CommitSummary> summaries = flushed.records().stream().map(CommitSummary::of).toList();
      pending.add(now, staged.treeId().name(), summaries, false);
      if (o.deferred().isEmpty()) {
        Verified.record(ctx, repo, index, staged, affected.toTest(), flushed.records());
      }
      List<String> lines = new ArrayList<>(Reports.passed(affected, o));
      warnings.forEach(d -> lines.add(d.format()));
      return HookResult.ok(lines);
    } finally {
      store.ifPresent(Store::close);
    }
  }
}
