package io.onex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.onex.core.hash.HashLock;
import io.onex.core.hash.NodeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The file hashing path of the hash lock: {@code NodeFiles.ofDirectory} over a temporary node
 * directory holding a 1 MiB and a 64 KiB file, then {@code HashLock.compute} (directory
 * scan, streaming reads, canonical JSON, SHA-256), against a plain {@code MessageDigest}
 * SHA-256 over the same 1,114,112 bytes already in memory, in the same run. The ratio to
 * {@code baselineInMemory} is the cost of the file system and the lock's bookkeeping; MB/s
 * is 1.114 MB divided by the score in seconds (see {@code bench/README.md}).
 *
 * <p>Run: {@code mvn -q -o -pl bench -am package -DskipTests && java -jar
 * bench/target/benchmarks.jar Sha256Throughput -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Sha256ThroughputBenchmark {
  static final int BIG = 1024 * 1024;
  static final int SMALL = 64 * 1024;

  Path dir;
  JsonNode metadata;
  byte[] big;
  byte[] small;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    dir = Files.createTempDirectory("onex-bench-node");
    Random r = new Random(11);
    big = new byte[BIG];
    small = new byte[SMALL];
    r.nextBytes(big);
    r.nextBytes(small);
    Files.createDirectories(dir.resolve("data"));
    Files.write(dir.resolve("data/model.bin"), big);
    Files.write(dir.resolve("data/vocab.bin"), small);
    String yaml = "name: throughput\nversion: 1.0.0\nentrypoint: {type: python, target: data/model.bin}\n";
    Files.writeString(dir.resolve(NodeFiles.METADATA_FILE), yaml);
    metadata = new ObjectMapper(new YAMLFactory()).readTree(yaml);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  /** Scan the directory, stream both files through SHA-256, hash the pre-image. */
  @Benchmark
  public String hashLockFromDisk() {
    return HashLock.compute(metadata, NodeFiles.ofDirectory(dir));
  }

  /** Baseline: SHA-256 over the same bytes, in memory. */
  @Benchmark
  public byte[] baselineInMemory() throws NoSuchAlgorithmException {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    md.update(big);
    md.update(small);
    return md.digest();
  }
}
