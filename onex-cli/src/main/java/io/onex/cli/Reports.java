package io.onex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.project.StampReport;
import io.onex.core.project.TreeReport;
import io.onex.core.project.ValidationReport;
import io.onex.core.validate.NodeReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints command results as text (for people) or JSON (docs/formats/cli-json.md). */
final class Reports {
  private Reports() {}

  static void print(ValidationReport r, OutputFormat format, PrintWriter out) {
    if (format == OutputFormat.JSON) {
      ObjectNode o = Json.F.objectNode();
      o.put("format", "onex.validate/1");
      o.put("ok", r.ok());
      ObjectNode summary = o.putObject("summary");
      summary.put("nodes", r.nodes().size());
      summary.put("errors", r.errors());
      summary.put("warnings", r.warnings());
      ArrayNode nodes = o.putArray("nodes");
      for (NodeReport n : r.nodes()) {
        ObjectNode jn = nodes.addObject();
        jn.put("file", n.displayName());
        jn.put("ok", n.ok());
        jn.put("name", n.metadata().map(m -> m.name()).orElse(null));
        jn.put("version", n.metadata().map(m -> m.version()).orElse(null));
        jn.put("hash", n.computedHash().orElse(null));
        jn.set("diagnostics", Json.diagnostics(n.diagnostics()));
      }
      o.set("repository", Json.diagnostics(r.repository()));
      out.println(Json.write(o));
      return;
    }
    for (NodeReport n : r.nodes()) {
      if (n.diagnostics().isEmpty()) {
        out.println(n.displayName() + ": ok");
      }
      n.diagnostics().forEach(d -> out.println(d.format()));
    }
    r.repository().forEach(d -> out.println(d.format()));
    out.println(r.nodes().size() + " node" + (r.nodes().size() == 1 ? "" : "s") + " checked: "
        + plural(r.errors(), "error") + ", " + plural(r.warnings(), "warning"));
  }

  static void print(StampReport r, boolean check, OutputFormat format, PrintWriter out) {
    if (format == OutputFormat.JSON) {
      ObjectNode o = Json.F.objectNode();
      o.put("format", "onex.stamp/1");
      o.put("ok", r.ok());
      o.put("check", check);
      ArrayNode entries = o.putArray("entries");
      for (StampReport.Entry e : r.entries()) {
        ObjectNode je = entries.addObject();
        je.put("path", e.path());
        je.put("kind", e.kind());
        je.put("status", e.status().name().toLowerCase(Locale.ROOT));
        je.put("previous_hash", e.previousHash());
        je.put("hash", e.hash());
        je.set("diagnostics", Json.diagnostics(e.diagnostics()));
      }
      out.println(Json.write(o));
      return;
    }
    for (StampReport.Entry e : r.entries()) {
      String status = e.status().name().toLowerCase(Locale.ROOT);
      String detail = switch (e.status()) {
        case STAMPED, RESTAMPED -> " " + shortHash(e.previousHash()) + " -> " + shortHash(e.hash());
        case MISMATCH -> " (stored " + shortHash(e.previousHash()) + ", computed " + shortHash(e.hash()) + ")";
        default -> "";
      };
      out.println(e.path() + ": " + status + detail);
      e.diagnostics().forEach(d -> out.println(d.format()));
    }
    if (r.entries().isEmpty()) {
      out.println("nothing to stamp: no nodes found (create one with: onex new <name>)");
    }
  }

  static void print(TreeReport r, OutputFormat format, PrintWriter out) {
    if (format == OutputFormat.JSON) {
      ObjectNode o = Json.F.objectNode();
      o.put("format", "onex.tree/1");
      o.put("ok", r.ok());
      o.put("path", r.path());
      o.put("status", r.status().name().toLowerCase(Locale.ROOT));
      o.put("nodes", r.nodes());
      o.set("diagnostics", Json.diagnostics(r.diagnostics()));
      out.println(Json.write(o));
      return;
    }
    r.diagnostics().forEach(d -> out.println(d.format()));
    out.println(r.path() + ": " + r.status().name().toLowerCase(Locale.ROOT) + " (" + plural(r.nodes(), "node") + ")");
  }

  static void diagnostics(List<Diagnostic> ds, PrintWriter out) {
    ds.forEach(d -> out.println(d.format()));
  }

  private static String shortHash(String h) {
    return h == null || h.length() < 12 ? String.valueOf(h) : h.substring(0, 12);
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
