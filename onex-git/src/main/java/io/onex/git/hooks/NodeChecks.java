package io.onex.git.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.project.ProjectLayout;
import io.onex.core.validate.NodeReport;
import io.onex.core.validate.NodeValidator;
import io.onex.exec.Execution;
import io.onex.exec.TestRunner;
import io.onex.git.index.GitNode;
import io.onex.git.index.NodeIndex;
import io.onex.git.index.Snapshot;
import io.onex.git.record.GitRecordSink;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates and tests nodes of a snapshot (the index, or HEAD for pending runs) the way the
 * pre-commit hook does: write them out byte for byte ({@link Materializer}), validate each
 * node to test (schema, rules, hash lock over the blob bytes), then run the test cases of the
 * valid ones in order through {@link Execution}, which records into the given sink (a cached
 * result arrives as a {@code cached} record and needs nothing special here). With a budget,
 * once the time spent reaches it, the remaining nodes get a {@code skipped} record and are
 * returned as {@link Outcome#deferred()}.
 */
final class NodeChecks {
  private NodeChecks() {}

  /** What happened: validation problems, every test case verdict, the nodes left for later. */
  record Outcome(List<Diagnostic> invalid, List<TestRunner.CaseResult> cases, List<String> deferred) {
    List<TestRunner.CaseResult> failed() {
      return cases.stream().filter(c -> !c.passed()).toList();
    }
  }

  static Outcome run(HookContext ctx, NodeIndex index, Snapshot snapshot, List<GitNode> toTest,
      List<GitNode> required, long budgetMs, GitRecordSink sink) {
    Set<GitNode> all = new LinkedHashSet<>(required);
    all.addAll(toTest);
    Path root = Materializer.write(index, snapshot, all, ctx.runtime().tempBase());
    try {
      for (GitNode n : all) {
        bind(index, snapshot, n, sink);
      }
      List<Diagnostic> invalid = validate(root, toTest);
      if (!invalid.isEmpty()) {
        return new Outcome(invalid, List.of(), List.of());
      }
      return test(ctx, index, snapshot, root, toTest, budgetMs, sink);
    } finally {
      Materializer.delete(root);
    }
  }

  private static void bind(NodeIndex index, Snapshot snapshot, GitNode n, GitRecordSink sink) {
    try {
      sink.bind(index.hashLock(snapshot, n), n.metadataBlob());
    } catch (OnexException e) {
      // an unreadable node is reported by validation and never runs, so it records nothing
    }
  }

  private static List<Diagnostic> validate(Path root, List<GitNode> nodes) {
    NodeValidator validator = new NodeValidator(new ProjectLayout(root));
    List<Diagnostic> out = new ArrayList<>();
    for (GitNode n : nodes) {
      NodeReport r = validator.validate(n.dir().isEmpty() ? root : root.resolve(n.dir()));
      r.diagnostics().stream().filter(Diagnostic::isError).forEach(out::add);
    }
    return out;
  }

  private static Outcome test(HookContext ctx, NodeIndex index, Snapshot snapshot, Path root, List<GitNode> nodes,
      long budgetMs, GitRecordSink sink) {
    // memoized through the store when there is one: a node whose exact content and inputs
    // passed before is served from the cache (status cached) instead of running again
    Execution exec = sink.store().map(st -> Execution.open(root, ctx.runtime(), sink, st, true))
        .orElseGet(() -> Execution.open(root, ctx.runtime(), sink));
    Instant start = ctx.clock().instant();
    List<TestRunner.CaseResult> cases = new ArrayList<>();
    List<String> deferred = new ArrayList<>();
    for (GitNode n : nodes) {
      long spent = Duration.between(start, ctx.clock().instant()).toMillis();
      if (budgetMs > 0 && spent >= budgetMs) {
        deferred.add(n.dir());
        JsonNode meta = index.metadata(snapshot, n);
        sink.append(SkippedRecords.of(meta, index.hashLock(snapshot, n), ctx.runtime().recordIds().get(), ctx.clock(),
            "hooks.budget_ms (" + budgetMs + " ms) was used up after " + spent + " ms; runs with onex hook run-pending"));
        continue;
      }
      cases.addAll(exec.test(List.of(n.dir().isEmpty() ? "." : n.dir()), c -> { }).cases());
    }
    return new Outcome(List.of(), cases, deferred);
  }
}
