package io.onex.git.index;

import io.onex.core.registry.Registry;
import io.onex.core.registry.RegistryEntry;
import io.onex.core.uri.NodeUri;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who refers to whom among the nodes of one snapshot: an edge from a node to every node its
 * dependency or subgraph URIs resolve to (through {@link Registry}, highest satisfying
 * version). Closures are breadth-first with a visited set, so cycles end.
 */
final class DependencyGraph {
  private final Map<String, MetaSummary> byDir;
  private final Map<String, List<String>> refersTo = new HashMap<>();
  private final Map<String, List<String>> referredBy = new HashMap<>();

  private DependencyGraph(Map<String, MetaSummary> byDir) {
    this.byDir = byDir;
  }

  static DependencyGraph build(Map<String, MetaSummary> byDir) {
    DependencyGraph g = new DependencyGraph(new LinkedHashMap<>(byDir));
    List<RegistryEntry> entries = new ArrayList<>();
    byDir.forEach((dir, s) -> entries.add(new RegistryEntry(s.namespace(), s.name(), s.version(), dir, s.uris(), List.of())));
    Registry registry = Registry.of(entries);
    byDir.forEach((dir, s) -> {
      for (String uri : s.uris()) {
        parse(uri).flatMap(u -> registry.resolve(u).entry()).ifPresent(target -> {
          g.refersTo.computeIfAbsent(dir, k -> new ArrayList<>()).add(target.metadataPath());
          g.referredBy.computeIfAbsent(target.metadataPath(), k -> new ArrayList<>()).add(dir);
        });
      }
    });
    return g;
  }

  private static java.util.Optional<NodeUri> parse(String uri) {
    try {
      return java.util.Optional.of(NodeUri.parse(uri));
    } catch (RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  /**
   * Every node that refers, directly or transitively, to one of {@code dirs}, or whose URIs
   * name one of {@code goneNamespaces} (nodes deleted or moved away), excluding {@code dirs}.
   */
  Set<String> dependents(Collection<String> dirs, Collection<String> goneNamespaces) {
    Set<String> start = new TreeSet<>(dirs);
    if (!goneNamespaces.isEmpty()) {
      byDir.forEach((dir, s) -> {
        for (String uri : s.uris()) {
          if (parse(uri).map(u -> goneNamespaces.contains(u.namespace())).orElse(false)) {
            start.add(dir);
          }
        }
      });
    }
    Set<String> out = closure(start, referredBy);
    out.removeAll(dirs);
    return out;
  }

  /** Every node that refers to another node or that another node refers to. */
  Set<String> linked() {
    Set<String> out = new TreeSet<>(referredBy.keySet());
    out.addAll(refersTo.keySet());
    return out;
  }

  /** {@code dirs} and everything they refer to, transitively (what running them needs). */
  Set<String> requirements(Collection<String> dirs) {
    return closure(dirs, refersTo);
  }

  private static Set<String> closure(Collection<String> from, Map<String, List<String>> edges) {
    Set<String> seen = new TreeSet<>(GitPaths::compare);
    Deque<String> todo = new ArrayDeque<>(from);
    while (!todo.isEmpty()) {
      String d = todo.pop();
      if (seen.add(d)) {
        todo.addAll(edges.getOrDefault(d, List.of()));
      }
    }
    return seen;
  }
}
