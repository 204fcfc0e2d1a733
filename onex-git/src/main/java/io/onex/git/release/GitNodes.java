package io.onex.git.release;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.hash.HashLock;
import io.onex.core.hash.NodeFiles;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlLimits;
import io.onex.sign.SignError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Nodes as git objects at one commit: metadata blob, files and hash lock computed from the
 * object bytes (never the working tree, whose line endings or filters may differ).
 */
final class GitNodes {
  private GitNodes() {}

  /** One node at a commit. */
  record GitNode(String path, ObjectId blob, JsonNode metadata, String computedLock) {}

  /** The directories (relative, {@code /}-separated, "" for the root) holding a node.onex.yaml. */
  static List<String> nodeDirs(Repository repo, org.eclipse.jgit.lib.AnyObjectId tree, List<String> excluded) throws IOException {
    List<String> out = new ArrayList<>();
    try (TreeWalk tw = new TreeWalk(repo)) {
      tw.addTree(tree);
      tw.setRecursive(true);
      while (tw.next()) {
        String p = tw.getPathString();
        if (p.equals(NodeFiles.METADATA_FILE) || p.endsWith("/" + NodeFiles.METADATA_FILE)) {
          String dir = p.length() == NodeFiles.METADATA_FILE.length() ? "" : p.substring(0, p.length() - NodeFiles.METADATA_FILE.length() - 1);
          if (excluded.stream().noneMatch(e -> dir.equals(e) || dir.startsWith(e + "/"))) {
            out.add(dir);
          }
        }
      }
    }
    return out;
  }

  /** The node at {@code dir} in {@code commit}, or empty if it has no node.onex.yaml there. */
  static Optional<GitNode> read(Repository repo, RevCommit commit, String dir) throws IOException {
    return read(repo, commit.getTree(), commit.name().substring(0, 12), dir);
  }

  /** The node at {@code dir} in {@code tree} ({@code label} names the tree in messages). */
  static Optional<GitNode> read(Repository repo, org.eclipse.jgit.lib.AnyObjectId tree, String label, String dir) throws IOException {
    String prefix = dir.isEmpty() ? "" : dir + "/";
    ObjectId meta = null;
    List<NodeFiles.Entry> entries = new ArrayList<>();
    try (ObjectReader reader = repo.newObjectReader(); TreeWalk tw = new TreeWalk(repo, reader)) {
      tw.addTree(tree);
      tw.setRecursive(true);
      if (!dir.isEmpty()) {
        tw.setFilter(org.eclipse.jgit.treewalk.filter.PathFilter.create(dir));
      }
      while (tw.next()) {
        String p = tw.getPathString();
        if (!p.startsWith(prefix)) {
          continue;
        }
        String rel = p.substring(prefix.length());
        ObjectId id = tw.getObjectId(0);
        if (rel.equals(NodeFiles.METADATA_FILE)) {
          meta = id;
          continue;
        }
        NodeFiles.Mode mode = mode(tw.getFileMode(0));
        if (mode != null) {
          entries.add(NodeFiles.entry(rel, mode, reader.open(id).getBytes()));
        }
      }
      if (meta == null) {
        return Optional.empty();
      }
      String display = label + ":" + prefix + NodeFiles.METADATA_FILE;
      JsonNode metaTree = StrictYaml.parseMapping(reader.open(meta).getBytes(), display, YamlLimits.DEFAULT).root();
      String lock = HashLock.compute(metaTree, NodeFiles.of(label + ":" + dir, entries));
      return Optional.of(new GitNode(dir, meta, metaTree, lock));
    }
  }

  private static NodeFiles.Mode mode(FileMode m) {
    if (m == FileMode.REGULAR_FILE) {
      return NodeFiles.Mode.REGULAR;
    }
    if (m == FileMode.EXECUTABLE_FILE) {
      return NodeFiles.Mode.EXECUTABLE;
    }
    if (m == FileMode.SYMLINK) {
      return NodeFiles.Mode.SYMLINK;
    }
    return null;
  }

  static OnexException io(String what, Exception e) {
    return new OnexException(Diagnostic.error(SignError.RELEASE_STATE_IO, what, 0, 0, "",
        "cannot read the repository: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
  }
}
