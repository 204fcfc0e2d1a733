package io.onex.git.index;

import java.util.List;

/**
 * The nodes a change set touches in the snapshot after it: {@code changed} (added, modified
 * or renamed, sorted by directory), {@code dependents} (nodes that refer to a changed,
 * deleted or moved node through dependency or subgraph URIs, transitively: their test cases
 * run again), and {@code required} (every node the first two need to run: composite children,
 * transitively, including themselves).
 */
public record Affected(List<GitNode> changed, List<GitNode> dependents, List<GitNode> required) {
  public Affected {
    changed = List.copyOf(changed);
    dependents = List.copyOf(dependents);
    required = List.copyOf(required);
  }

  /** {@code changed} then {@code dependents}: the nodes whose test cases run. */
  public List<GitNode> toTest() {
    List<GitNode> out = new java.util.ArrayList<>(changed);
    out.addAll(dependents);
    return out;
  }
}
