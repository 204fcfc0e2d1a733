package io.onex.git.index;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the node that owns a changed path on each side of a diff: the nearest directory at or
 * above the path's parent that holds a {@code node.onex.yaml}. Answers per directory are
 * memoized, so a change of many files in one node costs one look-up per directory level.
 */
final class OwnerFinder {
  private final Snapshot from;
  private final Snapshot to;
  private final Map<String, Optional<String>> fromOwner = new HashMap<>();
  private final Map<String, Optional<String>> toOwner = new HashMap<>();

  OwnerFinder(Snapshot from, Snapshot to) {
    this.from = from;
    this.to = to;
  }

  /** The owning node directories of {@code path} in either snapshot (zero, one or two). */
  Set<String> owners(String path) {
    Set<String> out = new LinkedHashSet<>();
    String dir = GitPaths.parent(path);
    owner(from, fromOwner, dir).ifPresent(out::add);
    owner(to, toOwner, dir).ifPresent(out::add);
    return out;
  }

  private static Optional<String> owner(Snapshot s, Map<String, Optional<String>> memo, String dir) {
    Optional<String> known = memo.get(dir);
    if (known != null) {
      return known;
    }
    Optional<String> found = s.blob(GitNode.metadataPath(dir)).isPresent() ? Optional.of(dir)
        : dir.isEmpty() ? Optional.empty() : owner(s, memo, GitPaths.parent(dir));
    memo.put(dir, found);
    return found;
  }
}
