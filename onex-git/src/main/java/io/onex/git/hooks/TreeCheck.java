package io.onex.git.hooks;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.project.ProjectConfig;
import io.onex.core.project.ProjectLayout;
import io.onex.core.tree.TreeChecker;
import io.onex.core.tree.TreeFiles;
import io.onex.core.tree.TreeIndex;
import io.onex.git.GitError;
import io.onex.git.index.GitNode;
import io.onex.git.index.NodeIndex;
import io.onex.git.index.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Repository-level checks of a snapshot: the staged {@code .tree} and configuration. */
final class TreeCheck {
  private TreeCheck() {}

  /** Problems of the staged {@code .tree} against the staged nodes (ONEX-J005 first, then the T codes). */
  static List<Diagnostic> tree(NodeIndex index, Snapshot s) {
    List<GitNode> nodes = s.nodes(index.exclude(s));
    Set<String> paths = nodes.stream().map(GitNode::metadataPath).collect(Collectors.toSet());
    List<Diagnostic> out = new ArrayList<>();
    var blob = s.blob(NodeIndex.TREE_PATH);
    if (blob.isEmpty()) {
      if (!nodes.isEmpty()) {
        out.add(GitError.TREE_DISAGREES.at(NodeIndex.TREE_PATH, "no .tree is staged, but " + nodes.size()
            + " node(s) are"));
      }
      return out;
    }
    try {
      TreeIndex tree = TreeFiles.parse(s.read(blob.get()), NodeIndex.TREE_PATH);
      List<Diagnostic> d = TreeChecker.check(tree, paths);
      if (!d.isEmpty()) {
        out.add(GitError.TREE_DISAGREES.at(NodeIndex.TREE_PATH, "the staged .tree does not list exactly the staged nodes"));
        out.addAll(d);
      }
    } catch (OnexException e) {
      out.add(GitError.TREE_DISAGREES.at(NodeIndex.TREE_PATH, "the staged .tree cannot be read"));
      out.addAll(e.diagnostics());
    }
    return out;
  }

  /** Problems of the staged configuration (checked by core, from a copy of the staged bytes). */
  static List<Diagnostic> config(Snapshot s, Path tempBase) {
    var blob = s.blob(NodeIndex.CONFIG_PATH);
    if (blob.isEmpty()) {
      return List.of();
    }
    Path dir = null;
    try {
      Files.createDirectories(tempBase);
      dir = Files.createTempDirectory(tempBase, "onex-config-");
      Path f = dir.resolve(NodeIndex.CONFIG_PATH);
      Files.createDirectories(f.getParent());
      Files.write(f, s.read(blob.get()));
      ProjectConfig.load(new ProjectLayout(dir));
      return List.of();
    } catch (OnexException e) {
      return e.diagnostics();
    } catch (java.io.IOException e) {
      throw GitError.io("check the staged configuration", e);
    } finally {
      Materializer.delete(dir);
    }
  }
}
