package io.onex.exec.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onex.core.diag.Diagnostic;
import io.onex.core.record.ExecutionRecord;
import io.onex.core.record.InMemoryRecordSink;
import io.onex.core.schema.SchemaId;
import io.onex.core.schema.SchemaValidator;
import io.onex.exec.ExecContext;
import io.onex.exec.ExecStatus;
import io.onex.exec.ExecutorOutcome;
import io.onex.exec.ExecutorRegistry;
import io.onex.exec.Invocation;
import io.onex.exec.LoadedNode;
import io.onex.exec.RunResult;
import io.onex.exec.Runtime;
import io.onex.exec.RuntimeOptions;
import io.onex.exec.contract.TestNodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The java executor on node classes compiled at test time, directly and through the Runtime. */
class JavaExecutorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-18T08:00:00Z"), ZoneOffset.UTC);
  private static final Map<String, String> SOURCES = Map.ofEntries(
      Map.entry("demo/Upper.java", """
          package demo;
          import io.onex.exec.Node;
          import java.util.*;
          public final class Upper implements Node {
            public Map<String, Object> apply(Map<String, Object> in, Map<String, Object> cfg) {
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("text", ((String) in.get("text")).toUpperCase(Locale.ROOT));
              out.put("suffix", cfg.get("suffix"));
              out.put("n", in.get("n"));
              out.put("list", Arrays.asList(1, 2.5, true, "x", null, 3L, 0.1f));
              return out;
            }
          }
          """),
      Map.entry("Count.java", """
          import java.util.Map;
          import java.util.function.Function;
          public final class Count implements Function<Map<String, Object>, Map<String, Object>> {
            @Override
            public Map<String, Object> apply(Map<String, Object> state) {
              return Map.of("length", String.valueOf(state.get("text")).length());
            }
          }
          """),
      Map.entry("demo/Boom.java", """
          package demo;
          import java.util.Map;
          public final class Boom implements io.onex.exec.Node {
            public Map<String, Object> apply(Map<String, Object> in, Map<String, Object> cfg) throws Exception {
              throw new IllegalStateException("boom", new java.io.IOException("disk full"));
            }
          }
          """),
      Map.entry("demo/Spin.java", """
          package demo;
          import java.util.Map;
          public final class Spin implements io.onex.exec.Node {
            public Map<String, Object> apply(Map<String, Object> in, Map<String, Object> cfg) throws Exception {
              while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
              }
              throw new InterruptedException("stopped");
            }
          }
          """),
      Map.entry("demo/NotANode.java", """
          package demo;
          public class NotANode {
            public String apply(String s) { return s; }
          }
          """),
      Map.entry("demo/Hidden.java", """
          package demo;
          import java.util.Map;
          public final class Hidden implements io.onex.exec.Node {
            private Hidden() {}
            public Map<String, Object> apply(Map<String, Object> in, Map<String, Object> cfg) { return in; }
          }
          """),
      Map.entry("demo/Peek.java", """
          package demo;
          import java.util.Map;
          public final class Peek implements io.onex.exec.Node {
            public Map<String, Object> apply(Map<String, Object> in, Map<String, Object> cfg) throws Exception {
              Class<?> c = Class.forName((String) in.get("class"));
              return Map.of("found", c.getName(), "context", Thread.currentThread().getContextClassLoader() == getClass().getClassLoader());
            }
          }
          """),
      Map.entry("demo/Counter.java", """
          package demo;
          import java.util.Map;
          public final class Counter implements io.onex.exec.Node {
            private static int runs;
            public Map<String, Object> apply(Map<String, Object> in, Map<String, Object> cfg) {
              synchronized (Counter.class) {
                runs++;
                return Map.of("runs", runs);
              }
            }
          }
          """),
      Map.entry("demo/Bad.java", """
          package demo;
          import java.util.*;
          public final class Bad implements io.onex.exec.Node {
            public Map<String, Object> apply(Map<String, Object> in, Map<String, Object> cfg) {
              switch ((String) in.get("mode")) {
                case "null": return null;
                case "object": return Map.of("deep", List.of(Map.of("x", new Object())));
                case "nan": return Map.of("x", Double.NaN);
                case "key": { Map m = new HashMap(); m.put(1, 2); return m; }
                case "cycle": { Map<String, Object> m = new HashMap<>(); m.put("self", m); return m; }
                default: return Map.of("answer", 42, "_onex_cost_usd", 0.25);
              }
            }
          }
          """),
      Map.entry("demo/Raw.java", """
          package demo;
          @SuppressWarnings({"rawtypes", "unchecked"})
          public final class Raw implements java.util.function.Function {
            public Object apply(Object o) { return "not a map"; }
          }
          """),
      Map.entry("demo/StaticBoom.java", """
          package demo;
          import java.util.Map;
          public final class StaticBoom implements io.onex.exec.Node {
            static final int N = Integer.parseInt("nope");
            public Map<String, Object> apply(Map<String, Object> in, Map<String, Object> cfg) { return Map.of("n", N); }
          }
          """));

  @TempDir
  static Path shared;
  private static Path classes;
  private static Path jar;

  @TempDir
  Path tmp;
  private final JavaExecutor executor = new JavaExecutor();

  @BeforeAll
  static void compileNodes() throws IOException {
    Path src = shared.resolve("src");
    for (Map.Entry<String, String> e : SOURCES.entrySet()) {
      Path f = src.resolve(e.getKey());
      Files.createDirectories(f.getParent());
      Files.writeString(f, e.getValue());
    }
    classes = Files.createDirectories(shared.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new java.util.ArrayList<>(List.of("--release", "17", "-nowarn", "-d", classes.toString(),
        "-classpath", System.getProperty("java.class.path")));
    SOURCES.keySet().forEach(k -> args.add(src.resolve(k).toString()));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(0, javac.run(null, err, err, args.toArray(String[]::new)), err.toString(StandardCharsets.UTF_8));
    jar = shared.resolve("nodes.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
        Stream<Path> files = Files.walk(classes)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        j.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
        j.write(Files.readAllBytes(p));
        j.closeEntry();
      }
    }
  }

  @AfterEach
  void closeExecutor() {
    executor.close();
  }

  /** A node directory with the compiled classes in classes/ and lib/nodes.jar. */
  private LoadedNode node(String name, String target, String extraYaml) throws IOException {
    Path dir = tmp.resolve(name);
    copyTree(classes, dir.resolve("classes"));
    Files.createDirectories(dir.resolve("lib"));
    Files.copy(jar, dir.resolve("lib/nodes.jar"));
    Files.writeString(dir.resolve("state_contract.json"), "{\"type\": \"object\", \"properties\": {}}");
    return TestNodes.write(dir, "java", target, extraYaml, true);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  private ExecutorOutcome run(LoadedNode node, String input) throws IOException {
    return run(node, input, "{}", Duration.ofSeconds(30));
  }

  private ExecutorOutcome run(LoadedNode node, String input, String config, Duration timeout) throws IOException {
    ExecContext ctx = new ExecContext(CLOCK, Map.of(), tmp, "python3", Duration.ofSeconds(60), uri -> Optional.empty(),
        (child, in, cfg, parent, depth) -> {
          throw new UnsupportedOperationException("no children here");
        });
    return executor.execute(new Invocation(node, JSON.readTree(input), JSON.readTree(config), timeout, ctx, "record-1", 0));
  }

  private static void assertFailed(ExecutorOutcome out, ExecStatus status, String code, String messagePart) {
    assertEquals(status, out.status(), out.toString());
    assertEquals(Optional.of(code), out.errorCode(), out.toString());
    assertTrue(out.errorMessage().orElse("").contains(messagePart), out.errorMessage().orElse("") + " should contain " + messagePart);
    assertTrue(out.output().isEmpty());
  }

  @Test
  void execute_nodeFromClassesDir_returnsOutputWithInputAndConfig() throws IOException {
    LoadedNode node = node("upper", "classes#demo.Upper", "");
    ExecutorOutcome out = run(node, "{\"text\": \"ada\", \"n\": 12345678901}", "{\"suffix\": \"!\"}", Duration.ofSeconds(30));
    assertEquals(ExecStatus.SUCCESS, out.status(), out.toString());
    assertEquals(JSON.readTree("{\"text\": \"ADA\", \"suffix\": \"!\", \"n\": 12345678901, \"list\": [1, 2.5, true, \"x\", null, 3, 0.1]}"),
        out.output().orElseThrow());
    assertEquals(Optional.empty(), out.exitCode());
  }

  @Test
  void execute_functionFormFromJar_returnsOutput() throws IOException {
    LoadedNode node = node("count", "lib/nodes.jar#Count", "");
    ExecutorOutcome out = run(node, "{\"text\": \"hello\"}");
    assertEquals(ExecStatus.SUCCESS, out.status(), out.toString());
    assertEquals(JSON.readTree("{\"length\": 5}"), out.output().orElseThrow());
  }

  @Test
  void execute_exception_isFailureX010WithClassAndMessage() throws IOException {
    ExecutorOutcome out = run(node("boom", "classes#demo.Boom", ""), "{}");
    assertFailed(out, ExecStatus.FAILURE, "ONEX-X010", "java.lang.IllegalStateException: boom");
    assertFalse(out.errorMessage().orElseThrow().contains("\tat "), "no stack trace in the message");
    assertTrue(out.stderr().contains("\tat demo.Boom.apply"), out.stderr());
    assertTrue(out.stderr().contains("Caused by: java.io.IOException: disk full"), out.stderr());
    assertTrue(out.stderr().lines().filter(l -> l.startsWith("\tat ")).count() <= JavaCall.STACK_FRAMES, out.stderr());
  }

  @Test
  void execute_staticInitializerFailure_isX010WithTheCause() throws IOException {
    ExecutorOutcome out = run(node("static_boom", "classes#demo.StaticBoom", ""), "{}");
    assertFailed(out, ExecStatus.FAILURE, "ONEX-X010", "java.lang.NumberFormatException");
  }

  @Test
  void execute_runawayNode_isTimeoutX004AndEvicted() throws IOException {
    LoadedNode node = node("spin", "classes#demo.Spin", "");
    ExecutorOutcome out = run(node, "{}", "{}", Duration.ofMillis(200));
    assertFailed(out, ExecStatus.ERROR, "ONEX-X004", "cannot be killed in-process");
    assertEquals(Optional.empty(), executor.cachedClass(node), "the timed-out node's class loader is evicted");
  }

  @Test
  void execute_loadProblems_areX009() throws IOException {
    Map<String, String> cases = Map.of(
        "classes#demo.Missing", "not found",
        "classes#demo.NotANode", "implements neither",
        "classes#demo.Hidden", "no public no-argument constructor",
        "lib/nodes.jar#demo.Nope", "not found in the jar",
        "classes", "is not <jar or classes dir>#<fully qualified class>",
        "classes#1bad", "not a fully qualified class name",
        "state_contract.json#demo.Upper", "neither a directory nor a jar",
        "nowhere#demo.Upper", "does not exist");
    int i = 0;
    for (Map.Entry<String, String> c : cases.entrySet()) {
      ExecutorOutcome out = run(node("load" + i++, c.getKey(), ""), "{}");
      assertFailed(out, ExecStatus.ERROR, "ONEX-X009", c.getValue());
    }
  }

  @Test
  void execute_targetOutsideTheNode_isX009() throws IOException {
    Path outside = tmp.resolve("outside");
    copyTree(classes, outside);
    LoadedNode base = node("escape", "classes#demo.Upper", "");
    Files.createSymbolicLink(base.directory().resolve("linked"), outside);
    for (String target : List.of("../outside#demo.Upper", "linked#demo.Upper", outside + "#demo.Upper",
        ".#demo.Upper", "classes/../../outside#demo.Upper")) {
      LoadedNode node = TestNodes.write(base.directory(), "java", target, "", false);
      ExecutorOutcome out = run(node, "{\"text\": \"x\"}");
      assertFailed(out, ExecStatus.ERROR, "ONEX-X009", "node directory");
    }
  }

  @Test
  void execute_nodeCannotSeeOnexInternals() throws IOException {
    LoadedNode node = node("peek", "classes#demo.Peek", "");
    for (String hidden : List.of("io.onex.exec.Runtime", "io.onex.core.model.NodeMetadata", "com.fasterxml.jackson.databind.ObjectMapper")) {
      ExecutorOutcome out = run(node, "{\"class\": \"" + hidden + "\"}");
      assertFailed(out, ExecStatus.FAILURE, "ONEX-X010", "java.lang.ClassNotFoundException: " + hidden);
    }
    for (String visible : List.of("io.onex.exec.Node", "java.sql.Connection")) {
      ExecutorOutcome out = run(node, "{\"class\": \"" + visible + "\"}");
      assertEquals(ExecStatus.SUCCESS, out.status(), out.toString());
      assertEquals(visible, out.output().orElseThrow().get("found").asText());
      assertTrue(out.output().orElseThrow().get("context").asBoolean(), "the context class loader is the node's");
    }
  }

  @Test
  void execute_sameNodeTwice_reusesTheLoadedClass() throws IOException {
    LoadedNode node = node("counter", "classes#demo.Counter", "");
    assertEquals(1, run(node, "{}").output().orElseThrow().get("runs").asInt());
    Class<?> first = executor.cachedClass(node).orElseThrow();
    assertEquals(2, run(node, "{}").output().orElseThrow().get("runs").asInt(), "static state survives: not reloaded");
    assertSame(first, executor.cachedClass(node).orElseThrow());
    assertEquals("demo.Counter", first.getName());

    LoadedNode other = node("counter_copy", "classes#demo.Counter", "x-copy: true\n");
    assertEquals(1, run(other, "{}").output().orElseThrow().get("runs").asInt(), "other node content, own class loader");
  }

  @Test
  void execute_outputNotJson_isX006() throws IOException {
    LoadedNode node = node("bad", "classes#demo.Bad", "");
    assertFailed(run(node, "{\"mode\": \"null\"}"), ExecStatus.ERROR, "ONEX-X006", "returned null");
    assertFailed(run(node, "{\"mode\": \"object\"}"), ExecStatus.ERROR, "ONEX-X006", "$.deep[0].x is a java.lang.Object");
    assertFailed(run(node, "{\"mode\": \"nan\"}"), ExecStatus.ERROR, "ONEX-X006", "$.x is NaN");
    assertFailed(run(node, "{\"mode\": \"key\"}"), ExecStatus.ERROR, "ONEX-X006", "not a String");
    assertFailed(run(node, "{\"mode\": \"cycle\"}"), ExecStatus.ERROR, "ONEX-X006", "nested deeper");
    assertFailed(run(node("raw", "classes#demo.Raw", ""), "{}"), ExecStatus.ERROR, "ONEX-X006", "returned a java.lang.String");
  }

  @Test
  void execute_reportedCost_isRemovedFromOutput() throws IOException {
    ExecutorOutcome out = run(node("cost", "classes#demo.Bad", ""), "{\"mode\": \"cost\"}");
    assertEquals(ExecStatus.SUCCESS, out.status(), out.toString());
    assertEquals(JSON.readTree("{\"answer\": 42}"), out.output().orElseThrow());
    assertEquals(0, new java.math.BigDecimal("0.25").compareTo(out.costUsd().orElseThrow()));
  }

  @Test
  void execute_afterClose_isRefused() throws IOException {
    LoadedNode node = node("closed", "classes#demo.Upper", "");
    executor.close();
    assertFailed(run(node, "{\"text\": \"a\"}"), ExecStatus.ERROR, "ONEX-X008", "closed");
  }

  // ---- through the Runtime -------------------------------------------------------------

  private static Runtime runtime(Path tempBase, InMemoryRecordSink sink) {
    return new Runtime(ExecutorRegistry.standard(), RuntimeOptions.defaults(CLOCK, Map.of(), tempBase), sink, uri -> Optional.empty());
  }

  private static void assertRecord(RunResult result, String status, Optional<String> code) {
    ExecutionRecord record = result.record();
    assertEquals(status, record.status(), record.toString());
    assertEquals(code, record.error().map(ExecutionRecord.ErrorInfo::code), record.toString());
    assertEquals("java", record.executor());
    List<Diagnostic> problems = SchemaValidator.validate(SchemaId.EXECUTION_RECORD, record.toJson(), "record");
    assertEquals(List.of(), problems);
  }

  @Test
  void runtime_javaNodeUnderContract_recordsEveryOutcome() throws IOException {
    InMemoryRecordSink sink = new InMemoryRecordSink();
    Runtime rt = runtime(tmp, sink);
    LoadedNode count = node("rt_count", "classes#Count", "input_contract:\n  text: str\noutput_contract:\n  length: int\n");

    RunResult ok = rt.run(count, JSON.readTree("{\"text\": \"hello\"}"), Runtime.emptyObject());
    assertRecord(ok, "success", Optional.empty());
    assertEquals(JSON.readTree("{\"length\": 5}"), ok.output().orElseThrow());

    RunResult badInput = rt.run(count, JSON.readTree("{\"text\": 5}"), Runtime.emptyObject());
    assertRecord(badInput, "failure", Optional.of("ONEX-X002"));
    assertTrue(badInput.record().error().orElseThrow().message().contains("$.text: expected str, found int 5"));

    LoadedNode wrongOut = node("rt_wrong_out", "classes#Count", "output_contract:\n  length: str\n");
    RunResult badOutput = rt.run(wrongOut, JSON.readTree("{\"text\": \"hi\"}"), Runtime.emptyObject());
    assertRecord(badOutput, "failure", Optional.of("ONEX-X003"));
    assertTrue(badOutput.record().error().orElseThrow().message().contains("$.length: expected str, found int 2"));

    RunResult threw = rt.run(node("rt_boom", "classes#demo.Boom", ""), JSON.readTree("{}"), Runtime.emptyObject());
    assertRecord(threw, "failure", Optional.of("ONEX-X010"));

    RunResult timedOut = rt.run(node("rt_spin", "classes#demo.Spin", ""), JSON.readTree("{}"), Runtime.emptyObject(), Duration.ofMillis(200));
    assertRecord(timedOut, "error", Optional.of("ONEX-X004"));

    RunResult notLoaded = rt.run(node("rt_missing", "classes#demo.Missing", ""), JSON.readTree("{}"), Runtime.emptyObject());
    assertRecord(notLoaded, "error", Optional.of("ONEX-X009"));

    assertEquals(6, sink.records().size());
  }

  @Test
  void runtime_stateContractApplies_whenNoInlineContract() throws IOException {
    InMemoryRecordSink sink = new InMemoryRecordSink();
    LoadedNode node = node("rt_state", "classes#demo.Upper", "");
    Files.writeString(node.directory().resolve("state_contract.json"),
        "{\"type\": \"object\", \"properties\": {\"text\": {\"type\": \"string\"}}, \"required\": [\"text\"]}");
    RunResult r = runtime(tmp, sink).run(node, JSON.readTree("{\"nope\": 1}"), Runtime.emptyObject());
    assertRecord(r, "failure", Optional.of("ONEX-X002"));
    assertTrue(r.record().error().orElseThrow().message().contains("$.text: required field missing"), r.record().toString());
  }

  /** Not a test of speed: shows the class stays loaded across many runs (one load for 200 runs). */
  @Test
  void execute_manyRuns_keepOneLoadedClass() throws IOException {
    LoadedNode node = node("many", "classes#demo.Counter", "");
    JsonNode last = null;
    for (int i = 0; i < 200; i++) {
      last = run(node, "{}").output().orElseThrow();
    }
    assertEquals(200, last.get("runs").asInt());
  }
}
