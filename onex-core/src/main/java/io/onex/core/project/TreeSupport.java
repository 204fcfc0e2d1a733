package io.onex.core.project;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.tree.TreeChecker;
import io.onex.core.tree.TreeFiles;
import io.onex.core.tree.TreeGenerator;
import io.onex.core.tree.TreeIndex;
import io.onex.core.validate.ValidationError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The repository's {@code .tree}: agreement with the nodes on disk, and (re)generation. */
final class TreeSupport {
  private TreeSupport() {}

  /** Diagnostics for a missing, invalid or stale {@code .tree} (a warning when there is none). */
  static List<Diagnostic> check(ProjectLayout layout, List<Path> nodes, boolean full) {
    Path file = layout.treeFile();
    if (!Files.exists(file)) {
      if (nodes.isEmpty()) {
        return List.of();
      }
      return List.of(Diagnostic.warning(ValidationError.DISCOVERY_WALK, ProjectLayout.TREE_FILE, 0, 0, "",
          "no .tree at the repository root: " + nodes.size() + " node(s) were found by walking the directories",
          ValidationError.DISCOVERY_WALK.hint()));
    }
    try {
      TreeIndex index = TreeFiles.read(file, ProjectLayout.TREE_FILE);
      return TreeChecker.check(index, relative(layout, nodes));
    } catch (OnexException e) {
      return e.diagnostics();
    }
  }

  static TreeReport write(ProjectLayout layout, List<Path> nodes, boolean checkOnly) {
    Path file = layout.treeFile();
    if (checkOnly) {
      List<Diagnostic> problems = new ArrayList<>(check(layout, nodes, true));
      if (!Files.exists(file)) {
        problems = List.of(Diagnostic.error(ValidationError.DISCOVERY_WALK, ProjectLayout.TREE_FILE, 0, 0, "",
            "there is no .tree at the repository root", ValidationError.DISCOVERY_WALK.hint()));
      }
      boolean ok = problems.stream().noneMatch(Diagnostic::isError);
      return new TreeReport(ProjectLayout.TREE_FILE, ok ? TreeReport.Status.OK : TreeReport.Status.STALE, nodes.size(), problems);
    }
    String text = TreeGenerator.generate(layout.root(), nodes);
    try {
      if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
        return new TreeReport(ProjectLayout.TREE_FILE, TreeReport.Status.UNCHANGED, nodes.size(), List.of());
      }
      NodeLock.writeAtomically(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TreeReport(ProjectLayout.TREE_FILE, TreeReport.Status.WRITTEN, nodes.size(), List.of());
  }

  private static Set<String> relative(ProjectLayout layout, List<Path> nodes) {
    return nodes.stream().map(layout::relativize).collect(Collectors.toCollection(java.util.TreeSet::new));
  }
}
