package io.onex.bench;

import io.onex.core.project.NodeScaffold;
import io.onex.core.project.ProjectInit;
import io.onex.core.project.ValidationReport;
import io.onex.core.project.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full validation ({@code onex validate}: strict YAML, schema, rules, hash lock, .tree,
 * registry) of a repository of 1,000 python nodes, beside a baseline that only reads every
 * file of the same repository once (the I/O floor), in the same run.
 *
 * <p>Run: {@code mvn -q -o -pl bench -am package -DskipTests && java -jar bench/target/benchmarks.jar
 * ValidationBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class ValidationBenchmark {
  private static final int NODES = 1_000;
  private Path repo;
  private Workspace workspace;
  private List<Path> files;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    repo = Files.createTempDirectory("onex-bench-validate-");
    ProjectInit.init(repo);
    Random random = new Random(42);
    NodeScaffold.Context ctx = new NodeScaffold.Context("bench", "onex.bench",
        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
        () -> new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L, random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L));
    for (int i = 0; i < NODES; i++) {
      NodeScaffold.create(repo.resolve("nodes/g" + (i % 10)), "node_" + i, NodeScaffold.Kind.PYTHON, ctx);
    }
    workspace = Workspace.open(repo);
    workspace.tree(false);
    try (Stream<Path> s = Files.walk(repo)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    ValidationReport r = workspace.validate(List.of());
    if (!r.ok()) {
      throw new IllegalStateException("benchmark repository does not validate: " + r.errors() + " errors");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> s = Files.walk(repo)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public long validate1000Nodes() {
    return workspace.validate(List.of()).errors();
  }

  @Benchmark
  public long baseline_readAllFiles() throws IOException {
    long n = 0;
    for (Path f : files) {
      n += Files.readAllBytes(f).length;
    }
    return n;
  }
}
