package io.onex.core.hash;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The path rules of the hash lock: which relative paths are acceptable, and which files are
 * not part of a node. Shared by {@link HashLock} and the directory scanner so both apply the
 * same rules.
 */
final class NodePaths {
  private static final String NESTED_SUFFIX = "/" + NodeFiles.METADATA_FILE;

  private NodePaths() {}

  /** Why {@code path} is not an acceptable node file path, or empty if it is. */
  static Optional<String> problem(String path) {
    if (path.isEmpty()) {
      return Optional.of("the path is empty");
    }
    if (path.startsWith("/")) {
      return Optional.of("the path is absolute");
    }
    if (path.indexOf('\\') >= 0) {
      return Optional.of("the path contains a backslash");
    }
    if (path.indexOf('\0') >= 0) {
      return Optional.of("the path contains a NUL character");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty()) {
        return Optional.of("the path has an empty segment");
      }
      if (segment.equals("..") || segment.equals(".")) {
        return Optional.of("the path has a '" + segment + "' segment");
      }
    }
    return Optional.empty();
  }

  /** True if {@code path} holds an unpaired surrogate (it has no UTF-8 form). */
  static boolean hasLoneSurrogate(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < path.length()
          && Character.isLowSurrogate(path.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** True for a file or directory name that is never part of a node, wherever it is. */
  static boolean excludedName(String name) {
    return name.equals(".git") || name.equals("__pycache__") || name.endsWith(".pyc");
  }

  /** The directories (relative, no trailing slash) that are nested nodes. */
  static Set<String> nestedNodeRoots(Collection<String> paths) {
    Set<String> roots = new HashSet<>();
    for (String p : paths) {
      if (p.endsWith(NESTED_SUFFIX)) {
        roots.add(p.substring(0, p.length() - NESTED_SUFFIX.length()));
      }
    }
    return roots;
  }

  /**
   * True if the file at {@code path} (already accepted by {@link #problem}) is not part of
   * the node: the root metadata file, an excluded name on the way, or inside a nested node.
   */
  static boolean excluded(String path, Set<String> nestedRoots) {
    if (path.equals(NodeFiles.METADATA_FILE)) {
      return true;
    }
    int start = 0;
    while (true) {
      int slash = path.indexOf('/', start);
      String name = slash < 0 ? path.substring(start) : path.substring(start, slash);
      if (excludedName(name)) {
        return true;
      }
      if (slash < 0) {
        return false;
      }
      if (nestedRoots.contains(path.substring(0, slash))) {
        return true;
      }
      start = slash + 1;
    }
  }
}
