package io.onex.core.project;

import io.onex.core.diag.OnexException;
import io.onex.core.hash.HashLock;
import io.onex.core.hash.NodeFiles;
import io.onex.core.model.NodeMetadata;
import io.onex.core.stamp.StampCheck;
import io.onex.core.stamp.StampContext;
import io.onex.core.stamp.StampResult;
import io.onex.core.stamp.Stamper;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlDocument;
import io.onex.core.yaml.YamlLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** One stamp-report entry per node (hash lock) or per file (metadata block). */
final class StampSupport {
  private StampSupport() {}

  static StampReport.Entry node(ProjectLayout layout, Path nodeDir, boolean checkOnly, Clock clock) {
    String display = layout.relativize(nodeDir.resolve(NodeMetadata.FILE_NAME));
    try {
      if (checkOnly) {
        YamlDocument doc = StrictYaml.load(nodeDir.resolve(NodeMetadata.FILE_NAME), display, YamlLimits.DEFAULT);
        String computed = HashLock.compute(doc.root(), NodeFiles.ofDirectory(nodeDir));
        String stored = doc.root().path("hash").asText("");
        StampReport.Status s = stored.equals(computed) ? StampReport.Status.OK : StampReport.Status.MISMATCH;
        return new StampReport.Entry(display, "node", s, stored, computed, List.of());
      }
      NodeLock.Outcome o = NodeLock.stamp(nodeDir, display, clock);
      StampReport.Status s = o.status() == NodeLock.Status.UNCHANGED ? StampReport.Status.UNCHANGED : StampReport.Status.STAMPED;
      return new StampReport.Entry(display, "node", s, o.previousHash(), o.hash(), List.of());
    } catch (OnexException e) {
      return new StampReport.Entry(display, "node", StampReport.Status.ERROR, "", "", e.diagnostics());
    }
  }

  static StampReport.Entry file(ProjectLayout layout, Path file, boolean checkOnly, Clock clock, String author) {
    String display = layout.relativize(file);
    Stamper stamper = new Stamper();
    try {
      if (Files.size(file) > Stamper.MAX_FILE_BYTES) {
        StampCheck c = stamper.check(file, new byte[0]);
        return new StampReport.Entry(display, "file", StampReport.Status.ERROR, "", "", c.diagnostics());
      }
      byte[] content = Files.readAllBytes(file);
      if (checkOnly) {
        StampCheck c = stamper.check(file, content);
        return new StampReport.Entry(display, "file", status(c.status()), c.storedHash(), c.computedHash(),
            c.ok() ? List.of() : c.diagnostics());
      }
      StampResult r = stamper.stamp(file, content, StampContext.withRandomUuids(clock, author));
      if (r.changed()) {
        NodeLock.writeAtomically(file, r.content());
      }
      StampReport.Status s = switch (r.status()) {
        case UNCHANGED -> StampReport.Status.UNCHANGED;
        case STAMPED -> StampReport.Status.STAMPED;
        case RESTAMPED -> StampReport.Status.RESTAMPED;
      };
      return new StampReport.Entry(display, "file", s, "", r.hash(), r.diagnostics());
    } catch (OnexException e) {
      return new StampReport.Entry(display, "file", StampReport.Status.ERROR, "", "", e.diagnostics());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static StampReport.Status status(StampCheck.Status s) {
    return switch (s) {
      case OK -> StampReport.Status.OK;
      case MISMATCH -> StampReport.Status.MISMATCH;
      case MISSING -> StampReport.Status.MISSING;
      case MALFORMED, UNSUPPORTED -> StampReport.Status.ERROR;
    };
  }
}
