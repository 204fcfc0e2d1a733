package io.onex.git.index;

import java.util.Optional;

/**
 * How one node changed between two snapshots. {@code before} is empty for an added node,
 * {@code after} for a deleted one; a rename (same metadata blob, or same uuid, under another
 * directory) carries both with different directories.
 */
public record NodeChange(Kind kind, Optional<GitNode> before, Optional<GitNode> after) {
  /** The kinds of change. */
  public enum Kind { ADDED, MODIFIED, DELETED, RENAMED }

  /** The directory the node has after the change, or had before a deletion. */
  public String dir() {
    return after.or(() -> before).map(GitNode::dir).orElse("");
  }
}
