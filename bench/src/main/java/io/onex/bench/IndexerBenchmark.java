package io.onex.bench;

import io.onex.git.index.Affected;
import io.onex.git.index.ChangeSet;
import io.onex.git.index.GitNode;
import io.onex.git.index.NodeIndex;
import io.onex.git.index.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The git indexer on a repository of 10,000 nodes (each a {@code node.onex.yaml} and a state
 * schema, in 100 directories of 100; every node whose number is not a multiple of 10 depends
 * on the multiple of 10 below it by URI), committed, with one file of n4240 (which 9 nodes depend on)
 * edited and staged:
 *
 * <ul>
 *   <li>{@code full}: a fresh, uncached indexer finds every node of HEAD, diffs the empty tree
 *       against HEAD and computes the affected set (parses all 10,000 metadata blobs);
 *   <li>{@code incremental}: a warm indexer (metadata summaries cached) diffs HEAD against the
 *       index, computes the affected set and the changed node's hash lock (what the
 *       pre-commit hook does before running anything);
 *   <li>{@code incrementalDiffOnly}: only the HEAD-vs-index tree diff (change detection);
 *   <li>{@code baselineReadIndex}: only reading the index file (what any git command pays).
 * </ul>
 *
 * <p>Run: {@code mvn -q -o -pl bench -am package -DskipTests && java -jar bench/target/benchmarks.jar
 * IndexerBenchmark -f 1 -wi 2 -i 3}. Needs {@code git} on PATH.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class IndexerBenchmark {
  static final int NODES = 10_000;
  private Path dir;
  private Repository repo;
  private NodeIndex warm;

  @Setup
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("onex-index-bench");
    for (int i = 0; i < NODES; i++) {
      Path node = dir.resolve("g" + (i / 100)).resolve("n" + i);
      Files.createDirectories(node);
      Files.writeString(node.resolve("node.onex.yaml"), yaml(i));
      Files.writeString(node.resolve("state.schema.json"), "{\"type\": \"object\"}\n");
    }
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("-c", "user.name=bench", "-c", "user.email=bench@onex.invalid", "commit", "-q", "-m", "nodes");
    Files.writeString(dir.resolve("g42/n4240/state.schema.json"), "{\"type\": \"object\", \"title\": \"edited\"}\n");
    git("add", "-A");
    repo = new FileRepositoryBuilder().setGitDir(dir.resolve(".git").toFile()).setMustExist(true).build();
    warm = NodeIndex.uncached(repo);
    incremental();
  }

  static String yaml(int i) {
    return "schema_version: \"1.0.0\"\nname: n" + i + "\nversion: \"1.0.0\"\n"
        + "uuid: \"00000000-0000-4000-8000-" + String.format("%012d", i) + "\"\n"
        + "author: bench\ncreated_at: \"2025-01-01T00:00:00Z\"\nlast_modified_at: \"2025-01-01T00:00:00Z\"\n"
        + "description: \"bench node\"\nstate_contract: \"state_contract://state.schema.json\"\nlifecycle: active\n"
        + "hash: \"" + "0".repeat(64) + "\"\nentrypoint: {type: noop, target: \"-\"}\nnamespace: b.n" + i
        + "\nmeta_type: tool\n"
        + (i % 10 == 0 ? "" : "dependencies:\n  - \"tool://b.n" + (i - i % 10) + "@^1.0\"\n");
  }

  private void git(String... args) throws IOException, InterruptedException {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "git";
    System.arraycopy(args, 0, cmd, 1, args.length);
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("git " + String.join(" ", args) + " failed");
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    repo.close();
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public Affected full() {
    NodeIndex idx = NodeIndex.uncached(repo);
    Snapshot head = idx.commit("HEAD");
    return idx.affected(head, idx.diff(idx.empty(), head));
  }

  @Benchmark
  public String incremental() {
    Snapshot staged = warm.staged();
    ChangeSet c = warm.diff(warm.commit("HEAD"), staged);
    Affected a = warm.affected(staged, c);
    GitNode changed = a.changed().get(0);
    return warm.hashLock(staged, changed) + a.toTest().size();
  }

  @Benchmark
  public ChangeSet incrementalDiffOnly() {
    return warm.diff(warm.commit("HEAD"), warm.staged());
  }

  @Benchmark
  public int baselineReadIndex() throws IOException {
    return repo.readDirCache().getEntryCount();
  }

  /** Prints the sizes once (a sanity check of the set-up). */
  public static void main(String[] args) throws Exception {
    IndexerBenchmark b = new IndexerBenchmark();
    b.setUp();
    List<GitNode> all = b.warm.commit("HEAD").nodes(List.of());
    System.out.println(all.size() + " nodes; affected by one edit: " + b.warm.affected(b.warm.staged(),
        b.warm.diff(b.warm.commit("HEAD"), b.warm.staged())).toTest().size());
    b.tearDown();
  }
}
