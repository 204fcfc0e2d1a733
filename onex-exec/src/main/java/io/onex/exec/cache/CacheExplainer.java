package io.onex.exec.cache;

import io.onex.core.model.NodeMetadata;
import io.onex.core.record.ExecutionRecord;
import io.onex.core.record.TraceHashes;
import io.onex.exec.ExecContext;
import io.onex.exec.LoadedNode;
import io.onex.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code onex why}: explains whether an execution would be served from the cache and, when not,
 * names the first key component that differs from the nearest earlier execution of the same
 * node (docs/formats/cache.md, "why"). Components in order: {@code node} (version and hash
 * lock), {@code input}, {@code config}, {@code environment} (for a composite: environment or
 * subgraph). When the key matches, the verdict of the lookup itself: {@code ttl_expired},
 * {@code output_missing}, {@code output_corrupt}, {@code nondeterministic}, {@code no_success}
 * or {@code hit}; {@code cache_disabled} and {@code no_earlier_execution} otherwise.
 */
public final class CacheExplainer {
  /** How many records of the node are compared at most. */
  static final int WINDOW = 1000;

  private final Store store;
  private final Memoizer memo;
  private final Function<NodeMetadata, Map<String, String>> env;
  private final ExecContext.NodeResolver resolver;

  public CacheExplainer(Store store, Memoizer memo, Function<NodeMetadata, Map<String, String>> env,
      ExecContext.NodeResolver resolver) {
    this.store = store;
    this.memo = memo;
    this.env = env;
    this.resolver = resolver;
  }

  /**
   * The answer: {@code component} names the first difference (or the verdict), with the earlier
   * and the current value of that component and the earlier record compared against.
   */
  public record Explanation(String component, boolean hit, String message, Optional<String> earlierRecordId,
      Optional<String> earlier, Optional<String> current, String cacheKey) {}

  /** Explains a run of {@code node} on these input and config hashes, outside any composite. */
  public Explanation explain(LoadedNode node, String inputHash, String configHash) {
    NodeMetadata m = node.metadata();
    String key = CacheKeys.key(node, inputHash, configHash, env, resolver);
    Memoizer.Probe p = memo.probe(m.cache(), key);
    if (p.verdict() == Memoizer.Verdict.CACHE_DISABLED) {
      return new Explanation("cache_disabled", false, "caching is off for this node: " + p.detail(), Optional.empty(),
          Optional.empty(), Optional.empty(), key);
    }
    if (p.verdict() != Memoizer.Verdict.NO_ENTRY) {
      String component = p.verdict().name().toLowerCase(java.util.Locale.ROOT);
      io.onex.store.CacheHit r = p.producer().get();
      return new Explanation(component, p.verdict() == Memoizer.Verdict.HIT, p.detail(), Optional.of(r.recordId()),
          r.outputHash(), Optional.empty(), key);
    }
    List<ExecutionRecord> earlier = candidates(m);
    if (earlier.isEmpty()) {
      return new Explanation("no_earlier_execution", false, m.coordinates() + " has no earlier execution in this store",
          Optional.empty(), Optional.empty(), Optional.empty(), key);
    }
    ExecutionRecord best = null;
    int bestScore = -1;
    for (ExecutionRecord r : earlier) {
      int s = score(r, node, inputHash, configHash, key);
      if (s > bestScore) {
        best = r;
        bestScore = s;
      }
    }
    return difference(best, bestScore, node, inputHash, configHash, key);
  }

  private Explanation difference(ExecutionRecord r, int score, LoadedNode node, String inputHash, String configHash,
      String key) {
    Optional<String> id = Optional.of(r.recordId());
    NodeMetadata m = node.metadata();
    return switch (score) {
      case 0 -> new Explanation("node", false, "the node changed since record " + r.recordId()
          + " (its version or hash lock differs)", id, Optional.of(r.node().version() + " " + r.node().hash()),
          Optional.of(m.version() + " " + node.hash()), key);
      case 1 -> new Explanation("input", false, "the input differs from record " + r.recordId(), id,
          Optional.of(r.inputHash()), Optional.of(inputHash), key);
      case 2 -> new Explanation("config", false, "the config differs from record " + r.recordId(), id,
          Optional.of(r.configHash()), Optional.of(configHash), key);
      case 3 -> new Explanation("environment", false, "node, input and config equal record " + r.recordId()
          + ", but its cache key differs: the declared environment"
          + (m.entrypoint().type().equals("composite") ? " or a child of the subgraph" : "") + " changed", id,
          Optional.of("cache key " + r.cacheKey()), Optional.of(CacheKeys.ref(node).id() + " environment "
              + new java.util.TreeMap<>(env.apply(m))), key);
      default -> new Explanation("no_success", false, "record " + r.recordId() + " has this very key but ended with status "
          + r.status() + r.error().map(e -> " (" + e.code() + ")").orElse("") + "; only successes are reused", id,
          Optional.of(r.status()), Optional.empty(), key);
    };
  }

  /** How many leading components match: node, input, config, environment (4 = same key). */
  private static int score(ExecutionRecord r, LoadedNode node, String inputHash, String configHash, String key) {
    ExecutionRecord.NodeRef ref = CacheKeys.ref(node);
    if (!r.node().id().equals(ref.id()) || !r.node().version().equals(ref.version()) || !r.node().hash().equals(ref.hash())) {
      return 0;
    }
    if (!r.inputHash().equals(inputHash)) {
      return 1;
    }
    if (!r.configHash().equals(configHash)) {
      return 2;
    }
    return r.cacheKey().equals(key) ? 4 : 3;
  }

  /** Records of the node that ran (not cached ones), newest first; other versions when this one has none. */
  private List<ExecutionRecord> candidates(NodeMetadata m) {
    List<ExecutionRecord> out = new ArrayList<>();
    for (ExecutionRecord r : store.byNode(m.namespace(), m.version(), WINDOW)) {
      if (!r.status().equals("cached")) {
        out.add(r);
      }
    }
    if (out.isEmpty()) {
      for (ExecutionRecord r : store.recent(WINDOW * 10)) {
        if (r.node().id().equals(m.namespace()) && !r.status().equals("cached")) {
          out.add(r);
        }
      }
    }
    return out;
  }

  /** The input or config hash as records write it. */
  public static String hashOf(com.fasterxml.jackson.databind.JsonNode state) {
    return TraceHashes.state(state);
  }
}
