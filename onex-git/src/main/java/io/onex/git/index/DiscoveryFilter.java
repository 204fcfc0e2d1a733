package io.onex.git.index;

import java.util.List;
import java.util.Set;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Keeps only {@code node.onex.yaml} files and prunes whole subtrees that node discovery skips
 * (the same names as {@code io.onex.core.project.NodeDiscovery}) or that the configuration
 * excludes, so a walk never enters them.
 */
final class DiscoveryFilter extends TreeFilter {
  static final Set<String> SKIP = Set.of(".git", ".onex-store", "node_modules", "target", "__pycache__");
  private final List<String> exclude;

  DiscoveryFilter(List<String> exclude) {
    this.exclude = List.copyOf(exclude);
  }

  @Override
  public boolean include(TreeWalk walker) {
    String name = walker.getNameString();
    if (walker.isSubtree()) {
      if (SKIP.contains(name)) {
        return false;
      }
      String path = walker.getPathString();
      return exclude.stream().noneMatch(e -> GitPaths.within(path, e));
    }
    return name.equals(GitNode.METADATA);
  }

  @Override
  public boolean shouldBeRecursive() {
    return true;
  }

  @Override
  public TreeFilter clone() {
    return this;
  }
}
