package io.onex.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The MapDB file access mode behind the store's choice (docs/formats/store.md, "File access"):
 * a transactional B-tree of 100,000 string entries shaped like the store's index entries
 * (64-hex key, 80-character value), opened with memory-mapped files ({@code mmap}, what the
 * store uses), {@code RandomAccessFile} ({@code raf}, MapDB's default) or a {@code FileChannel}
 * ({@code channel}). {@code get}: one random lookup; {@code put100}: 100 puts and one commit
 * (score per put).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar MapDbAccessMode -f 1 -wi 2 -i 3 -w 2s -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class MapDbAccessModeBenchmark {
  static final int ENTRIES = 100_000;

  @Param({"mmap", "raf", "channel"})
  public String mode;

  private Path dir;
  private DB db;
  private BTreeMap<String, String> map;
  private String[] keys;
  private int next;
  private int added;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("onex-mapdb-mode");
    DBMaker.Maker m = DBMaker.fileDB(dir.resolve("t.db").toFile()).transactionEnable();
    m = switch (mode) {
      case "mmap" -> m.fileMmapEnableIfSupported().cleanerHackEnable();
      case "channel" -> m.fileChannelEnable();
      default -> m;
    };
    db = m.make();
    map = db.treeMap("m", Serializer.STRING, Serializer.STRING).createOrOpen();
    keys = new String[4096];
    java.util.Random rnd = new java.util.Random(1);
    for (int i = 0; i < ENTRIES; i++) {
      map.put(StoreGenerator.hash("k" + i), "v".repeat(71) + String.format("%09d", i));
      if (i % 1000 == 999) {
        db.commit();
      }
    }
    db.commit();
    for (int i = 0; i < keys.length; i++) {
      keys[i] = StoreGenerator.hash("k" + rnd.nextInt(ENTRIES));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    db.close();
    StoreGenerator.deleteTree(dir);
  }

  @Benchmark
  public String get() {
    next = (next + 1) & 4095;
    return map.get(keys[next]);
  }

  @Benchmark
  @OperationsPerInvocation(100)
  public void put100() {
    for (int i = 0; i < 100; i++) {
      map.put(StoreGenerator.hash("new" + added++), "w".repeat(80));
    }
    db.commit();
  }
}
