package io.onex.core.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code onex init}: creates {@code .onex-store/} with its configuration and a
 * {@code .gitignore} that keeps the derived local index out of git. Idempotent: existing
 * files are never overwritten.
 */
public final class ProjectInit {
  static final String CONFIG = """
      # ONEX repository configuration (docs/formats/config.md).
      config_version: 1
      """;

  static final String GITIGNORE = """
      # The MapDB store and its lock are a derived local index, rebuilt from git notes:
      # never commit them. Configuration and the trust root (trust/) are committed.
      *.db
      *.db.*
      *.wal.*
      *.lock
      records/
      tmp/
      outputs/
      nondeterministic.json
      notes-indexed
      notes-indexed.tmp
      *.dirty
      """;

  private ProjectInit() {}

  /** What {@link #init} did. */
  public record Result(Path root, List<Path> created, boolean wasInitialized, boolean gitRepository) {}

  public static Result init(Path directory) {
    ProjectLayout layout = ProjectLayout.discover(directory);
    if (!layout.isGitRepository() && !layout.isInitialized()) {
      layout = new ProjectLayout(directory.toAbsolutePath().normalize());
    }
    boolean was = layout.isInitialized();
    List<Path> created = new ArrayList<>();
    try {
      Files.createDirectories(layout.storeDir());
      writeIfAbsent(layout.configFile(), CONFIG, created);
      writeIfAbsent(layout.storeDir().resolve(".gitignore"), GITIGNORE, created);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(layout.root(), created, was, layout.isGitRepository());
  }

  private static void writeIfAbsent(Path file, String content, List<Path> created) throws IOException {
    if (!Files.exists(file)) {
      Files.writeString(file, content, StandardCharsets.UTF_8);
      created.add(file);
    }
  }
}
