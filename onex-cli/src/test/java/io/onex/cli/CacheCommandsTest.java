package io.onex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onex run/test} with the store's cache, {@code onex cache ...} and {@code onex why}, in-process on real nodes. */
class CacheCommandsTest {
  static final ObjectMapper M = new ObjectMapper();
  static final String IN = "{\"name\": \"Ada\"}";
  @TempDir Path repo;

  @BeforeEach
  void setUp() {
    CliRun.in(repo, "init");
    CliRun.in(repo, "new", "greet", "--type", "python");
    CliRun.in(repo, "tree");
  }

  private static JsonNode json(CliRun r) throws IOException {
    return M.readTree(r.out());
  }

  private static void assertValid(CliRun r) throws IOException {
    try (InputStream in = Main.class.getResourceAsStream("cli-output.schema.json")) {
      JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(M.readTree(in));
      Set<ValidationMessage> errors = s.validate(json(r));
      assertTrue(errors.isEmpty(), () -> errors + "\n" + r);
    }
  }

  @Test
  void run_twice_secondIsCachedAndPersisted() throws IOException {
    CliRun first = CliRun.in(repo, "run", "greet", "--input", IN, "--format", "json");
    assertEquals(0, first.exit(), first::toString);
    String id = json(first).get("record").get("record_id").asText();
    CliRun second = CliRun.in(repo, "run", "greet", "--input", IN);
    assertEquals(0, second.exit(), second::toString);
    assertTrue(second.out().contains("status: cached (from " + id.substring(0, 8) + ")"), second::toString);
    assertTrue(second.out().contains("Hello, Ada!"), second::toString);
    CliRun forced = CliRun.in(repo, "run", "greet", "--input", IN, "--no-cache");
    assertTrue(forced.out().startsWith("status: success"), forced::toString);
    assertTrue(Files.exists(repo.resolve(".onex-store/records/records.jsonl")));
  }

  @Test
  void test_secondRunIsServedFromTheCache() {
    CliRun first = CliRun.in(repo, "test", "greet");
    assertEquals(0, first.exit(), first::toString);
    CliRun second = CliRun.in(repo, "test", "greet");
    assertEquals(0, second.exit(), second::toString);
    assertTrue(second.out().contains("cached from "), second::toString);
    CliRun forced = CliRun.in(repo, "test", "greet", "--no-cache");
    assertTrue(!forced.out().contains("cached from ") && forced.exit() == 0, forced::toString);
  }

  @Test
  void why_namesTheDifferingComponent() throws IOException {
    CliRun none = CliRun.in(repo, "why", "greet", "--input", IN, "--format", "json");
    assertEquals("no_earlier_execution", json(none).get("component").asText(), none::toString);
    assertValid(none);
    CliRun.in(repo, "run", "greet", "--input", IN);
    CliRun hit = CliRun.in(repo, "why", "greet", "--input", IN);
    assertTrue(hit.out().startsWith("hit: "), hit::toString);
    CliRun input = CliRun.in(repo, "why", "greet", "--input", "{\"name\": \"Bob\"}", "--format", "json");
    assertEquals("input", json(input).get("component").asText());
    assertTrue(json(input).get("earlier").isTextual() && json(input).get("current").isTextual());
    assertValid(input);
    CliRun config = CliRun.in(repo, "why", "greet", "--input", IN, "--config", "{\"x\": 1}");
    assertTrue(config.out().startsWith("miss (config): "), config::toString);
    Files.writeString(repo.resolve("greet/main.py"), Files.readString(repo.resolve("greet/main.py")) + "# edit\n");
    CliRun.in(repo, "stamp", "greet");
    CliRun node = CliRun.in(repo, "why", "greet", "--input", IN);
    assertTrue(node.out().startsWith("miss (node): "), node::toString);
  }

  @Test
  void cache_lsShowClearGc() throws IOException {
    CliRun.in(repo, "run", "greet", "--input", IN);
    CliRun ls = CliRun.in(repo, "cache", "ls", "--format", "json");
    assertEquals(0, ls.exit(), ls::toString);
    assertValid(ls);
    JsonNode entries = json(ls).get("entries");
    assertEquals(1, entries.size(), ls::toString);
    String key = entries.get(0).get("key").asText();
    assertEquals("greet", entries.get(0).get("name").asText());
    assertTrue(entries.get(0).get("output_bytes").asLong() > 0);
    CliRun lsText = CliRun.in(repo, "cache", "ls");
    assertTrue(lsText.out().contains(key.substring(0, 12)) && lsText.out().contains("1 cache entry"), lsText::toString);

    CliRun show = CliRun.in(repo, "cache", "show", key.substring(0, 8), "--format", "json");
    assertValid(show);
    assertEquals("Hello, Ada!", json(show).get("output").get("greeting").asText(), show::toString);
    CliRun unknown = CliRun.in(repo, "cache", "show", "ffff0000");
    assertEquals(ExitCodes.USAGE, unknown.exit(), unknown::toString);
    assertTrue(unknown.err().contains("ONEX-K006"), unknown::toString);

    CliRun clear = CliRun.in(repo, "cache", "clear", "greet", "--format", "json");
    assertValid(clear);
    assertEquals(1, json(clear).get("removed_outputs").asInt());
    CliRun why = CliRun.in(repo, "why", "greet", "--input", IN);
    assertTrue(why.out().startsWith("miss (output_missing)"), why::toString);
    CliRun rerun = CliRun.in(repo, "run", "greet", "--input", IN);
    assertTrue(rerun.out().startsWith("status: success"), rerun::toString);

    Files.writeString(repo.resolve(".onex-store/outputs/.dead-writer.tmp"), "{");
    CliRun gc = CliRun.in(repo, "cache", "gc", "--format", "json");
    assertValid(gc);
    assertEquals(1, json(gc).get("removed_temp_files").asInt(), gc::toString);
    assertEquals(1, json(gc).get("kept_outputs").asInt(), gc::toString);
    assertEquals("cached", json(CliRun.in(repo, "run", "greet", "--input", IN, "--format", "json")).get("record").get("status").asText());
  }
}
