package io.onex.core.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One registered node, as the caller maps it from its {@code node.onex.yaml}: identity
 * (namespace, name, version), where its metadata lives (used as the diagnostics' file), and
 * the node URIs it refers to. Nulls become empty values, reported by {@link Registry#check()}.
 */
public record RegistryEntry(
    String namespace,
    String name,
    String version,
    String metadataPath,
    List<String> dependencyUris,
    List<String> subgraphUris) {

  public RegistryEntry {
    namespace = namespace == null ? "" : namespace;
    name = name == null ? "" : name;
    version = version == null ? "" : version;
    metadataPath = metadataPath == null ? "" : metadataPath;
    dependencyUris = copy(dependencyUris);
    subgraphUris = copy(subgraphUris);
  }

  /** {@code namespace@version}, as diagnostics name the node. */
  public String label() {
    return namespace + "@" + version;
  }

  private static List<String> copy(List<String> list) {
    if (list == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(list.size());
    for (String s : list) {
      out.add(s == null ? "" : s);
    }
    return Collections.unmodifiableList(out);
  }
}
