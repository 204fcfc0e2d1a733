package io.onex.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.project.Workspace;
import io.onex.core.record.RecordSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The execution facade the CLI calls: {@code onex run} and {@code onex test} on the nodes of the
 * repository containing the working directory. Records go to the given sink.
 */
public final class Execution {
  private final Path cwd;
  private final NodeCatalog catalog;
  private final Runtime runtime;

  private Execution(Path cwd, RuntimeOptions options, RecordSink sink) {
    this.cwd = cwd;
    this.catalog = NodeCatalog.open(Workspace.open(cwd));
    this.runtime = new Runtime(ExecutorRegistry.standard(), options, sink, catalog::resolve);
  }

  public static Execution open(Path cwd, RuntimeOptions options, RecordSink sink) {
    return new Execution(cwd, options, sink);
  }

  /** {@code onex run}: one node, named by name, URI or directory. */
  public RunResult run(String nodeRef, JsonNode input, JsonNode config, Optional<Duration> timeout) {
    requireObject(input, "input");
    requireObject(config, "config");
    LoadedNode node = catalog.find(nodeRef, cwd);
    return timeout.map(t -> runtime.run(node, input, config, t)).orElseGet(() -> runtime.run(node, input, config));
  }

  /** {@code onex test}: the test cases of the named nodes, or of every node when {@code refs} is empty. */
  public TestRunner.Report test(List<String> refs, Consumer<TestRunner.CaseResult> progress) {
    List<LoadedNode> nodes = new ArrayList<>();
    if (refs.isEmpty()) {
      nodes.addAll(catalog.nodes());
    } else {
      refs.forEach(r -> nodes.add(catalog.find(r, cwd)));
    }
    return new TestRunner(runtime).run(nodes, progress);
  }

  /** How many test cases {@code test} would run (for a progress display). */
  public int countCases(List<String> refs) {
    List<LoadedNode> nodes = refs.isEmpty() ? catalog.nodes() : refs.stream().map(r -> catalog.find(r, cwd)).toList();
    return nodes.stream().mapToInt(n -> n.metadata().tests().size()).sum();
  }

  private static void requireObject(JsonNode n, String what) {
    if (n == null || !n.isObject()) {
      throw new OnexException(Diagnostic.error(ExecError.BAD_INPUT, "", 0, 0, what,
          "the " + what + " must be a JSON object, got " + (n == null ? "nothing" : n.getNodeType().name().toLowerCase(java.util.Locale.ROOT))));
    }
  }
}
