package io.onex.core.project;

import io.onex.core.diag.Diagnostic;
import java.util.List;

/** The result of {@code onex tree}. */
public record TreeReport(String path, Status status, int nodes, List<Diagnostic> diagnostics) {

  public enum Status {
    /** the index was (re)written */
    WRITTEN,
    /** the index was already current; nothing written */
    UNCHANGED,
    /** --check: the index agrees with the nodes on disk */
    OK,
    /** --check: the index disagrees with the nodes on disk or is invalid */
    STALE
  }

  public TreeReport {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return status != Status.STALE;
  }
}
