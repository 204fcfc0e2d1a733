package io.onex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store is a derived index of the notes: a clone that fetches the notes sees the history in
 * {@code onex log}, and deleting the store (database and local log) loses nothing that reached
 * the notes ({@code onex store rebuild}, or simply the next command).
 */
class StoreFromNotesTest {
  @TempDir Path tmp;

  private static String git(Path dir, String... args) throws Exception {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "git";
    System.arraycopy(args, 0, cmd, 1, args.length);
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", args) + ": " + out);
    return out;
  }

  private static String recordId(CliRun run) throws Exception {
    return new ObjectMapper().readTree(run.out()).path("record").path("record_id").asText();
  }

  private static void deleteTree(Path p) throws Exception {
    if (Files.exists(p)) {
      try (Stream<Path> s = Files.walk(p)) {
        for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(q);
        }
      }
    }
  }

  @Test
  void clone_fetchesNotes_logShowsTheHistory_andRebuildRecoversFromNotesAlone() throws Exception {
    Path a = Files.createDirectories(tmp.resolve("a"));
    git(a, "init", "-q", "-b", "main");
    git(tmp, "init", "-q", "--bare", "-b", "main", "remote.git");
    git(a, "remote", "add", "origin", tmp.resolve("remote.git").toString());
    assertEquals(0, CliRun.in(a, "init").exit());
    assertEquals(0, CliRun.in(a, "new", "echo", "--type", "noop").exit());
    assertEquals(0, CliRun.in(a, "tree").exit());
    CliRun run = CliRun.in(a, "run", "echo", "--input", "{\"text\": \"hi\"}", "--format", "json");
    assertEquals(0, run.exit(), run.toString());
    String id = recordId(run);
    git(a, "add", "-A");
    git(a, "commit", "-q", "-m", "echo");
    git(a, "push", "-q", "origin", "main", "refs/notes/onex/*:refs/notes/onex/*");

    git(tmp, "clone", "-q", tmp.resolve("remote.git").toString(), "b");
    Path b = tmp.resolve("b");
    CliRun before = CliRun.in(b, "log", "--format", "json");
    assertEquals(0, before.exit(), before.toString());
    assertTrue(!before.out().contains(id), "a plain clone has no notes yet");
    CliRun sync = CliRun.in(b, "sync", "origin", "--no-push");
    assertEquals(0, sync.exit(), sync.toString());
    CliRun after = CliRun.in(b, "log", "--format", "json");
    assertTrue(after.out().contains(id), "the fetched notes are indexed: " + after);

    Files.list(b.resolve(".onex-store")).filter(p -> p.getFileName().toString().startsWith("store.db")).forEach(p -> p.toFile().delete());
    deleteTree(b.resolve(".onex-store/records"));
    Files.deleteIfExists(b.resolve(".onex-store/notes-indexed"));
    CliRun rebuild = CliRun.in(b, "store", "rebuild", "--format", "json");
    assertEquals(0, rebuild.exit(), rebuild.toString());
    assertTrue(new ObjectMapper().readTree(rebuild.out()).path("records").asInt() >= 1, rebuild.toString());
    CliRun show = CliRun.in(b, "show", id);
    assertEquals(0, show.exit(), show.toString());
    assertTrue(show.out().contains(id), show.toString());
  }
}
