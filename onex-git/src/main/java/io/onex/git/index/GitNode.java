package io.onex.git.index;

import java.util.Objects;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A node as git stores it: its directory relative to the repository root ({@code ""} for a
 * node at the root, never a trailing slash) and the blob id of its {@code node.onex.yaml}.
 */
public record GitNode(String dir, ObjectId metadataBlob) {
  /** The metadata file name of every node. */
  public static final String METADATA = "node.onex.yaml";

  public GitNode {
    Objects.requireNonNull(dir, "dir");
    metadataBlob = metadataBlob.copy();
  }

  /** {@code dir/node.onex.yaml} (or {@code node.onex.yaml} at the root). */
  public String metadataPath() {
    return metadataPath(dir);
  }

  static String metadataPath(String dir) {
    return dir.isEmpty() ? METADATA : dir + "/" + METADATA;
  }

  /** The directory of {@code metadataPath}, which must end in {@code node.onex.yaml}. */
  static String dirOf(String metadataPath) {
    return metadataPath.equals(METADATA) ? "" : metadataPath.substring(0, metadataPath.length() - METADATA.length() - 1);
  }
}
