package io.onex.exec.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.hash.HashLock;
import io.onex.core.hash.NodeFiles;
import io.onex.core.model.NodeMetadata;
import io.onex.core.model.NodeMetadataReader;
import io.onex.core.record.ExecutionRecord;
import io.onex.core.record.InMemoryRecordSink;
import io.onex.core.schema.SchemaId;
import io.onex.core.schema.SchemaValidator;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlLimits;
import io.onex.exec.ExecutorRegistry;
import io.onex.exec.LoadedNode;
import io.onex.exec.RunResult;
import io.onex.exec.Runtime;
import io.onex.exec.RuntimeOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node fixtures of the executor tests (src/test/resources/nodes/) and the harness that
 * runs them through a real {@link Runtime}: fixtures copied to a temporary directory, a
 * resolver over them, an in-memory record sink, and a sandbox base directory that must be
 * empty after every run.
 */
class ProcessFixturesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SECRET = "s3cret-value";
  static final String PATH = pythonDirectory() + ":/usr/local/bin:/usr/bin:/bin";
  static final Map<String, String> PARENT_ENV = Map.of(
      "PATH", PATH, "SECRET_TOKEN", SECRET, "FROM_PARENT", "parent-value", "LANG", "C.UTF-8");

  @Test
  void fixtures_validateAgainstTheMetadataSchema(@TempDir Path root) throws Exception {
    Harness h = new Harness(root);
    assertEquals(7, h.nodes.size(), h.nodes.keySet().toString());
    try (Stream<Path> dirs = Files.list(h.nodesDir)) {
      for (Path dir : dirs.toList()) {
        var doc = StrictYaml.loadMapping(dir.resolve(NodeMetadata.FILE_NAME), dir.getFileName().toString(), YamlLimits.DEFAULT);
        assertEquals(List.of(), SchemaValidator.validate(SchemaId.NODE_METADATA, doc), dir.toString());
      }
    }
    h.verify();
  }

  @Test
  void harness_leavesTheSandboxBaseEmptyAndRecordsValid(@TempDir Path root) {
    Harness h = new Harness(root);
    RunResult r = h.run("noop_pass", "{\"a\": 1}");
    assertTrue(r.succeeded());
    assertEquals(1, h.sink.records().size());
    h.verify();
  }

  /** Everything one test needs: fixtures, runtime, sink, sandbox base. */
  static final class Harness {
    final Path nodesDir;
    final Path tempBase;
    final InMemoryRecordSink sink = new InMemoryRecordSink();
    final Map<String, LoadedNode> nodes = new LinkedHashMap<>();
    final Runtime runtime;

    Harness(Path root) {
      try {
        nodesDir = root.resolve("nodes");
        tempBase = Files.createDirectories(root.resolve("sandboxes"));
        copyTree(Path.of(ProcessFixturesTest.class.getResource("/nodes").toURI()), nodesDir);
        for (String exe : List.of("cli_behave/run.sh", "py_behave/main.py")) {
          nodesDir.resolve(exe).toFile().setExecutable(true, false);
        }
        try (Stream<Path> dirs = Files.list(nodesDir)) {
          for (Path dir : dirs.sorted().toList()) {
            LoadedNode n = load(dir, t -> { });
            nodes.put(uri(n.metadata().name()), n);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
      runtime = new Runtime(ExecutorRegistry.standard(),
          RuntimeOptions.defaults(Clock.systemUTC(), PARENT_ENV, tempBase), sink,
          u -> Optional.ofNullable(nodes.get(u)));
    }

    static String uri(String name) {
      return "tool://tests." + name + "@1.0.0";
    }

    LoadedNode node(String name) {
      return nodes.get(uri(name));
    }

    /** The fixture {@code name} with its metadata tree edited (the hash lock is recomputed). */
    LoadedNode variant(String name, Consumer<ObjectNode> edit) {
      return load(nodesDir.resolve(name), edit);
    }

    RunResult run(String name, String input) {
      return runtime.run(node(name), parse(input), Runtime.emptyObject());
    }

    RunResult run(LoadedNode node, String input, Duration timeout) {
      return runtime.run(node, parse(input), Runtime.emptyObject(), timeout);
    }

    List<ExecutionRecord> records() {
      return sink.records();
    }

    /** No sandbox directory left behind; every record valid against the record schema. */
    void verify() {
      try (Stream<Path> left = Files.list(tempBase)) {
        assertEquals(List.of(), left.toList(), "sandbox directories left behind");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (ExecutionRecord r : sink.records()) {
        assertEquals(List.of(), SchemaValidator.validate(SchemaId.EXECUTION_RECORD, r.toJson(), "record"),
            r.toJson().toString());
      }
    }

    private static LoadedNode load(Path dir, Consumer<ObjectNode> edit) {
      var doc = StrictYaml.loadMapping(dir.resolve(NodeMetadata.FILE_NAME), dir.getFileName().toString(), YamlLimits.DEFAULT);
      ObjectNode tree = (ObjectNode) doc.root().deepCopy();
      edit.accept(tree);
      return new LoadedNode(NodeMetadataReader.read(tree), dir, HashLock.compute(tree, NodeFiles.ofDirectory(dir)));
    }
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  /** Whether the process is gone (no /proc entry) or a zombie waiting to be reaped. */
  static boolean isDead(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.UTF_8);
      return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException e) {
      return true;
    }
  }

  /** A content snapshot of a directory: relative path -> bytes as text. */
  static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> out = new java.util.TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1)
            + (Files.isExecutable(p) ? "+x" : ""));
      }
    }
    return out;
  }

  private static String pythonDirectory() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("python3 failed: " + out);
      }
      return Path.of(out).getParent().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
