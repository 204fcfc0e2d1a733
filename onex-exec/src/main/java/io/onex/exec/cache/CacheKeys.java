package io.onex.exec.cache;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.hash.Sha256;
import io.onex.core.model.NodeMetadata;
import io.onex.core.model.SubgraphStep;
import io.onex.core.record.ExecutionRecord;
import io.onex.core.record.TraceHashes;
import io.onex.exec.ExecContext;
import io.onex.exec.LoadedNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Cache keys (docs/formats/cache.md). A leaf node's key is {@link TraceHashes#cacheKey}. A
 * composite's key is a Merkle hash: SHA-256 of canonical JSON {@code {node_id, version,
 * node_hash, input_hash, config_hash, environment, children: [{step, wiring, static_key}]}},
 * where a child's {@code static_key} is SHA-256 of {@code {node_id, version, node_hash,
 * environment, children}} (recursively for nested composites). A composite whose children do
 * not all resolve (or nest deeper than {@link #MAX_DEPTH}, or form a cycle) falls back to the
 * leaf form; such a run fails anyway, and failures are never served from the cache. A key of
 * scope {@code composite} inside a composite run is SHA-256 of {@code {scope: "composite",
 * parent_key, key}}.
 */
public final class CacheKeys {
  /** The nesting depth beyond which no Merkle key is computed (the runtime's composite cap). */
  public static final int MAX_DEPTH = io.onex.exec.Runtime.MAX_DEPTH;

  private CacheKeys() {}

  /** The node as records name it. */
  public static ExecutionRecord.NodeRef ref(LoadedNode node) {
    NodeMetadata m = node.metadata();
    return new ExecutionRecord.NodeRef(m.namespace(), m.name(), m.version(), node.hash());
  }

  /**
   * The key of running {@code node} with these input and config hashes, outside any composite.
   *
   * @param env the declared environment of a node (name to value), as the runtime computes it
   * @param resolver resolves subgraph URIs
   */
  public static String key(LoadedNode node, String inputHash, String configHash,
      Function<NodeMetadata, Map<String, String>> env, ExecContext.NodeResolver resolver) {
    NodeMetadata m = node.metadata();
    if (m.entrypoint().type().equals("composite")) {
      Optional<ArrayNode> children = children(node, env, resolver, 0, new HashSet<>());
      if (children.isPresent()) {
        ObjectNode o = base(node, env);
        o.put("input_hash", inputHash);
        o.put("config_hash", configHash);
        o.set("children", children.get());
        return hash(o);
      }
    }
    return TraceHashes.cacheKey(ref(node), inputHash, configHash, env.apply(m));
  }

  /** The key of a {@code scope: composite} node running inside the composite run keyed {@code parentKey}. */
  public static String scoped(String parentKey, String key) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("scope", "composite");
    o.put("parent_key", parentKey);
    o.put("key", key);
    return hash(o);
  }

  /** The input-independent key of a node: what it is, with its resolved subgraph; empty when unresolvable. */
  public static Optional<String> staticKey(LoadedNode node, Function<NodeMetadata, Map<String, String>> env,
      ExecContext.NodeResolver resolver) {
    return staticKey(node, env, resolver, 0, new HashSet<>());
  }

  private static Optional<String> staticKey(LoadedNode node, Function<NodeMetadata, Map<String, String>> env,
      ExecContext.NodeResolver resolver, int depth, Set<String> path) {
    ObjectNode o = base(node, env);
    if (node.metadata().entrypoint().type().equals("composite")) {
      Optional<ArrayNode> children = children(node, env, resolver, depth, path);
      if (children.isEmpty()) {
        return Optional.empty();
      }
      o.set("children", children.get());
    } else {
      o.putArray("children");
    }
    return Optional.of(hash(o));
  }

  private static Optional<ArrayNode> children(LoadedNode node, Function<NodeMetadata, Map<String, String>> env,
      ExecContext.NodeResolver resolver, int depth, Set<String> path) {
    String self = node.metadata().coordinates() + "#" + node.hash();
    if (depth > MAX_DEPTH || !path.add(self)) {
      return Optional.empty();
    }
    try {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (SubgraphStep step : node.metadata().subgraph()) {
        Optional<LoadedNode> child = resolver.resolve(step.node());
        Optional<String> key = child.flatMap(c -> staticKey(c, env, resolver, depth + 1, path));
        if (key.isEmpty()) {
          return Optional.empty();
        }
        ObjectNode c = out.addObject();
        c.put("step", step.id());
        ObjectNode wiring = c.putObject("wiring");
        new TreeMap<>(step.inputs()).forEach(wiring::set);
        c.put("static_key", key.get());
      }
      return Optional.of(out);
    } finally {
      path.remove(self);
    }
  }

  private static ObjectNode base(LoadedNode node, Function<NodeMetadata, Map<String, String>> env) {
    NodeMetadata m = node.metadata();
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("node_id", m.namespace());
    o.put("version", m.version());
    o.put("node_hash", node.hash());
    ObjectNode e = o.putObject("environment");
    new TreeMap<>(env.apply(m)).forEach(e::put);
    return o;
  }

  private static String hash(ObjectNode o) {
    return Sha256.hex(CanonicalJson.canonicalize(o));
  }
}
