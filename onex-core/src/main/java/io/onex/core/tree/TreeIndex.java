package io.onex.core.tree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded {@code .tree}: the file it came from (display name) and its root directory entry.
 * Paths below the root are relative, {@code /}-separated and never include the root's own
 * name (which is informational: {@code onex tree} writes {@code .}).
 */
public record TreeIndex(String file, TreeEntry root) {

  public TreeIndex {
    file = file == null ? "" : file;
    Objects.requireNonNull(root, "root");
  }

  /** Relative paths of every file entry, sorted by UTF-8 byte order. */
  public List<String> filePaths() {
    List<String> out = new ArrayList<>();
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(root, ""));
    while (!stack.isEmpty()) {
      Frame top = stack.pop();
      for (TreeEntry c : top.dir().children()) {
        String path = top.prefix() + c.name();
        if (c.isDirectory()) {
          stack.push(new Frame(c, path + "/"));
        } else {
          out.add(path);
        }
      }
    }
    out.sort(Names.BYTE_ORDER);
    return out;
  }

  private record Frame(TreeEntry dir, String prefix) {}

  /** The entry at relative path {@code relPath} ({@code a/b/node.onex.yaml}), if any. */
  public Optional<TreeEntry> find(String relPath) {
    if (relPath == null || relPath.isEmpty()) {
      return Optional.empty();
    }
    TreeEntry current = root;
    for (String segment : relPath.split("/", -1)) {
      Optional<TreeEntry> next = current.child(segment);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      current = next.get();
    }
    return Optional.of(current);
  }
}
