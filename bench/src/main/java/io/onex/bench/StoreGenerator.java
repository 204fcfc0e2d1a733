package io.onex.bench;

import io.onex.core.hash.Sha256;
import io.onex.core.record.ExecutionRecord;
import io.onex.store.ExecutionRecordJson;
import io.onex.store.Store;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Writes a synthetic store for benchmarks: {@code count} execution records of 50 nodes x 2
 * versions (statuses 80 % success, 8 % failure, 2 % error, 10 % cached; one record per second
 * from 2026-01-01), written straight into the record log as docs/formats/store.md specifies
 * ({@code <crc32c hex8> <canonical json>\n}), then indexed by opening the store (which builds
 * {@code store.db} from the log). Record {@code i} has id {@code gen-<i>} and cache key
 * {@code sha256("key:<i>")}, so a benchmark knows which keys hit.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.onex.bench.StoreGenerator <dir>/.onex-store 1000000}
 * (reuses the store when its log already holds {@code count} lines).
 */
public final class StoreGenerator {
  static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  private static final ExecutionRecord.Environment ENV =
      new ExecutionRecord.Environment("linux", "amd64", "17.0.15", Map.of("python", "3.11.9"));

  private StoreGenerator() {}

  public static void main(String[] args) throws IOException {
    Path dir = Paths.get(args[0]);
    int count = Integer.parseInt(args[1]);
    long t0 = System.nanoTime();
    long n = ensure(dir, count);
    System.out.printf("store %s: %d records (%.1f s)%n", dir, n, (System.nanoTime() - t0) / 1e9);
  }

  /** Makes sure {@code storeDir} holds exactly the {@code count} generated records; returns the count. */
  public static long ensure(Path storeDir, int count) throws IOException {
    Path log = storeDir.resolve("records/records.jsonl");
    if (Files.exists(log) && lines(log) == count && Files.exists(storeDir.resolve("store.db"))) {
      try (Store s = Store.open(storeDir, Clock.systemUTC(), Duration.ofSeconds(30))) {
        if (s.size() == count) {
          return count;
        }
      }
    }
    deleteTree(storeDir);
    Files.createDirectories(log.getParent());
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(log), 1 << 20)) {
      for (int i = 0; i < count; i++) {
        out.write(line(record(i)));
      }
    }
    try (Store s = Store.open(storeDir, Clock.systemUTC(), Duration.ofSeconds(30))) {
      return s.size();
    }
  }

  static long lines(Path log) throws IOException {
    long n = 0;
    try (var in = Files.newInputStream(log)) {
      byte[] buf = new byte[1 << 16];
      for (int r; (r = in.read(buf)) > 0; ) {
        for (int i = 0; i < r; i++) {
          if (buf[i] == '\n') {
            n++;
          }
        }
      }
    }
    return n;
  }

  /** One log line: CRC-32C of the canonical JSON as 8 lowercase hex digits, a space, the JSON, a newline. */
  static byte[] line(ExecutionRecord r) {
    byte[] json = ExecutionRecordJson.canonical(r).getBytes(StandardCharsets.UTF_8);
    CRC32C crc = new CRC32C();
    crc.update(json);
    String prefix = String.format("%08x ", crc.getValue());
    byte[] out = new byte[9 + json.length + 1];
    System.arraycopy(prefix.getBytes(StandardCharsets.US_ASCII), 0, out, 0, 9);
    System.arraycopy(json, 0, out, 9, json.length);
    out[out.length - 1] = '\n';
    return out;
  }

  static String hash(String seed) {
    return Sha256.hex(seed.getBytes(StandardCharsets.UTF_8));
  }

  /** The cache key of generated record {@code i}. */
  public static String cacheKey(int i) {
    return hash("key:" + i);
  }

  /** Generated record {@code i} (deterministic). */
  public static ExecutionRecord record(int i) {
    int node = i % 50;
    String ns = "bench.nodes.n" + node;
    String version = "1.0." + (i / 50) % 2;
    int r = (i * 7 + i / 50) % 50;
    String status = r < 40 ? "success" : r < 44 ? "failure" : r == 44 ? "error" : "cached";
    boolean ran = !status.equals("cached");
    return new ExecutionRecord(
        "gen-" + i,
        new ExecutionRecord.NodeRef(ns, "n" + node, version, hash("node:" + ns + version)),
        hash("in:" + i),
        hash("cfg"),
        status.equals("success") || status.equals("cached") ? Optional.of(hash("out:" + i)) : Optional.empty(),
        hash("trace:" + i),
        cacheKey(i),
        status,
        ran ? Optional.of(status.equals("success") ? 0 : 1) : Optional.empty(),
        status.equals("failure") || status.equals("error")
            ? Optional.of(new ExecutionRecord.ErrorInfo("ONEX-X002", "exit 1")) : Optional.empty(),
        EPOCH.plusSeconds(i).toString(),
        ran ? 5 + i % 200 : 0,
        i % 4 == 0 ? Optional.of(new BigDecimal("0.0012")) : Optional.empty(),
        "python",
        ENV,
        Optional.empty(),
        Optional.empty(),
        status.equals("cached") ? Optional.of("gen-0") : Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
