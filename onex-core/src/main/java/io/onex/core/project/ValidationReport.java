package io.onex.core.project;

import io.onex.core.diag.Diagnostic;
import io.onex.core.validate.NodeReport;
import java.util.List;
import java.util.stream.Stream;

/**
 * The result of {@code onex validate}: one report per node, plus the repository-level findings
 * ({@code .tree} agreement, URI resolution, cycles, duplicate uuids).
 */
public record ValidationReport(List<NodeReport> nodes, List<Diagnostic> repository) {
  public ValidationReport {
    nodes = List.copyOf(nodes);
    repository = List.copyOf(repository);
  }

  public Stream<Diagnostic> all() {
    return Stream.concat(nodes.stream().flatMap(n -> n.diagnostics().stream()), repository.stream());
  }

  public long errors() {
    return all().filter(Diagnostic::isError).count();
  }

  public long warnings() {
    return all().filter(d -> !d.isError()).count();
  }

  public boolean ok() {
    return errors() == 0;
  }
}
