package io.onex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onex.core.hash.HashLock;
import io.onex.core.hash.NodeFiles;
import io.onex.core.model.NodeMetadataReader;
import io.onex.core.project.NodeScaffold;
import io.onex.core.record.RecordSink;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlDocument;
import io.onex.core.yaml.YamlLimits;
import io.onex.exec.ExecutorRegistry;
import io.onex.exec.LoadedNode;
import io.onex.exec.Runtime;
import io.onex.exec.RuntimeOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Runtime overhead per execution: {@code noop} and {@code java} nodes through the full
 * {@link Runtime} (contracts, hashes, record), and a {@code python} node through the runtime
 * against a bare {@code python3 main.py} process with the same stdin, in the same run (the
 * ratio the runtime issue targets: under 1.10).
 *
 * <p>Run: {@code mvn -q -o -pl bench -am package -DskipTests && java -jar bench/target/benchmarks.jar
 * RuntimeBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class RuntimeBenchmark {
  private static final ObjectMapper M = new ObjectMapper();
  private Runtime runtime;
  private LoadedNode noop;
  private LoadedNode java;
  private LoadedNode python;
  private JsonNode input;
  private JsonNode config;
  private Path pythonDir;
  private byte[] pythonStdin;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path root = Files.createTempDirectory("onex-bench-runtime-");
    NodeScaffold.Context ctx = new NodeScaffold.Context("bench", "onex.bench", Clock.systemUTC(), UUID::randomUUID);
    noop = load(NodeScaffold.create(root, "noop_node", NodeScaffold.Kind.NOOP, ctx));
    java = load(NodeScaffold.create(root, "java_node", NodeScaffold.Kind.JAVA, ctx));
    python = load(NodeScaffold.create(root, "python_node", NodeScaffold.Kind.PYTHON, ctx));
    pythonDir = python.directory();
    RecordSink discard = r -> { };
    runtime = new Runtime(ExecutorRegistry.standard(),
        RuntimeOptions.defaults(Clock.systemUTC(), Map.of("PATH", System.getenv("PATH")), root), discard, uri -> Optional.empty());
    input = M.readTree("{\"text\": \"hello\", \"name\": \"Ada\"}");
    config = M.createObjectNode();
    pythonStdin = "{\"name\": \"Ada\"}".getBytes(StandardCharsets.UTF_8);
  }

  private static LoadedNode load(Path dir) {
    YamlDocument doc = StrictYaml.load(dir.resolve("node.onex.yaml"), "node.onex.yaml", YamlLimits.DEFAULT);
    return new LoadedNode(NodeMetadataReader.read(doc.root()), dir, HashLock.compute(doc.root(), NodeFiles.ofDirectory(dir)));
  }

  @Benchmark
  public Object noopThroughRuntime() {
    return runtime.run(noop, input, config).record();
  }

  @Benchmark
  public Object javaThroughRuntime() {
    return runtime.run(java, input, config).record();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Object pythonThroughRuntime() {
    return runtime.run(python, M.createObjectNode().put("name", "Ada"), config).record();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int baseline_barePython() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("python3", "main.py").directory(pythonDir.toFile()).start();
    p.getOutputStream().write(pythonStdin);
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    return p.waitFor() + out.length;
  }
}
