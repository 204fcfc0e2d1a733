package io.onex.git.index;

import java.util.List;

/**
 * What changed between two snapshots, as far as ONEX cares: the nodes (sorted by directory),
 * whether the {@code .tree} or {@code .onex-store/config.yaml} changed, and how many changed
 * paths the tree diff visited (the cost of the diff grows with this number, not with the
 * repository).
 */
public record ChangeSet(List<NodeChange> nodes, boolean treeChanged, boolean configChanged, int pathsChanged) {
  public ChangeSet {
    nodes = List.copyOf(nodes);
  }

  /** Nothing ONEX-relevant changed. */
  public boolean isEmpty() {
    return nodes.isEmpty() && !treeChanged && !configChanged;
  }

  /** Whether a node appeared, disappeared or moved (the {@code .tree} must follow). */
  public boolean structural() {
    return nodes.stream().anyMatch(c -> c.kind() != NodeChange.Kind.MODIFIED);
  }
}
