package io.onex.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.record.ExecutionRecord;
import io.onex.store.NodeMemory;
import io.onex.store.TrustScore;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Text and JSON shapes of records and node memory for {@code onex log} and {@code onex show}
 * (docs/formats/log.md). Colours are ANSI SGR codes, used only when the caller says so.
 */
final class RecordText {
  static final int SHORT_HASH = 12;
  private final boolean colour;

  RecordText(boolean colour) {
    this.colour = colour;
  }

  /** {@code <time>  <node>  <version>  <status>  <duration>ms  <hit|->  <short trace hash>}. */
  String oneline(ExecutionRecord r) {
    String time = r.startedAt().length() >= 19 ? r.startedAt().substring(0, 10) + " " + r.startedAt().substring(11, 19)
        : r.startedAt();
    return time + "  " + paint("1", r.node().id()) + "  " + r.node().version() + "  " + status(r.status()) + "  "
        + r.durationMs() + "ms  " + (r.status().equals("cached") ? paint("36", "hit") : "-") + "  "
        + paint("33", shortHash(r.traceHash()));
  }

  /** Several lines per record, like {@code git log}'s medium format. */
  String full(ExecutionRecord r) {
    StringBuilder b = new StringBuilder();
    b.append(paint("33", "record " + r.recordId())).append('\n');
    line(b, "node", r.node().id() + " (" + r.node().name() + ") @ " + r.node().version());
    line(b, "status", status(r.status()) + r.exitCode().map(c -> "  exit " + c).orElse(""));
    r.error().ifPresent(e -> line(b, "error", e.code() + ": " + e.message()));
    line(b, "started", r.startedAt() + "  duration " + r.durationMs() + " ms"
        + r.costUsd().map(c -> "  cost " + c.toPlainString() + " USD").orElse(""));
    line(b, "trace", r.traceHash());
    line(b, "cache key", r.cacheKey());
    r.cachedFrom().ifPresent(c -> line(b, "cached from", c));
    line(b, "node hash", r.node().hash());
    line(b, "input", r.inputHash());
    r.outputHash().ifPresent(o -> line(b, "output", o));
    line(b, "executor", r.executor() + " on " + r.environment().os() + "/" + r.environment().arch()
        + ", JDK " + r.environment().jdk());
    r.commit().ifPresent(c -> line(b, "commit", c));
    if (r.trustBefore().isPresent() || r.trustAfter().isPresent()) {
      line(b, "trust", r.trustBefore().map(Object::toString).orElse("-") + " -> "
          + r.trustAfter().map(Object::toString).orElse("-"));
    }
    return b.toString();
  }

  String memory(NodeMemory m) {
    StringBuilder b = new StringBuilder();
    var a = m.aggregates();
    b.append(paint("1", "memory " + m.label())).append('\n');
    line(b, "runs", a.totalRuns() + " (" + a.successCount() + " success, " + a.failureCount() + " failure/error)");
    line(b, "avg latency", a.avgLatencyMs().isPresent() ? String.format(Locale.ROOT, "%.1f ms", a.avgLatencyMs().getAsDouble()) : "-");
    line(b, "avg cost", a.avgCostUsd().map(c -> c.toPlainString() + " USD").orElse("-"));
    line(b, "last success", a.lastSuccess().orElse("never"));
    TrustScore t = m.trust();
    line(b, "trust", String.format(Locale.ROOT, "%.3f", t.value()) + " over " + t.samples() + " run(s)"
        + (t.sufficient() ? "" : " (too few runs to judge)"));
    line(b, "profile", "speed " + score(m.profile().speed()) + ", accuracy " + score(m.profile().accuracy())
        + ", efficiency " + score(m.profile().efficiency()) + " (0-10)");
    line(b, "regeneration", t.regeneration() ? paint("31", "needed") + " (" + t.consecutiveFailures()
        + " failure(s) in a row)" : "no");
    line(b, "deterministic", m.nondeterministic() ? paint("31", "no") + " (" + m.nondeterministicCount()
        + " success(es) gave another output for the same cache key)" : "yes, as far as seen");
    return b.toString();
  }

  static ObjectNode memoryJson(NodeMemory m) {
    ObjectNode o = Json.F.objectNode();
    var a = m.aggregates();
    o.put("namespace", m.namespace());
    o.put("version", m.version());
    o.put("name", m.name());
    ObjectNode ag = o.putObject("aggregates");
    ag.put("total_runs", a.totalRuns());
    ag.put("success_count", a.successCount());
    ag.put("failure_count", a.failureCount());
    number(ag, "avg_latency_ms", a.avgLatencyMs());
    ag.put("avg_cost_usd", a.avgCostUsd().orElse(null));
    ag.put("last_success", a.lastSuccess().orElse(null));
    ObjectNode t = o.putObject("trust");
    t.put("value", m.trust().value());
    t.put("samples", m.trust().samples());
    t.put("sufficient", m.trust().sufficient());
    t.put("consecutive_failures", m.trust().consecutiveFailures());
    ObjectNode p = o.putObject("profile");
    number(p, "speed", m.profile().speed());
    number(p, "accuracy", m.profile().accuracy());
    number(p, "efficiency", m.profile().efficiency());
    o.put("regeneration", m.trust().regeneration());
    o.put("nondeterministic", m.nondeterministic());
    return o;
  }

  private static void number(ObjectNode o, String key, OptionalDouble v) {
    if (v.isPresent()) {
      o.put(key, v.getAsDouble());
    } else {
      o.putNull(key);
    }
  }

  private static String score(OptionalDouble v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%.1f", v.getAsDouble()) : "-";
  }

  static String shortHash(String h) {
    return h.length() <= SHORT_HASH ? h : h.substring(0, SHORT_HASH);
  }

  private String status(String s) {
    return switch (s) {
      case "success" -> paint("32", s);
      case "failure", "error" -> paint("31", s);
      case "cached" -> paint("36", s);
      default -> s;
    };
  }

  private static void line(StringBuilder b, String key, String value) {
    b.append("  ").append(key).append(':').append(" ".repeat(Math.max(1, 14 - key.length()))).append(value).append('\n');
  }

  private String paint(String sgr, String text) {
    return colour ? "\u001b[" + sgr + "m" + text + "\u001b[0m" : text;
  }
}
