package io.onex.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.model.TestCase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the declared test cases of nodes through the {@link Runtime} and compares: the exact
 * expected output (a diff per differing path on mismatch), or the expected error (a run that
 * did not succeed, with the expected code and message substring when given).
 */
public final class TestRunner {
  private final Runtime runtime;

  public TestRunner(Runtime runtime) {
    this.runtime = runtime;
  }

  /** The verdict on one test case. */
  public record CaseResult(LoadedNode node, TestCase testCase, boolean passed, List<String> problems, RunResult run) {}

  /** All verdicts, in run order. */
  public record Report(List<CaseResult> cases) {
    public long passed() {
      return cases.stream().filter(CaseResult::passed).count();
    }

    public long failed() {
      return cases.size() - passed();
    }
  }

  /** Runs every test case of {@code nodes}; {@code progress} hears about each case as it ends. */
  public Report run(List<LoadedNode> nodes, Consumer<CaseResult> progress) {
    List<CaseResult> out = new ArrayList<>();
    for (LoadedNode node : nodes) {
      for (TestCase tc : node.metadata().tests()) {
        CaseResult r = runOne(node, tc);
        out.add(r);
        progress.accept(r);
      }
    }
    return new Report(out);
  }

  CaseResult runOne(LoadedNode node, TestCase tc) {
    JsonNode config = tc.config().orElse(Runtime.emptyObject());
    RunResult run = runtime.run(node, tc.input(), config);
    List<String> problems = new ArrayList<>();
    if (tc.expectedOutput().isPresent()) {
      if (!run.succeeded() || run.output().isEmpty()) {
        problems.add("expected success, got " + run.record().status()
            + run.record().error().map(e -> " " + e.code() + ": " + e.message()).orElse(""));
      } else {
        problems.addAll(JsonDiff.diff(tc.expectedOutput().get(), run.output().get()));
      }
    } else if (tc.expectedError().isPresent()) {
      TestCase.ExpectedError want = tc.expectedError().get();
      if (run.succeeded()) {
        problems.add("expected an error, but the node succeeded with " + run.output().map(JsonNode::toString).orElse("no output"));
      } else {
        String code = run.record().error().map(e -> e.code()).orElse("");
        String message = run.record().error().map(e -> e.message()).orElse("") + "\n" + run.stderr();
        want.code().filter(c -> !c.equals(code)).ifPresent(c -> problems.add("expected error code " + c + ", got " + code));
        want.messageContains().filter(s -> !message.contains(s))
            .ifPresent(s -> problems.add("expected the error message to contain \"" + s + "\", got: " + message.strip()));
      }
    }
    return new CaseResult(node, tc, problems.isEmpty(), problems, run);
  }
}
