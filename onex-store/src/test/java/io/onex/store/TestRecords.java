package io.onex.store;

import io.onex.core.hash.Sha256;
import io.onex.core.record.ExecutionRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Valid execution records for tests, derived deterministically from their id. */
final class TestRecords {
  static final ExecutionRecord.Environment ENV =
      new ExecutionRecord.Environment("linux", "amd64", "17.0.15", Map.of("python", "3.11.9"));

  private TestRecords() {}

  static String hash(String seed) {
    return Sha256.hex(seed.getBytes(StandardCharsets.UTF_8));
  }

  /** A record of {@code ns@version} with the given status, start second and cache key seed. */
  static ExecutionRecord record(String id, String ns, String version, String status, long startSecond,
      String cacheSeed, long durationMs, BigDecimal cost) {
    boolean ran = !status.equals("cached") && !status.equals("skipped");
    Optional<ExecutionRecord.ErrorInfo> error = status.equals("error") || status.equals("failure")
        ? Optional.of(new ExecutionRecord.ErrorInfo("ONEX-E002", "exit 1 for " + id))
        : Optional.empty();
    String name = ns.substring(ns.lastIndexOf('.') + 1);
    return new ExecutionRecord(
        id,
        new ExecutionRecord.NodeRef(ns, name, version, hash("node:" + ns + version)),
        hash("in:" + cacheSeed),
        hash("cfg"),
        status.equals("success") || status.equals("cached") ? Optional.of(hash("out:" + cacheSeed)) : Optional.empty(),
        hash("trace:" + id),
        hash("key:" + cacheSeed),
        status,
        ran ? Optional.of(status.equals("success") ? 0 : 1) : Optional.empty(),
        error,
        Instant.ofEpochSecond(1_750_000_000L + startSecond).toString(),
        ran ? durationMs : 0,
        Optional.ofNullable(cost),
        "local",
        ENV,
        Optional.of("0123456789abcdef0123456789abcdef01234567"),
        Optional.empty(),
        status.equals("cached") ? Optional.of("rec-origin") : Optional.empty(),
        Optional.of(new BigDecimal("0.5")),
        Optional.of(new BigDecimal("0.55")));
  }

  /** A success of {@code demo.tools.echo@1.0.0} whose cache key and time come from {@code n}. */
  static ExecutionRecord success(String id, long n) {
    return record(id, "demo.tools.echo", "1.0.0", "success", n, id, 10 + n % 7, new BigDecimal("0.001"));
  }

  /** {@code count} successes with ids {@code <prefix>-<i>}, time = i. */
  static List<ExecutionRecord> batch(String prefix, int count) {
    List<ExecutionRecord> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(success(prefix + "-" + i, i));
    }
    return out;
  }

  /** Record {@code j} of batch {@code batch} of a child writer: content follows from the id. */
  static ExecutionRecord child(String prefix, int batch, int j) {
    String id = prefix + "-b" + batch + "-r" + j;
    String status = switch (j % 4) {
      case 0, 1 -> "success";
      case 2 -> "failure";
      default -> "cached";
    };
    return record(id, "demo.tools.crash", "1.0." + (j % 2), status, batch * 100L + j, "shared-" + (j % 5),
        j, j % 3 == 0 ? null : new BigDecimal("0.0" + (j % 9 + 1)));
  }

  /** The expected record for a child record id {@code <prefix>-b<batch>-r<j>}. */
  static ExecutionRecord child(String id) {
    int r = id.lastIndexOf("-r");
    int b = id.lastIndexOf("-b", r - 1);
    return child(id.substring(0, b), Integer.parseInt(id.substring(b + 2, r)), Integer.parseInt(id.substring(r + 2)));
  }

  static List<ExecutionRecord> childBatch(String prefix, int batch, int size) {
    List<ExecutionRecord> out = new ArrayList<>();
    for (int j = 0; j < size; j++) {
      out.add(child(prefix, batch, j));
    }
    return out;
  }
}
