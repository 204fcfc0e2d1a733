package io.onex.exec.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onex.core.record.ExecutionRecord;
import io.onex.exec.ExecutorRegistry;
import io.onex.exec.LoadedNode;
import io.onex.exec.RunResult;
import io.onex.exec.Runtime;
import io.onex.exec.RuntimeOptions;
import io.onex.exec.contract.TestNodes;
import io.onex.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Real nodes in a temp directory, a real store, a runtime with a settable clock. */
final class MemoFixture implements AutoCloseable {
  static final ObjectMapper M = new ObjectMapper();
  static final Map<String, String> ENV = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "LANG", "C.UTF-8", "FROM_PARENT", "p1");

  final Path root;
  final Path tempBase;
  final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T12:00:00Z"));
  final Map<String, LoadedNode> nodes = new HashMap<>();
  final Store store;
  Map<String, String> env = ENV;
  private int ids;
  Memoizer memo;

  MemoFixture(Path root) {
    this.root = root;
    try {
      this.tempBase = Files.createDirectories(root.resolve("sandboxes"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.store = Store.open(root.resolve(".onex-store"), clock, Duration.ZERO);
  }

  /** A node {@code tests.<name>@1.0.0} of {@code type}; {@code extra} is appended to its YAML. */
  LoadedNode node(String name, String type, String target, String extra) {
    Path dir = root.resolve("nodes").resolve(name);
    String yaml = TestNodes.baseYaml(type, target).replace("name: test_node", "name: " + name)
        .replace("namespace: test.test_node", "namespace: tests." + name) + extra;
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("node.onex.yaml"), yaml, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("state_contract.json"), "{\"type\": \"object\"}\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return reload(name);
  }

  /** Writes a file into a node directory (before {@link #reload}). */
  void file(String name, String file, String content) {
    try {
      Files.writeString(root.resolve("nodes").resolve(name).resolve(file), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads {@code nodes/<name>} again (after an edit) and registers it. */
  LoadedNode reload(String name) {
    Path dir = root.resolve("nodes").resolve(name);
    {
      var doc = io.onex.core.yaml.StrictYaml.loadMapping(dir.resolve("node.onex.yaml"), "node.onex.yaml",
          io.onex.core.yaml.YamlLimits.DEFAULT);
      LoadedNode n = new LoadedNode(io.onex.core.model.NodeMetadataReader.read(doc.root()), dir,
          io.onex.core.hash.HashLock.compute(doc.root(), io.onex.core.hash.NodeFiles.ofDirectory(dir)));
      nodes.put("tool://tests." + name + "@1.0.0", n);
      return n;
    }
  }

  void edit(String name, String file, String from, String to) {
    Path f = root.resolve("nodes").resolve(name).resolve(file);
    try {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      if (!text.contains(from)) {
        throw new IllegalStateException(from + " not in " + f);
      }
      Files.writeString(f, text.replace(from, to), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    reload(name);
  }

  Runtime runtime(boolean lookups) {
    memo = Memoizer.of(store, clock, lookups);
    RuntimeOptions o = new RuntimeOptions(clock, env, tempBase, "python3", RuntimeOptions.DEFAULT_TIMEOUT,
        () -> "rec-" + (++ids), Optional.empty());
    return new Runtime(ExecutorRegistry.standard(), o, store, u -> Optional.ofNullable(nodes.get(u)), memo);
  }

  RunResult run(String name, String input) {
    return run(name, input, true);
  }

  RunResult run(String name, String input, boolean lookups) {
    return runtime(lookups).run(nodes.get("tool://tests." + name + "@1.0.0"), json(input), Runtime.emptyObject());
  }

  CacheExplainer explainer() {
    Runtime rt = runtime(true);
    return new CacheExplainer(store, memo, rt::declaredEnvironment, u -> Optional.ofNullable(nodes.get(u)));
  }

  CacheExplainer.Explanation why(String name, String input, String config) {
    return explainer().explain(nodes.get("tool://tests." + name + "@1.0.0"), CacheExplainer.hashOf(json(input)),
        CacheExplainer.hashOf(json(config)));
  }

  /** All records, in append order. */
  List<ExecutionRecord> records() {
    List<ExecutionRecord> all = new ArrayList<>(store.recent(10_000));
    java.util.Collections.reverse(all);
    return all;
  }

  long count(String name, String status) {
    return records().stream().filter(r -> r.node().name().equals(name) && r.status().equals(status)).count();
  }

  static JsonNode json(String s) {
    try {
      return M.readTree(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    store.close();
  }

  /** A clock the test moves by hand (no sleeps). */
  static final class SettableClock extends Clock {
    private Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
