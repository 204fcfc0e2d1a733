package io.onex.core.project;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.model.NodeMetadata;
import io.onex.core.validate.NodeReport;
import io.onex.core.validate.NodeValidator;
import io.onex.core.validate.RepositoryRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The repository facade the CLI calls: one method per command. It finds the nodes, runs the
 * per-node and repository-wide checks, and writes hash locks and the {@code .tree}.
 */
public final class Workspace {
  private final ProjectLayout layout;
  private final List<Path> excluded;

  private Workspace(ProjectLayout layout, ProjectConfig config) {
    this.layout = layout;
    this.excluded = config.exclude().stream().map(d -> layout.root().resolve(d).normalize()).toList();
  }

  /** The workspace of the repository containing {@code start}. */
  public static Workspace open(Path start) {
    ProjectLayout layout = ProjectLayout.discover(start);
    return new Workspace(layout, ProjectConfig.load(layout));
  }

  public ProjectLayout layout() {
    return layout;
  }

  /** Every node's metadata file in the repository, sorted. */
  public List<Path> nodes() {
    return NodeDiscovery.walk(layout.root(), excluded);
  }

  /**
   * {@code onex validate}: the nodes at or below {@code targets} (all nodes when empty), plus
   * the repository checks: the {@code .tree} agrees with the disk, dependency URIs resolve,
   * no cycles, no uuid used twice.
   */
  public ValidationReport validate(List<Path> targets) {
    List<Path> all = nodes();
    List<Path> selected = targets.isEmpty() ? all : select(targets);
    NodeValidator validator = new NodeValidator(layout);
    List<NodeReport> reports = new ArrayList<>();
    for (Path meta : selected) {
      reports.add(validator.validate(meta));
    }
    List<Diagnostic> repo = new ArrayList<>();
    repo.addAll(TreeSupport.check(layout, all, targets.isEmpty()));
    repo.addAll(RepositoryRules.check(layout, all));
    return new ValidationReport(reports, repo);
  }

  /** {@code onex stamp}: hash locks of nodes, metadata blocks of other files. */
  public StampReport stamp(List<Path> targets, boolean checkOnly, Clock clock, String author) {
    List<StampReport.Entry> entries = new ArrayList<>();
    if (targets.isEmpty()) {
      nodes().forEach(m -> entries.add(StampSupport.node(layout, m.getParent(), checkOnly, clock)));
      return new StampReport(entries);
    }
    for (Path t : targets) {
      requireExists(t);
      if (Files.isDirectory(t)) {
        NodeDiscovery.walk(t, excluded).forEach(m -> entries.add(StampSupport.node(layout, m.getParent(), checkOnly, clock)));
      } else if (t.getFileName().toString().equals(NodeMetadata.FILE_NAME)) {
        entries.add(StampSupport.node(layout, t.getParent(), checkOnly, clock));
      } else {
        entries.add(StampSupport.file(layout, t, checkOnly, clock, author));
      }
    }
    return new StampReport(entries);
  }

  /**
   * Writes the node a generator node produced ({@code onex run scaffold --write-files DIR})
   * under {@code parentDir} and regenerates the {@code .tree}; returns the new node directory.
   */
  public Path writeGeneratedNode(Path parentDir, com.fasterxml.jackson.databind.JsonNode output) {
    Path dir = GeneratedNodeWriter.write(parentDir, output);
    tree(false);
    return dir;
  }

  /** {@code onex tree}: writes the index (or checks it with {@code checkOnly}). */
  public TreeReport tree(boolean checkOnly) {
    return TreeSupport.write(layout, nodes(), checkOnly);
  }

  private List<Path> select(List<Path> targets) {
    Set<Path> out = new LinkedHashSet<>();
    for (Path t : targets) {
      requireExists(t);
      if (Files.isRegularFile(t)) {
        out.add(t);
      } else if (Files.isRegularFile(t.resolve(NodeMetadata.FILE_NAME))) {
        out.add(t.resolve(NodeMetadata.FILE_NAME));
      } else {
        out.addAll(NodeDiscovery.walk(t, excluded));
      }
    }
    return List.copyOf(out);
  }

  private void requireExists(Path t) {
    if (!Files.exists(t)) {
      throw new OnexException(Diagnostic.error(ProjectError.NO_SUCH_PATH, layout.relativize(t), 0, 0, "",
          "no such file or directory: " + t));
    }
  }
}
