package io.onex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every record of {@code onex run} and {@code onex test} reaches the notes refs in the same
 * invocation, attached to the node's content (a blob that exists before any commit), and
 * command-line {@code git notes} reads it.
 */
class RunRecordsNotesTest {
  @TempDir Path dir;

  private static String git(Path dir, String... args) throws Exception {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "git";
    System.arraycopy(args, 0, cmd, 1, args.length);
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", args) + ": " + out);
    return out;
  }

  @Test
  void run_beforeAnyCommit_writesTheRecordToTheNodesBlobNote() throws Exception {
    git(dir, "init", "-q", "-b", "main");
    assertEquals(0, CliRun.in(dir, "init").exit());
    assertEquals(0, CliRun.in(dir, "new", "echo", "--type", "noop").exit());
    CliRun run = CliRun.in(dir, "run", "echo", "--input", "{\"text\": \"hi\"}", "--format", "json");
    assertEquals(0, run.exit(), run.toString());
    String recordId = new ObjectMapper().readTree(run.out()).path("record").path("record_id").asText();

    String blob = git(dir, "hash-object", "echo/node.onex.yaml").trim();
    String note = git(dir, "notes", "--ref", "refs/notes/onex/records", "show", blob);
    JsonNode line = new ObjectMapper().readTree(note.lines().filter(l -> l.contains(recordId)).findFirst().orElseThrow());
    assertEquals("success", line.path("status").asText());
    assertEquals("1", git(dir, "rev-list", "--count", "refs/notes/onex/records").trim(), "one notes commit for the invocation");
  }

  @Test
  void test_secondRunServedFromCache_bothRecordsInTheNotes() throws Exception {
    git(dir, "init", "-q", "-b", "main");
    assertEquals(0, CliRun.in(dir, "init").exit());
    assertEquals(0, CliRun.in(dir, "new", "echo", "--type", "noop").exit());
    assertEquals(0, CliRun.in(dir, "test", "echo").exit());
    CliRun again = CliRun.in(dir, "test", "echo");
    assertEquals(0, again.exit(), again.toString());
    String blob = git(dir, "hash-object", "echo/node.onex.yaml").trim();
    String note = git(dir, "notes", "--ref", "refs/notes/onex/records", "show", blob);
    assertEquals(2, note.lines().count(), note);
    assertTrue(note.contains("\"status\":\"cached\""), note);
    assertEquals("2", git(dir, "rev-list", "--count", "refs/notes/onex/records").trim());
  }
}
