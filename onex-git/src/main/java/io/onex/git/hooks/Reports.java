package io.onex.git.hooks;

import io.onex.core.diag.Diagnostic;
import io.onex.exec.TestRunner;
import io.onex.git.GitError;
import io.onex.git.index.Affected;
import java.util.ArrayList;
import java.util.List;

/** The short, exact reports hooks print. */
final class Reports {
  private Reports() {}

  static HookResult invalid(List<Diagnostic> problems) {
    List<String> lines = new ArrayList<>();
    long errors = problems.stream().filter(Diagnostic::isError).count();
    lines.add("onex: commit blocked (" + GitError.NODE_INVALID.id() + "): " + errors + " problem(s) in the staged nodes");
    problems.forEach(d -> lines.add(d.format()));
    return new HookResult(1, lines, problems);
  }

  static HookResult failed(int total, List<TestRunner.CaseResult> failed, String what) {
    List<String> lines = new ArrayList<>();
    lines.add("onex: " + what + " blocked (" + GitError.TEST_FAILED.id() + "): " + failed.size() + " of " + total
        + " test case(s) failed");
    for (TestRunner.CaseResult c : failed) {
      lines.add("  FAIL " + c.node().metadata().name() + " :: " + c.testCase().name());
      c.problems().forEach(p -> lines.add("       " + p));
    }
    lines.add("  fix: " + GitError.TEST_FAILED.hint());
    lines.add("  (to commit anyway, once: ONEX_SKIP=1 git commit ...; the skip is recorded)");
    List<Diagnostic> d = failed.stream().map(c -> GitError.TEST_FAILED.at(c.node().metadata().name(),
        c.testCase().name() + ": " + String.join("; ", c.problems()))).toList();
    return new HookResult(1, lines, d);
  }

  static List<String> passed(Affected a, NodeChecks.Outcome o) {
    List<String> lines = new ArrayList<>();
    lines.add("onex: " + a.changed().size() + " changed node(s), " + a.dependents().size() + " dependent(s): "
        + o.cases().size() + " test case(s) passed");
    if (!o.deferred().isEmpty()) {
      lines.add("onex: " + o.deferred().size() + " node(s) moved out of the commit path by hooks.budget_ms ("
          + GitError.BUDGET_EXCEEDED.id() + "): " + String.join(", ", o.deferred())
          + "; run onex hook run-pending (the next push runs them)");
    }
    return lines;
  }
}
