package io.onex.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.hash.HashLock;
import io.onex.core.hash.NodeFiles;
import io.onex.core.model.NodeMetadata;
import io.onex.core.yaml.SourceLocation;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlDocument;
import io.onex.core.yaml.YamlLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a node's hash lock ({@code onex stamp} on a node). Only the {@code hash} and
 * {@code last_modified_at} lines change; every other byte of the file (comments, order,
 * quoting) is kept. A node whose lock is already right is not touched at all, so stamping is
 * idempotent. The file is replaced atomically (temporary file + rename in the same directory).
 */
public final class NodeLock {
  private NodeLock() {}

  /** What {@link #stamp} did. */
  public enum Status { UNCHANGED, STAMPED }

  public record Outcome(Path metadataFile, Status status, String previousHash, String hash) {}

  /** Computes the lock of the node in {@code nodeDir} without writing. */
  public static String compute(Path nodeDir, String display) {
    YamlDocument doc = StrictYaml.load(nodeDir.resolve(NodeMetadata.FILE_NAME), display, YamlLimits.DEFAULT);
    return HashLock.compute(doc.root(), NodeFiles.ofDirectory(nodeDir));
  }

  public static Outcome stamp(Path nodeDir, String display, Clock clock) {
    Path file = nodeDir.resolve(NodeMetadata.FILE_NAME);
    YamlDocument doc = StrictYaml.load(file, display, YamlLimits.DEFAULT);
    JsonNode root = doc.root();
    String computed = HashLock.compute(root, NodeFiles.ofDirectory(nodeDir));
    String previous = root.path("hash").asText("");
    if (previous.equals(computed)) {
      return new Outcome(file, Status.UNCHANGED, previous, computed);
    }
    String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    try {
      List<String> lines = new ArrayList<>(List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)));
      setTopLevel(lines, doc, "hash", "\"" + computed + "\"");
      setTopLevel(lines, doc, "last_modified_at", "\"" + now + "\"");
      writeAtomically(file, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Outcome(file, Status.STAMPED, previous, computed);
  }

  /** The replacement keeps the original's permissions (an executable script stays executable). */
  private static void keepPermissions(Path original, Path replacement) throws IOException {
    try {
      Files.setPosixFilePermissions(replacement, Files.exists(original)
          ? Files.getPosixFilePermissions(original)
          : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      replacement.toFile().setExecutable(Files.isExecutable(original));
    }
  }

  /** Replaces the value of a top-level key on its line, or appends the key when absent. */
  private static void setTopLevel(List<String> lines, YamlDocument doc, String key, String value) {
    if (doc.root().has(key)) {
      SourceLocation loc = doc.locationOf("/" + key);
      int idx = loc.line() - 1;
      if (idx >= 0 && idx < lines.size() && lines.get(idx).startsWith(key + ":")) {
        String cr = lines.get(idx).endsWith("\r") ? "\r" : "";
        lines.set(idx, key + ": " + value + cr);
        return;
      }
    }
    int insertAt = lines.size();
    if (insertAt > 0 && lines.get(insertAt - 1).isEmpty()) {
      insertAt--;
    }
    lines.add(insertAt, key + ": " + value);
  }

  static void writeAtomically(Path file, String content) throws IOException {
    writeAtomically(file, content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Replaces {@code file} with {@code content} by writing a temporary file and renaming it. The
   * temporary file lives in the project's {@code .onex-store/tmp/} (git-ignored, same file
   * system) so that a concurrent stamper hashing the node directory never sees it and a killed
   * stamper leaves nothing in the node; outside a project it is a sibling of {@code file}.
   */
  static void writeAtomically(Path file, byte[] content) throws IOException {
    Path tmp = Files.createTempFile(tempDirFor(file), ".onex-stamp", ".tmp");
    try {
      Files.write(tmp, content);
      keepPermissions(file, tmp);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static Path tempDirFor(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    for (Path p = parent; p != null; p = p.getParent()) {
      Path store = p.resolve(ProjectLayout.STORE_DIR);
      if (Files.isDirectory(store)) {
        return Files.createDirectories(store.resolve("tmp"));
      }
    }
    return parent;
  }
}
