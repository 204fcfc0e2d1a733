package io.onex.core.tree;

import io.onex.core.yaml.SourceLocation;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a {@code .tree}: a file, or a directory with its children. A file has no
 * children (the list is empty); a directory's list may be empty. {@code location} is where
 * the entry starts in its source ({@link SourceLocation#UNKNOWN} for built entries).
 */
public record TreeEntry(String name, Type type, List<TreeEntry> children, SourceLocation location) {

  /** The {@code type} of an entry. */
  public enum Type {
    DIRECTORY,
    FILE;

    /** {@code directory} or {@code file}, as written in the format. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public TreeEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    children = List.copyOf(children);
    location = location == null ? SourceLocation.UNKNOWN : location;
    if (type == Type.FILE && !children.isEmpty()) {
      throw new IllegalArgumentException("file entry '" + name + "' cannot have children");
    }
  }

  /** A file entry without a source location. */
  public static TreeEntry file(String name) {
    return new TreeEntry(name, Type.FILE, List.of(), SourceLocation.UNKNOWN);
  }

  /** A directory entry without a source location. */
  public static TreeEntry directory(String name, List<TreeEntry> children) {
    return new TreeEntry(name, Type.DIRECTORY, children, SourceLocation.UNKNOWN);
  }

  public boolean isDirectory() {
    return type == Type.DIRECTORY;
  }

  /** The child named {@code childName}, if any. */
  public Optional<TreeEntry> child(String childName) {
    for (TreeEntry c : children) {
      if (c.name.equals(childName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
