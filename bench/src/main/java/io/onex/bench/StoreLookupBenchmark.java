package io.onex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.record.ExecutionRecord;
import io.onex.store.CacheHit;
import io.onex.store.ExecutionRecordJson;
import io.onex.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cache lookup, hit and miss, side by side in one run, at 10^4 and 10^6 entries:
 *
 * <ul>
 *   <li>{@code storeHit}, {@code storeMiss}: {@link Store#cacheHit} on the MapDB store (mmap):
 *       what the runtime's Memoizer asks; one B-tree descent over 32-byte keys, the sealed value's
 *       CRC checked and decoded into a {@link CacheHit};
 *   <li>{@code storeRecordHit}: {@link Store#cacheLookup}, the full record behind the hit (plus a
 *       records-map read, seal check, JSON parse, record built and cross-checked);
 *   <li>{@code map*}: a {@link ConcurrentHashMap} of {@link CacheHit} objects: the in-memory floor;
 *   <li>{@code files*}: a file-per-key disk cache as DVC's run cache and Bazel's disk cache lay
 *       it out: {@code <root>/<key[0..2]>/<key>} holding exactly the store's sealed value (the
 *       same bytes, the same CRC check and decoding: only the container differs);
 *   <li>{@code filesRecordHit}: the same layout holding the record's canonical JSON, read and
 *       parsed into a JSON tree (the comparison of store format 2; not validated, not built).
 * </ul>
 *
 * <p>The data sets are {@link StoreGenerator}'s records; they are built once and reused from
 * {@code -Donex.bench.dir} (default {@code bench/target/bench-data}) when present, so only
 * the first trial at 10^6 pays the population (minutes). Each lookup takes the next key of a
 * shuffled sequence, so neither the B-tree nor the page cache sees one key twice in a row.
 *
 * <p>Run: {@code java -Donex.bench.dir=/tmp/onex-bench -jar bench/target/benchmarks.jar StoreLookup -f 1 -wi 2 -i 3 -w 2s -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class StoreLookupBenchmark {
  @Param({"10000", "1000000"})
  public int entries;

  private Store store;
  private final ConcurrentHashMap<String, CacheHit> map = new ConcurrentHashMap<>();
  private Path files;
  private Path hitFiles;
  private String[] hits;
  private String[] misses;
  private int next;

  static Path dataDir() {
    return Paths.get(System.getProperty("onex.bench.dir", "bench/target/bench-data"));
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path base = dataDir().resolve("store-" + entries);
    StoreGenerator.ensure(base.resolve(".onex-store"), entries);
    store = Store.open(base.resolve(".onex-store"), Clock.systemUTC(), Duration.ofSeconds(30));
    files = dataDir().resolve("files-" + entries);
    boolean writeFiles = !Files.exists(files.resolve("complete"));
    hitFiles = dataDir().resolve("hitfiles-" + entries);
    boolean writeHits = !Files.exists(hitFiles.resolve("complete"));
    hits = new String[4096];
    misses = new String[4096];
    java.util.Random rnd = new java.util.Random(42);
    for (int i = 0; i < entries; i++) {
      ExecutionRecord r = StoreGenerator.record(i);
      if (r.status().equals("success")) {
        map.put(r.cacheKey(), CacheHit.of(r));
        if (writeHits) {
          Path f = hitFiles.resolve(r.cacheKey().substring(0, 2)).resolve(r.cacheKey());
          Files.createDirectories(f.getParent());
          Files.write(f, CacheHit.of(r).seal());
        }
        if (writeFiles) {
          Path f = files.resolve(r.cacheKey().substring(0, 2)).resolve(r.cacheKey());
          Files.createDirectories(f.getParent());
          Files.writeString(f, ExecutionRecordJson.canonical(r));
        }
      }
    }
    if (writeFiles) {
      Files.writeString(files.resolve("complete"), "ok");
    }
    if (writeHits) {
      Files.writeString(hitFiles.resolve("complete"), "ok");
    }
    String[] keys = map.keySet().toArray(new String[0]);
    for (int i = 0; i < hits.length; i++) {
      hits[i] = keys[rnd.nextInt(keys.length)];
      misses[i] = StoreGenerator.hash("miss:" + i);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    store.close();
  }

  private String hit() {
    next = (next + 1) & 4095;
    return hits[next];
  }

  private String miss() {
    next = (next + 1) & 4095;
    return misses[next];
  }

  @Benchmark
  public Optional<CacheHit> storeHit() {
    return store.cacheHit(hit());
  }

  @Benchmark
  public Optional<CacheHit> storeMiss() {
    return store.cacheHit(miss());
  }

  @Benchmark
  public Optional<ExecutionRecord> storeRecordHit() {
    return store.cacheLookup(hit());
  }

  @Benchmark
  public CacheHit mapHit() {
    return map.get(hit());
  }

  @Benchmark
  public CacheHit mapMiss() {
    return map.get(miss());
  }

  @Benchmark
  public Optional<CacheHit> filesHit() throws IOException {
    return readHit(hit());
  }

  @Benchmark
  public Optional<CacheHit> filesMiss() throws IOException {
    return readHit(miss());
  }

  @Benchmark
  public JsonNode filesRecordHit() throws IOException {
    return readFile(hit());
  }

  /** Reads and verifies the sealed value of {@code key}: a damaged file is never a hit. */
  private Optional<CacheHit> readHit(String key) throws IOException {
    try {
      byte[] b = Files.readAllBytes(hitFiles.resolve(key.substring(0, 2)).resolve(key));
      Optional<CacheHit> h = CacheHit.unseal(key, b);
      if (h.isEmpty()) {
        throw new IllegalStateException("damaged cache file " + key);
      }
      return h;
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private JsonNode readFile(String key) throws IOException {
    try {
      byte[] b = Files.readAllBytes(files.resolve(key.substring(0, 2)).resolve(key));
      return CanonicalJson.parse(new String(b, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
