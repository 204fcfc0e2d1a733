package io.onex.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onex.core.diag.Diagnostic;
import io.onex.core.hash.HashLock;
import io.onex.core.hash.NodeFiles;
import io.onex.core.model.NodeMetadataReader;
import io.onex.core.record.ExecutionRecord;
import io.onex.core.record.InMemoryRecordSink;
import io.onex.core.schema.SchemaId;
import io.onex.core.schema.SchemaValidator;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlDocument;
import io.onex.core.yaml.YamlLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime around executors: records, hashes, unsupported types, composite depth. */
class RuntimeTest {
  private static final ObjectMapper M = new ObjectMapper();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
  @TempDir Path tmp;

  static LoadedNode node(Path dir, String type, String extra) throws IOException {
    Files.createDirectories(dir);
    String yaml = """
        schema_version: "1.0.0"
        name: n1
        version: "1.2.3"
        uuid: "6f1c2b1e-8d3a-4c5e-9f10-2a3b4c5d6e7f"
        author: t
        created_at: "2026-01-01T00:00:00Z"
        last_modified_at: "2026-01-01T00:00:00Z"
        description: d
        state_contract: "state_contract://s.json"
        lifecycle: draft
        hash: "%s"
        entrypoint: {type: %s, target: "-"}
        namespace: onex.tests.n1
        meta_type: tool
        environment: ["GREETING=hi", "FROM_PARENT"]
        %s
        """.formatted("0".repeat(64), type, extra);
    Files.writeString(dir.resolve("node.onex.yaml"), yaml);
    Files.writeString(dir.resolve("s.json"), "{\"type\": \"object\"}\n");
    YamlDocument doc = StrictYaml.load(dir.resolve("node.onex.yaml"), "node.onex.yaml", YamlLimits.DEFAULT);
    return new LoadedNode(NodeMetadataReader.read(doc.root()), dir, HashLock.compute(doc.root(), NodeFiles.ofDirectory(dir)));
  }

  private Runtime runtime(InMemoryRecordSink sink, Map<String, String> env) {
    int[] n = {0};
    RuntimeOptions o = new RuntimeOptions(CLOCK, env, tmp, "python3", RuntimeOptions.DEFAULT_TIMEOUT,
        () -> "rec-" + (++n[0]), Optional.empty());
    return new Runtime(ExecutorRegistry.standard(), o, sink, uri -> Optional.empty());
  }

  private static void assertValidRecord(ExecutionRecord r) {
    List<Diagnostic> problems = SchemaValidator.validate(SchemaId.EXECUTION_RECORD, r.toJson(), "record");
    assertTrue(problems.isEmpty(), () -> problems + "\n" + r.toJson());
  }

  @Test
  void run_noop_recordsSuccessWithHashes() throws IOException {
    InMemoryRecordSink sink = new InMemoryRecordSink();
    LoadedNode n = node(tmp.resolve("n"), "noop", "");
    JsonNode input = M.readTree("{\"text\": \"hello\", \"n\": 1.5}");
    RunResult r = runtime(sink, Map.of("FROM_PARENT", "p")).run(n, input, M.readTree("{}"));
    assertEquals("success", r.record().status());
    assertEquals(input, r.output().orElseThrow());
    assertEquals(List.of(r.record()), sink.records());
    assertEquals(r.record().inputHash(), r.record().outputHash().orElseThrow(), "noop: output = input");
    assertEquals("onex.tests.n1", r.record().node().id());
    assertEquals(n.hash(), r.record().node().hash());
    assertEquals("2026-03-01T12:00:00Z", r.record().startedAt());
    assertValidRecord(r.record());
  }

  @Test
  void traceHash_sameForSameContent_differsForOtherInput() throws IOException {
    LoadedNode n = node(tmp.resolve("n"), "noop", "");
    InMemoryRecordSink sink = new InMemoryRecordSink();
    Runtime rt = runtime(sink, Map.of());
    JsonNode a = M.readTree("{\"b\": 2, \"a\": 1}");
    JsonNode sameReordered = M.readTree("{\"a\": 1.0, \"b\": 2}");
    ExecutionRecord r1 = rt.run(n, a, M.readTree("{}")).record();
    ExecutionRecord r2 = rt.run(n, sameReordered, M.readTree("{}")).record();
    ExecutionRecord r3 = rt.run(n, M.readTree("{\"a\": 2}"), M.readTree("{}")).record();
    assertNotEquals(r1.recordId(), r2.recordId());
    assertEquals(r1.traceHash(), r2.traceHash(), "canonical JSON: key order and 1 vs 1.0 do not matter");
    assertEquals(r1.cacheKey(), r2.cacheKey());
    assertNotEquals(r1.traceHash(), r3.traceHash());
    assertNotEquals(r1.cacheKey(), r3.cacheKey());
  }

  @Test
  void cacheKey_coversDeclaredEnvironmentValues() throws IOException {
    LoadedNode n = node(tmp.resolve("n"), "noop", "");
    JsonNode in = M.readTree("{}");
    ExecutionRecord p = runtime(new InMemoryRecordSink(), Map.of("FROM_PARENT", "one", "UNDECLARED", "x")).run(n, in, in).record();
    ExecutionRecord q = runtime(new InMemoryRecordSink(), Map.of("FROM_PARENT", "one", "UNDECLARED", "y")).run(n, in, in).record();
    ExecutionRecord r = runtime(new InMemoryRecordSink(), Map.of("FROM_PARENT", "two")).run(n, in, in).record();
    assertEquals(p.cacheKey(), q.cacheKey(), "undeclared variables do not matter");
    assertNotEquals(p.cacheKey(), r.cacheKey(), "declared variables do");
    assertEquals(p.traceHash(), r.traceHash(), "the trace covers content, not environment");
  }

  @Test
  void run_unsupportedType_isErrorRecordNotCrash() throws IOException {
    InMemoryRecordSink sink = new InMemoryRecordSink();
    LoadedNode n = node(tmp.resolve("d"), "docker", "");
    RunResult r = runtime(sink, Map.of()).run(n, M.readTree("{}"), M.readTree("{}"));
    assertEquals("error", r.record().status());
    assertEquals(ExecError.UNSUPPORTED_EXECUTOR.id(), r.record().error().orElseThrow().code());
    assertTrue(r.output().isEmpty());
    assertEquals(1, sink.records().size());
    assertValidRecord(r.record());
  }

  @Test
  void run_noopConstantOutput() throws IOException {
    LoadedNode n = node(tmp.resolve("c"), "noop", "x-noop-output: {answer: 42}");
    RunResult r = runtime(new InMemoryRecordSink(), Map.of()).run(n, M.readTree("{\"q\": 1}"), M.readTree("{}"));
    assertEquals(M.readTree("{\"answer\": 42}"), r.output().orElseThrow());
  }

  @Test
  void jsonDiff_namesEveryDifferingPath() throws IOException {
    List<String> d = JsonDiff.diff(M.readTree("{\"a\": 1, \"b\": [1, 2], \"c\": {\"x\": \"y\"}, \"m\": 1}"),
        M.readTree("{\"a\": 1.0, \"b\": [1, 3], \"c\": {\"x\": \"z\"}, \"e\": true}"));
    assertEquals(List.of("$.b[1]: expected 2, got 3", "$.c.x: expected \"y\", got \"z\"", "$.e: unexpected true",
        "$.m: expected 1, missing"), d);
  }
}
