package io.onex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.onex.core.hash.Sha256;
import io.onex.core.record.ExecutionRecord;
import io.onex.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** onex log, show and store fsck/rebuild on a real store. */
class BrowseCommandsTest {
  static final ExecutionRecord.Environment ENV = new ExecutionRecord.Environment("linux", "amd64", "17", Map.of());
  @TempDir Path repo;
  final List<ExecutionRecord> records = new ArrayList<>();

  static String hash(String s) {
    return Sha256.hex(s.getBytes(StandardCharsets.UTF_8));
  }

  static ExecutionRecord record(int i, String ns, String status) {
    boolean ran = !status.equals("cached");
    return new ExecutionRecord("rec-" + i, new ExecutionRecord.NodeRef(ns, ns.substring(ns.lastIndexOf('.') + 1), "1.0.0",
        hash("node" + ns)), hash("in" + i), hash("cfg"), status.equals("failure") ? Optional.empty() : Optional.of(hash("out" + i)),
        hash("trace" + i), hash("key" + i), status, ran ? Optional.of(status.equals("success") ? 0 : 1) : Optional.empty(),
        status.equals("failure") ? Optional.of(new ExecutionRecord.ErrorInfo("ONEX-X002", "exit 1")) : Optional.empty(),
        Instant.parse("2026-11-20T10:00:00Z").plusSeconds(60L * i).toString(), ran ? 10 + i : 0,
        Optional.of(new BigDecimal("0.001")), "python", ENV, Optional.empty(), Optional.empty(),
        status.equals("cached") ? Optional.of("rec-0") : Optional.empty(), Optional.empty(), Optional.empty());
  }

  @BeforeEach
  void fill() {
    assertEquals(0, CliRun.in(repo, "init").exit());
    String[] st = {"success", "failure", "cached"};
    for (int i = 0; i < 12; i++) {
      records.add(record(i, i % 2 == 0 ? "demo.tools.echo" : "demo.tools.grep", st[i % 3]));
    }
    try (Store s = Store.open(repo.resolve(".onex-store"), Clock.systemUTC(), Duration.ofSeconds(5))) {
      s.append(records);
    }
  }

  private static JsonSchema schema() throws IOException {
    try (InputStream in = Main.class.getResourceAsStream("cli-output.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(new ObjectMapper().readTree(in));
    }
  }

  private static void assertValid(String json) throws IOException {
    JsonNode out = new ObjectMapper().readTree(json);
    Set<ValidationMessage> errors = schema().validate(out);
    assertTrue(errors.isEmpty(), () -> errors + "\n" + json);
  }

  @Test
  void log_oneline_newestFirstWithColumnsAndLimit() {
    CliRun r = CliRun.in(repo, "log", "-n", "3");
    assertEquals(0, r.exit(), r.toString());
    List<String> lines = r.out().lines().toList();
    assertEquals(3, lines.size(), r.toString());
    assertEquals("2026-11-20 10:11:00  demo.tools.grep  1.0.0  cached  0ms  hit  " + hash("trace11").substring(0, 12), lines.get(0));
    assertEquals("2026-11-20 10:10:00  demo.tools.echo  1.0.0  failure  20ms  -  " + hash("trace10").substring(0, 12), lines.get(1));
    assertTrue(!r.out().contains("\u001b["), "no colours when not a terminal");
  }

  @Test
  void log_filters_andJsonLinesMatchTheSchema() throws IOException {
    CliRun r = CliRun.in(repo, "log", "echo", "--status", "success,failure", "--since", "2026-11-20T10:02:00Z",
        "--until", "2026-11-20T10:08:00Z", "--format", "json");
    assertEquals(0, r.exit(), r.toString());
    List<String> lines = r.out().lines().toList();
    List<String> ids = new ArrayList<>();
    for (String l : lines) {
      assertValid(l);
      ids.add(new ObjectMapper().readTree(l).get("record").get("record_id").asText());
    }
    assertEquals(List.of("rec-6", "rec-4"), ids);
    CliRun full = CliRun.in(repo, "log", "grep", "-n", "1", "--format", "full");
    assertTrue(full.out().startsWith("record rec-11\n"), full.toString());
    assertTrue(full.out().contains("cached from:   rec-0"), full.toString());
  }

  @Test
  void log_badArguments_areUsageErrorsWithCodes() {
    CliRun since = CliRun.in(repo, "log", "--since", "last tuesday");
    assertEquals(ExitCodes.USAGE, since.exit(), since.toString());
    assertTrue(since.err().contains("ONEX-L001"), since.toString());
    CliRun limit = CliRun.in(repo, "log", "-n", "-4");
    assertEquals(ExitCodes.USAGE, limit.exit());
    assertTrue(limit.err().contains("ONEX-L004"), limit.toString());
    CliRun status = CliRun.in(repo, "log", "--status", "ok");
    assertTrue(status.err().contains("ONEX-L004"), status.toString());
    CliRun huge = CliRun.in(repo, "log", "x".repeat(100_000));
    assertEquals(ExitCodes.USAGE, huge.exit());
    assertTrue(huge.err().contains("ONEX-L004") && huge.err().length() < 2_000, huge.err().length() + " chars of error");
    assertEquals(ExitCodes.USAGE, CliRun.in(repo, "log", "-n", "99999999999").exit());
  }

  @Test
  void show_byIdAndTracePrefix_andAmbiguousOrUnknownRefs() throws IOException {
    CliRun byId = CliRun.in(repo, "show", "rec-4");
    assertEquals(0, byId.exit(), byId.toString());
    assertTrue(byId.out().contains("record rec-4") && byId.out().contains(hash("trace4")), byId.toString());
    CliRun byTrace = CliRun.in(repo, "show", hash("trace7").substring(0, 8), "--format", "json");
    assertEquals(0, byTrace.exit(), byTrace.toString());
    assertValid(byTrace.out());
    assertEquals("rec-7", new ObjectMapper().readTree(byTrace.out()).get("record").get("record_id").asText());
    CliRun unknown = CliRun.in(repo, "show", "no-such-thing");
    assertEquals(ExitCodes.USAGE, unknown.exit(), unknown.toString());
    assertTrue(unknown.err().contains("ONEX-L003"), unknown.toString());
    CliRun longRef = CliRun.in(repo, "show", "a".repeat(5000));
    assertTrue(longRef.err().contains("ONEX-L004"), longRef.toString());
  }

  @Test
  void show_ambiguousTracePrefix_isL002() {
    // add records until two trace hashes share their first 4 hex digits
    Map<String, Integer> seen = new java.util.HashMap<>();
    int[] pair = null;
    for (int i = 100; pair == null; i++) {
      Integer prev = seen.putIfAbsent(hash("trace" + i).substring(0, 4), i);
      if (prev != null) {
        pair = new int[] {prev, i};
      }
    }
    try (Store s = Store.open(repo.resolve(".onex-store"), Clock.systemUTC(), Duration.ofSeconds(5))) {
      s.append(List.of(record(pair[0], "demo.tools.x", "success"), record(pair[1], "demo.tools.x", "success")));
    }
    CliRun r = CliRun.in(repo, "show", hash("trace" + pair[0]).substring(0, 4));
    assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
    assertTrue(r.err().contains("ONEX-L002") && r.err().contains(hash("trace" + pair[1])), r.toString());
  }

  @Test
  void show_node_printsContractAndMemory() throws IOException {
    CliRun.in(repo, "new", "greet");
    CliRun text = CliRun.in(repo, "show", "echo");
    assertEquals(0, text.exit(), text.toString());
    assertTrue(text.out().contains("memory demo.tools.echo@1.0.0"), text.toString());
    assertTrue(text.out().contains("runs:          6 (2 success, 2 failure/error)"), text.toString());
    CliRun json = CliRun.in(repo, "show", "echo", "--format", "json");
    assertValid(json.out());
    JsonNode m = new ObjectMapper().readTree(json.out()).get("memory").get(0);
    assertEquals(6, m.get("aggregates").get("total_runs").asInt());
    assertEquals(0.5, m.get("trust").get("value").asDouble(), 0.2);
    CliRun greet = CliRun.in(repo, "show", "greet", "--format", "json");
    assertEquals(0, greet.exit(), greet.toString());
    assertValid(greet.out());
    JsonNode g = new ObjectMapper().readTree(greet.out());
    assertEquals("greet", g.get("contract").get("name").asText());
    assertEquals(0, g.get("memory").size());
  }

  @Test
  void storeFsckAndRebuild_reportCountsAndProblems() throws IOException {
    CliRun ok = CliRun.in(repo, "store", "fsck", "--format", "json");
    assertEquals(0, ok.exit(), ok.toString());
    assertValid(ok.out());
    assertEquals(12, new ObjectMapper().readTree(ok.out()).get("indexed_records").asInt());
    // drop one by_time entry behind the store's back: fsck finds it (exit 1, with its code)
    try (org.mapdb.DB db = org.mapdb.DBMaker.fileDB(repo.resolve(".onex-store/store.db").toFile())
        .transactionEnable().fileMmapEnableIfSupported().make()) {
      var byTime = db.treeMap("by_time", org.mapdb.Serializer.STRING, org.mapdb.Serializer.STRING).open();
      byTime.remove(byTime.firstKey());
      db.commit();
    }
    CliRun bad = CliRun.in(repo, "store", "fsck");
    assertEquals(ExitCodes.FINDINGS, bad.exit(), bad.toString());
    assertTrue(bad.out().contains("ONEX-D015") || bad.out().contains("ONEX-D017"), bad.toString());
    CliRun rebuilt = CliRun.in(repo, "store", "rebuild", "--format", "json");
    assertEquals(0, rebuilt.exit(), rebuilt.toString());
    assertValid(rebuilt.out());
    assertEquals(12, new ObjectMapper().readTree(rebuilt.out()).get("records").asInt());
    assertEquals(0, CliRun.in(repo, "store", "fsck").exit());
    assertTrue(CliRun.in(repo, "store", "rebuild").out().startsWith("rebuilt store.db from the record log: 12 record(s)"));
  }

  @Test
  void pagerAndColour_followGitsRules() {
    assertEquals(Optional.empty(), CliEnvironment.pager(Map.of("PAGER", "more"), false), "never without a terminal");
    assertEquals(Optional.empty(), CliEnvironment.pager(Map.of("CI", "true"), true), "never in CI");
    assertEquals(Optional.of("less -FRX"), CliEnvironment.pager(Map.of(), true));
    assertEquals(Optional.of("more"), CliEnvironment.pager(Map.of("PAGER", "more"), true));
    assertEquals(Optional.of("most"), CliEnvironment.pager(Map.of("PAGER", "more", "ONEX_PAGER", "most"), true));
    assertEquals(Optional.empty(), CliEnvironment.pager(Map.of("ONEX_PAGER", "cat"), true));
    assertEquals(Optional.empty(), CliEnvironment.pager(Map.of("PAGER", " "), true));
    assertTrue(CliEnvironment.colour(Map.of(), true));
    assertTrue(!CliEnvironment.colour(Map.of("NO_COLOR", ""), true));
    assertTrue(!CliEnvironment.colour(Map.of("TERM", "dumb"), true));
    assertTrue(!CliEnvironment.colour(Map.of(), false));
  }
}
