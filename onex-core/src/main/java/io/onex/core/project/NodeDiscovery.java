package io.onex.core.project;

import io.onex.core.model.NodeMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds node directories (those holding a {@code node.onex.yaml}) by walking the file system
 * below a root. Symlinks are not followed; {@code .git}, {@code .onex-store},
 * {@code node_modules} and {@code target} directories are skipped. Results are sorted by path,
 * so every run sees the same order.
 */
public final class NodeDiscovery {
  private static final Set<String> SKIP = Set.of(".git", ProjectLayout.STORE_DIR, "node_modules", "target", "__pycache__");

  private NodeDiscovery() {}

  /** The metadata files of every node at or below {@code dir}. */
  public static List<Path> walk(Path dir) {
    return walk(dir, List.of());
  }

  /** As {@link #walk(Path)}, skipping the directories {@code excluded} (absolute paths). */
  public static List<Path> walk(Path dir, List<Path> excluded) {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          if (!d.equals(dir) && (SKIP.contains(d.getFileName().toString()) || excluded.contains(d))) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          Path meta = d.resolve(NodeMetadata.FILE_NAME);
          if (Files.isRegularFile(meta, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            found.add(meta);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    found.sort(Comparator.comparing(Path::toString));
    return found;
  }
}
