package io.onex.core.hash;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;

/** {@link NodeFiles} held in memory. */
record MemoryNodeFiles(String origin, List<NodeFiles.Entry> entries) implements NodeFiles {

  record MemoryEntry(String path, Mode mode, byte[] content) implements NodeFiles.Entry {
    MemoryEntry {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(content, "content");
    }

    @Override
    public InputStream open() {
      return new ByteArrayInputStream(content);
    }
  }
}
