package io.onex.bench;

import io.onex.core.record.ExecutionRecord;
import io.onex.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Record append throughput: {@link Store#append(List)} of a batch of 100 records, i.e. one log
 * write + fsync and one MapDB commit per 100 records (schema validation, canonical JSON, seven
 * index entries and the aggregates per record). Scores are per record. The store starts empty
 * in each trial and grows during it.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar StoreAppend -f 1 -wi 2 -i 3 -w 2s -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class StoreAppendBenchmark {
  static final int BATCH = 100;
  private Path dir;
  private Store store;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("onex-append");
    store = Store.open(dir.resolve(".onex-store"), Clock.systemUTC(), Duration.ofSeconds(30));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    store.close();
    StoreGenerator.deleteTree(dir);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long appendBatchOf100() {
    List<ExecutionRecord> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      batch.add(StoreGenerator.record(next++));
    }
    return store.append(batch);
  }
}
