package io.onex.core.registry;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.uri.NodeUri;
import io.onex.core.uri.VersionConstraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.semver4j.Semver;

/**
 * A read-only view of registered nodes that resolves node URIs and checks references.
 *
 * <p>Resolution goes by namespace only: the URI type ({@code tool://}, {@code node://}, ...)
 * is informational and never changes which entry is chosen. Among the entries of the URI's
 * namespace whose version satisfies the spec, the highest version (semver precedence, build
 * metadata ignored) wins; two entries at that version make the URI ambiguous. Entries with an
 * invalid namespace or version take no part in resolution. Entries are kept sorted (namespace,
 * version, metadata path), which makes {@link #check()} deterministic for any input order.
 */
public final class Registry {
  private static final Comparator<Candidate> BY_VERSION_DESC =
      Comparator.comparing(Candidate::version, Comparator.reverseOrder())
          .thenComparingInt(Candidate::index);

  private final List<RegistryEntry> entries;
  private final List<Semver> versions;
  private final Map<String, List<Candidate>> byNamespace = new HashMap<>();

  /** A resolvable entry: its position in {@link #entries} and its parsed version. */
  record Candidate(int index, RegistryEntry entry, Semver version) {}

  /** An entry with its parsed version (null when invalid), for sorting. */
  private record Parsed(RegistryEntry entry, Semver version) {}

  private static final Comparator<Parsed> ENTRY_ORDER =
      Comparator.comparing((Parsed p) -> p.entry().namespace())
          .thenComparing(Parsed::version, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(p -> p.entry().version())
          .thenComparing(p -> p.entry().metadataPath())
          .thenComparing(p -> p.entry().name());

  private Registry(List<Parsed> sorted) {
    List<RegistryEntry> list = new ArrayList<>(sorted.size());
    this.versions = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      Parsed p = sorted.get(i);
      list.add(p.entry());
      versions.add(p.version());
      if (p.version() != null && NodeUri.isValidNamespace(p.entry().namespace())) {
        byNamespace.computeIfAbsent(p.entry().namespace(), k -> new ArrayList<>())
            .add(new Candidate(i, p.entry(), p.version()));
      }
    }
    this.entries = List.copyOf(list);
    byNamespace.values().forEach(l -> l.sort(BY_VERSION_DESC));
  }

  /** A registry of {@code entries} (any order; null entries are skipped). */
  public static Registry of(List<RegistryEntry> entries) {
    List<Parsed> sorted = new ArrayList<>(entries.size());
    for (RegistryEntry e : entries) {
      if (e != null) {
        sorted.add(new Parsed(e, VersionConstraint.isValidVersion(e.version()) ? new Semver(e.version()) : null));
      }
    }
    sorted.sort(ENTRY_ORDER);
    return new Registry(sorted);
  }

  /** The entries, sorted by namespace, version and metadata path. */
  public List<RegistryEntry> entries() {
    return entries;
  }

  /** Resolves {@code uri} to the entry with the highest satisfying version of its namespace. */
  public Resolution resolve(NodeUri uri) {
    List<RegistryEntry> matches = matches(uri).stream().map(Candidate::entry).collect(Collectors.toList());
    Resolution.Status status = matches.isEmpty() ? Resolution.Status.UNRESOLVED
        : matches.size() == 1 ? Resolution.Status.RESOLVED : Resolution.Status.AMBIGUOUS;
    return new Resolution(uri, status, matches);
  }

  /** The candidates at the highest satisfying version (one when resolved, none or several else). */
  List<Candidate> matches(NodeUri uri) {
    List<Candidate> candidates = byNamespace.getOrDefault(uri.namespace(), List.of());
    List<Candidate> out = new ArrayList<>();
    for (Candidate c : candidates) {
      if (!out.isEmpty() && c.version().compareTo(out.get(0).version()) != 0) {
        break;
      }
      if (uri.version().satisfiedBy(c.entry().version())) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * Every problem of the registry: invalid or duplicate entries, unresolved, ambiguous or
   * malformed dependency and subgraph URIs, and dependency cycles (through both kinds of
   * reference). Deterministic order: entry by entry in {@link #entries()} order, cycles last.
   */
  public List<Diagnostic> check() {
    List<Diagnostic> out = new ArrayList<>();
    List<int[]> adjacency = new ArrayList<>(entries.size());
    List<Map<Integer, String>> edgeFields = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      checkEntry(i, out);
      Map<Integer, String> edges = new LinkedHashMap<>();
      references(i, "dependencies", entries.get(i).dependencyUris(), edges, out);
      references(i, "subgraph", entries.get(i).subgraphUris(), edges, out);
      adjacency.add(edges.keySet().stream().mapToInt(Integer::intValue).toArray());
      edgeFields.add(edges);
    }
    for (List<Integer> cycle : CycleFinder.find(adjacency)) {
      RegistryEntry first = entries.get(cycle.get(0));
      int second = cycle.size() > 1 ? cycle.get(1) : cycle.get(0);
      out.add(Diagnostic.error(RegistryError.CYCLE, first.metadataPath(), 0, 0,
          edgeFields.get(cycle.get(0)).get(second), cycleMessage(cycle)));
    }
    return List.copyOf(out);
  }

  private void checkEntry(int i, List<Diagnostic> out) {
    RegistryEntry e = entries.get(i);
    if (!NodeUri.isValidNamespace(e.namespace())) {
      out.add(Diagnostic.error(RegistryError.INVALID_NAMESPACE, e.metadataPath(), 0, 0, "namespace",
          "node '" + e.name() + "' has namespace '" + e.namespace() + "', which is not dotted lowercase"));
    }
    if (versions.get(i) == null) {
      out.add(Diagnostic.error(RegistryError.INVALID_VERSION, e.metadataPath(), 0, 0, "version",
          "node '" + e.name() + "' has version '" + e.version() + "', which is not a semantic version"));
      return;
    }
    List<String> twins = new ArrayList<>();
    for (Candidate c : byNamespace.getOrDefault(e.namespace(), List.of())) {
      if (c.index() != i && c.version().compareTo(versions.get(i)) == 0) {
        twins.add(c.entry().metadataPath());
      }
    }
    if (!twins.isEmpty()) {
      out.add(Diagnostic.error(RegistryError.DUPLICATE, e.metadataPath(), 0, 0, "version",
          e.label() + " is also registered by " + String.join(", ", twins)));
    }
  }

  private void references(int from, String kind, List<String> uris, Map<Integer, String> edges,
      List<Diagnostic> out) {
    RegistryEntry e = entries.get(from);
    for (int k = 0; k < uris.size(); k++) {
      String field = kind + "[" + k + "]";
      NodeUri uri;
      try {
        uri = NodeUri.parse(uris.get(k));
      } catch (OnexException bad) {
        for (Diagnostic d : bad.diagnostics()) {
          out.add(new Diagnostic(d.code(), d.severity(), e.metadataPath(), 0, 0, field, d.message(), d.hint()));
        }
        continue;
      }
      List<Candidate> matches = matches(uri);
      String what = ("dependencies".equals(kind) ? "dependency" : "subgraph step") + " '" + uri
          + "' of " + e.label();
      if (matches.isEmpty()) {
        out.add(Diagnostic.error(RegistryError.UNRESOLVED, e.metadataPath(), 0, 0, field,
            what + " matches no registered node: " + available(uri.namespace())));
      } else if (matches.size() > 1) {
        out.add(Diagnostic.error(RegistryError.AMBIGUOUS, e.metadataPath(), 0, 0, field,
            what + " is ambiguous: " + matches.get(0).entry().label() + " is registered by "
                + matches.stream().map(c -> c.entry().metadataPath()).collect(Collectors.joining(", "))));
      } else {
        edges.putIfAbsent(matches.get(0).index(), field);
      }
    }
  }

  private String available(String namespace) {
    List<Candidate> candidates = byNamespace.getOrDefault(namespace, List.of());
    if (candidates.isEmpty()) {
      return "no node has namespace '" + namespace + "'";
    }
    Set<String> found = new LinkedHashSet<>();
    for (int i = candidates.size() - 1; i >= 0 && found.size() < 10; i--) {
      found.add(candidates.get(i).entry().version());
    }
    return "'" + namespace + "' has version" + (found.size() == 1 ? " " : "s ") + String.join(", ", found)
        + (candidates.size() > found.size() ? ", ..." : "");
  }

  private String cycleMessage(List<Integer> cycle) {
    List<String> labels = new ArrayList<>();
    int n = cycle.size();
    for (int i = 0; i < n; i++) {
      if (n > 20 && i == 10) {
        labels.add("... (" + (n - 20) + " more)");
        i = n - 10;
      }
      labels.add(entries.get(cycle.get(i)).label());
    }
    labels.add(entries.get(cycle.get(0)).label());
    return (n > 20 ? "dependency cycle of " + n + " nodes: " : "dependency cycle: ") + String.join(" -> ", labels);
  }
}
