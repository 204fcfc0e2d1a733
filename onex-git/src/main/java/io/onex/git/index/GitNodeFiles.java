package io.onex.git.index;

import io.onex.core.hash.NodeFiles;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.FileMode;

/**
 * A node's files from git blobs: every blob below the node directory (the hash lock drops the
 * metadata file and nested nodes itself). Contents are read when an entry is opened.
 */
final class GitNodeFiles {
  private GitNodeFiles() {}

  static NodeFiles list(Snapshot snapshot, String dir) {
    List<NodeFiles.Entry> entries = new ArrayList<>();
    for (Snapshot.Entry e : snapshot.entriesBelow(dir)) {
      entries.add(new BlobEntry(snapshot, e));
    }
    String origin = dir.isEmpty() ? "." : dir;
    return new NodeFiles() {
      @Override
      public String origin() {
        return origin;
      }

      @Override
      public List<Entry> entries() {
        return entries;
      }
    };
  }

  static NodeFiles.Mode mode(FileMode m) {
    if (m == FileMode.EXECUTABLE_FILE) {
      return NodeFiles.Mode.EXECUTABLE;
    }
    return m == FileMode.SYMLINK ? NodeFiles.Mode.SYMLINK : NodeFiles.Mode.REGULAR;
  }

  private record BlobEntry(Snapshot snapshot, Snapshot.Entry e) implements NodeFiles.Entry {
    @Override
    public String path() {
      return e.path();
    }

    @Override
    public NodeFiles.Mode mode() {
      return GitNodeFiles.mode(e.mode());
    }

    @Override
    public InputStream open() {
      return new ByteArrayInputStream(snapshot.read(e.id()));
    }
  }
}
