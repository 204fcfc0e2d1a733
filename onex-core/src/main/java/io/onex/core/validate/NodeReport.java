package io.onex.core.validate;

import io.onex.core.diag.Diagnostic;
import io.onex.core.model.NodeMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on one node: every diagnostic found (not only the first), the parsed metadata when
 * the file got far enough, and the hash lock computed from the node's current content.
 */
public record NodeReport(
    Path metadataFile,
    String displayName,
    List<Diagnostic> diagnostics,
    Optional<NodeMetadata> metadata,
    Optional<String> computedHash) {

  public NodeReport {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return diagnostics.stream().noneMatch(Diagnostic::isError);
  }
}
