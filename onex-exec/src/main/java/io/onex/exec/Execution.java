package io.onex.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.project.Workspace;
import io.onex.core.record.RecordSink;
import io.onex.exec.cache.CacheAdmin;
import io.onex.exec.cache.CacheExplainer;
import io.onex.exec.cache.Memoizer;
import io.onex.store.Store;
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
  private final RuntimeOptions options;
  private final Memoizer memo;
  private final Store store;

  private Execution(Path cwd, RuntimeOptions options, RecordSink sink, Memoizer memo, Store store) {
    this.cwd = cwd;
    this.options = options;
    this.memo = memo;
    this.store = store;
    this.catalog = NodeCatalog.open(Workspace.open(cwd));
    this.runtime = new Runtime(ExecutorRegistry.standard(), options, sink, catalog::resolve, memo);
  }

  /** Records go to {@code sink}; nothing is memoized. */
  public static Execution open(Path cwd, RuntimeOptions options, RecordSink sink) {
    return new Execution(cwd, options, sink, Memoizer.disabled(), null);
  }

  /**
   * Records go to {@code store}, which also serves as the cache (docs/formats/cache.md);
   * {@code useCache == false} ({@code --no-cache}) runs every node but still stores outputs.
   */
  public static Execution open(Path cwd, RuntimeOptions options, Store store, boolean useCache) {
    return new Execution(cwd, options, store, Memoizer.of(store, options.clock(), useCache), store);
  }

  /**
   * Records go to {@code sink} (in a git repository: the notes, then the store); {@code store}
   * serves as the cache and keeps the outputs. {@code useCache == false} runs every node.
   */
  public static Execution open(Path cwd, RuntimeOptions options, RecordSink sink, Store store, boolean useCache) {
    return new Execution(cwd, options, sink, Memoizer.of(store, options.clock(), useCache), store);
  }

  /**
   * The {@code node.onex.yaml} of the node of this repository a record names (same namespace,
   * version and hash lock), if there is one: where a git sink attaches the record.
   */
  public Optional<Path> metadataFileOf(io.onex.core.record.ExecutionRecord.NodeRef ref) {
    return catalog.nodes().stream()
        .filter(n -> n.metadata().namespace().equals(ref.id()) && n.metadata().version().equals(ref.version())
            && ref.hash().equals(n.hash()))
        .map(n -> n.directory().resolve(io.onex.core.model.NodeMetadata.FILE_NAME))
        .findFirst();
  }

  /** Cache warnings of the runs so far: damaged or oversized outputs, nondeterminism (ONEX-K...). */
  public List<Diagnostic> cacheWarnings() {
    return memo.warnings();
  }

  /** {@code onex why}: would this run be served from the cache, and if not, what differs. */
  public CacheExplainer.Explanation why(String nodeRef, JsonNode input, JsonNode config) {
    requireObject(input, "input");
    requireObject(config, "config");
    LoadedNode node = catalog.find(nodeRef, cwd);
    return new CacheExplainer(requireStore(), memo, runtime::declaredEnvironment, catalog::resolve)
        .explain(node, CacheExplainer.hashOf(input), CacheExplainer.hashOf(config));
  }

  /** {@code onex cache}: the entries of the store's cache, TTLs taken from the nodes of this repository. */
  public CacheAdmin cache() {
    return new CacheAdmin(requireStore(), options.clock(), ref -> catalog.nodes().stream()
        .filter(n -> n.metadata().namespace().equals(ref.id()) && n.metadata().version().equals(ref.version()))
        .map(n -> n.metadata().cache()).findFirst());
  }

  private Store requireStore() {
    if (store == null) {
      throw new IllegalStateException("this Execution was opened without a store");
    }
    return store;
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
