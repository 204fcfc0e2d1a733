package io.onex.core.tree;

import io.onex.core.diag.Diagnostic;
import io.onex.core.yaml.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks that a {@code .tree} agrees with the node metadata files on disk: every node is
 * listed, and every listed {@code node.onex.yaml} exists. Paths are relative to the tree root,
 * {@code /}-separated; diagnostics come sorted by path (UTF-8 byte order).
 */
public final class TreeChecker {
  private TreeChecker() {}

  /**
   * Diagnostics for disagreement between {@code tree} and {@code nodeMetadataRelPaths} (the
   * {@code node.onex.yaml} files found on disk); empty when they agree.
   */
  public static List<Diagnostic> check(TreeIndex tree, Set<String> nodeMetadataRelPaths) {
    TreeMap<String, Diagnostic> byPath = new TreeMap<>(Names.BYTE_ORDER);
    for (String path : nodeMetadataRelPaths) {
      String problem = pathProblem(path);
      if (problem != null) {
        byPath.put(String.valueOf(path), Diagnostic.error(TreeError.BAD_NODE_PATH, tree.file(), 0, 0, "",
            "node metadata path '" + path + "' " + problem));
      } else if (tree.find(path).filter(e -> !e.isDirectory()).isEmpty()) {
        byPath.put(path, Diagnostic.error(TreeError.NODE_NOT_IN_TREE, tree.file(), 0, 0, "",
            "node metadata '" + path + "' is not listed in " + displayName(tree)));
      }
    }
    for (String path : tree.filePaths()) {
      if (isNodeMetadata(path) && !nodeMetadataRelPaths.contains(path)) {
        SourceLocation loc = tree.find(path).map(TreeEntry::location).orElse(SourceLocation.UNKNOWN);
        byPath.put(path, Diagnostic.error(TreeError.NODE_MISSING_ON_DISK, tree.file(), loc.line(),
            loc.column(), "", displayName(tree) + " lists '" + path + "' but no such node metadata exists"));
      }
    }
    return List.copyOf(new ArrayList<>(byPath.values()));
  }

  private static boolean isNodeMetadata(String path) {
    return path.equals(Names.NODE_METADATA) || path.endsWith("/" + Names.NODE_METADATA);
  }

  private static String pathProblem(String path) {
    if (path == null || path.isEmpty()) {
      return "is empty";
    }
    if (!isNodeMetadata(path)) {
      return "does not name a " + Names.NODE_METADATA + " file";
    }
    if (path.startsWith("/")) {
      return "is absolute (expected a path relative to the tree root)";
    }
    for (String segment : path.split("/", -1)) {
      String problem = Names.problem(segment);
      if (problem != null) {
        return "has a segment that " + problem;
      }
    }
    return null;
  }

  private static String displayName(TreeIndex tree) {
    return tree.file().isEmpty() ? TreeFiles.FILE_NAME : tree.file();
  }
}
