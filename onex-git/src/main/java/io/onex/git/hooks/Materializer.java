package io.onex.git.hooks;

import io.onex.git.GitError;
import io.onex.git.index.GitNode;
import io.onex.git.index.NodeIndex;
import io.onex.git.index.Snapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes nodes of a snapshot (the index at pre-commit) into a fresh directory, byte for byte
 * from their blobs (no filters, no line-ending conversion), with the snapshot's
 * {@code .onex-store/config.yaml}, so that validation and execution see exactly what is
 * committed, never the working tree. Symlinks are recreated as links; executables get 0755.
 */
final class Materializer {
  private Materializer() {}

  static Path write(NodeIndex index, Snapshot snapshot, Collection<GitNode> nodes, Path base) {
    try {
      Files.createDirectories(base);
      Path root = Files.createTempDirectory(base, "onex-staged-");
      Path cfg = root.resolve(NodeIndex.CONFIG_PATH);
      Files.createDirectories(cfg.getParent());
      byte[] config = snapshot.blob(NodeIndex.CONFIG_PATH).map(snapshot::read)
          .orElse("config_version: 1\n".getBytes(StandardCharsets.UTF_8));
      Files.write(cfg, config);
      for (GitNode n : nodes) {
        writeNode(snapshot, n, root);
      }
      return root;
    } catch (IOException e) {
      throw GitError.io("write the staged nodes under " + base, e);
    }
  }

  private static void writeNode(Snapshot snapshot, GitNode n, Path root) throws IOException {
    Path dir = n.dir().isEmpty() ? root : root.resolve(n.dir());
    for (Snapshot.FileBlob f : snapshot.blobsBelow(n.dir())) {
      Path target = dir.resolve(f.path()).normalize();
      if (!target.startsWith(root)) {
        continue;
      }
      Files.createDirectories(target.getParent());
      byte[] bytes = snapshot.read(f.id());
      if (f.symlink()) {
        Files.deleteIfExists(target);
        Files.createSymbolicLink(target, Path.of(new String(bytes, StandardCharsets.UTF_8)));
      } else {
        Files.write(target, bytes);
        if (f.executable()) {
          Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      }
    }
  }

  static void delete(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory: left for the OS to clean
    }
  }
}
