package io.onex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onex run} and {@code onex test} through the CLI, with real python and shell processes. */
class RunAndTestCommandsTest {
  @TempDir Path repo;

  @BeforeEach
  void setUp() {
    CliRun.in(repo, "init");
    CliRun.in(repo, "new", "greet", "--type", "python");
    CliRun.in(repo, "new", "shout", "--type", "cli");
    CliRun.in(repo, "tree");
  }

  @Test
  void run_byName_byUri_byDirectory_giveSameTrace() throws IOException {
    ObjectMapper m = new ObjectMapper();
    String[] refs = {"greet", "tool://onex.nodes.greet@^0.1", "greet/"};
    String trace = null;
    for (String ref : refs) {
      CliRun r = CliRun.in(repo, "run", ref, "--input", "{\"name\": \"Ada\"}", "--format", "json");
      assertEquals(0, r.exit(), r::toString);
      JsonNode json = m.readTree(r.out());
      assertEquals("Hello, Ada!", json.get("output").get("greeting").asText());
      String t = json.get("record").get("trace_hash").asText();
      assertTrue(trace == null || trace.equals(t), "same node, input and output: same trace_hash");
      trace = t;
    }
  }

  @Test
  void run_inputFromFile_andContractViolation() throws IOException {
    Files.writeString(repo.resolve("in.json"), "{\"text\": \"quiet\"}");
    CliRun ok = CliRun.in(repo, "run", "shout", "--input", "@in.json");
    assertEquals(0, ok.exit(), ok::toString);
    assertTrue(ok.out().contains("\"text\":\"QUIET\""), ok::toString);
    CliRun bad = CliRun.in(repo, "run", "greet", "--input", "{\"name\": 5}");
    assertEquals(ExitCodes.FINDINGS, bad.exit(), bad::toString);
    assertTrue(bad.out().contains("ONEX-X002") && bad.out().contains("$.name"), bad::toString);
  }

  @Test
  void run_timeoutOption_killsSlowNode() throws IOException {
    Path main = repo.resolve("greet/main.py");
    Files.writeString(main, "import time\ntime.sleep(60)\n");
    CliRun.in(repo, "stamp", "greet");
    CliRun r = CliRun.in(repo, "run", "greet", "--input", "{\"name\": \"x\"}", "--timeout", "1");
    assertEquals(ExitCodes.FINDINGS, r.exit(), r::toString);
    assertTrue(r.out().contains("ONEX-X004"), r::toString);
  }

  @Test
  void run_badJsonAndUnknownNode_areUsageErrors() {
    CliRun badJson = CliRun.in(repo, "run", "greet", "--input", "{name:");
    assertEquals(ExitCodes.USAGE, badJson.exit(), badJson::toString);
    assertTrue(badJson.err().contains("ONEX-C004"), badJson::toString);
    CliRun unknown = CliRun.in(repo, "run", "nope");
    assertEquals(ExitCodes.USAGE, unknown.exit(), unknown::toString);
    assertTrue(unknown.err().contains("ONEX-X016"), unknown::toString);
  }

  @Test
  void run_invalidNode_isRefused() throws IOException {
    Path main = repo.resolve("greet/main.py");
    Files.writeString(main, Files.readString(main) + "# edited without stamping\n");
    CliRun r = CliRun.in(repo, "run", "greet", "--input", "{\"name\": \"x\"}");
    assertEquals(ExitCodes.ENVIRONMENT, r.exit(), r::toString);
    assertTrue(r.err().contains("ONEX-X017") && r.err().contains("ONEX-V030"), r::toString);
  }

  @Test
  void test_all_passes_thenFailsWithDiffAfterBreakingNode() throws IOException {
    CliRun ok = CliRun.in(repo, "test", "--all");
    assertEquals(0, ok.exit(), ok::toString);
    assertTrue(ok.out().contains("2 test cases: 2 passed, 0 failed"), ok::toString);
    Path main = repo.resolve("greet/main.py");
    Files.writeString(main, Files.readString(main).replace("Hello, ", "Bye, "));
    CliRun.in(repo, "stamp", "greet");
    CliRun bad = CliRun.in(repo, "test", "greet");
    assertEquals(ExitCodes.FINDINGS, bad.exit(), bad::toString);
    assertTrue(bad.out().contains("$.greeting: expected \"Hello, Ada!\", got \"Bye, Ada!\""), bad::toString);
    assertTrue(bad.out().contains("1 test cases: 0 passed, 1 failed"), bad::toString);
    CliRun json = CliRun.in(repo, "test", "greet", "--format", "json");
    assertFalse(json.out().isBlank());
  }

  @Test
  void test_requiresNodesOrAll() {
    CliRun r = CliRun.in(repo, "test");
    assertEquals(ExitCodes.USAGE, r.exit(), r::toString);
  }
}
