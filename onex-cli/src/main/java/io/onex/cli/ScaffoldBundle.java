package io.onex.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The project's own scaffold node ({@code nodes/scaffold}), bundled in the CLI jar so that
 * {@code onex demo} can install it in a fresh repository. {@link #FILES} must list exactly the
 * files of {@code nodes/scaffold} (a test checks it), so the installed copy keeps its hash lock.
 */
final class ScaffoldBundle {
  static final List<String> FILES = List.of(
      "node.onex.yaml",
      "scaffold.py",
      "state_contract.json",
      "templates/cli/run.sh.tmpl",
      "templates/cli/template.json",
      "templates/java/Node.java.tmpl",
      "templates/java/template.json",
      "templates/noop/README.md.tmpl",
      "templates/noop/template.json",
      "templates/python/main.py.tmpl",
      "templates/python/template.json");

  private ScaffoldBundle() {}

  static void install(Path dir) {
    try {
      for (String f : FILES) {
        Path target = dir.resolve(f);
        Files.createDirectories(target.getParent());
        try (InputStream in = ScaffoldBundle.class.getResourceAsStream("scaffold/" + f)) {
          if (in == null) {
            throw new IllegalStateException("the CLI jar lacks the bundled scaffold file " + f);
          }
          Files.copy(in, target);
        }
      }
      dir.resolve("scaffold.py").toFile().setExecutable(true, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
