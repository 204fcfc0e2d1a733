package io.onex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onex demo} end to end on a real repository, checked with command-line git. */
class DemoTest {
  @TempDir Path tmp;

  @Test
  void demo_catchesAndFixesBrokenNode_inRealGitRepository() throws Exception {
    Path dir = tmp.resolve("demo");
    CliRun r = CliRun.in(tmp, "demo", dir.toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("ONEX-V030"), r::toString);
    assertTrue(r.out().contains("ONEX-S002"), r::toString);
    assertTrue(r.out().contains("demo finished: the broken node was caught and fixed"), r::toString);
    assertTrue(r.out().contains("PASS word_count :: scaffolded_default"), r::toString);
    assertTrue(r.out().contains("\"status\" : \"success\""), "the generated node's record is shown: " + r);
    assertEquals("5", git(dir, "rev-list", "--count", "HEAD").strip(), "three commits, then two through the hooks");
    assertTrue(r.out().contains("(the commit was blocked)"), "the failing change is blocked: " + r);
    assertTrue(r.out().contains("the same history on both sides"), "the clone fetched the history: " + r);
    assertTrue(git(dir, "notes", "--ref", "onex/commits", "show", "HEAD").contains("\"status\":\"cached\""),
        "the last commit was served from the cache, as its summary note says");
    assertTrue(Files.isDirectory(tmp.resolve("demo-clone/.git")), "the clone is beside the demo repository");
    assertEquals("", git(dir, "status", "--porcelain").strip(), "nothing left uncommitted");
    String files = git(dir, "ls-files");
    assertTrue(files.contains("nodes/greet/node.onex.yaml") && files.contains(".tree") && files.contains(".onex-store/config.yaml")
        && files.contains("nodes/scaffold/scaffold.py") && files.contains("nodes/word_count/main.py"), files);
    assertEquals(0, CliRun.in(dir, "validate").exit(), "the demo repository validates afterwards");
  }

  @Test
  void demo_refusesNonEmptyDirectory() throws IOException {
    Files.writeString(tmp.resolve("precious.txt"), "mine", StandardCharsets.UTF_8);
    CliRun r = CliRun.in(tmp, "demo", tmp.toString());
    assertEquals(ExitCodes.ENVIRONMENT, r.exit(), r::toString);
    assertTrue(r.err().contains("ONEX-C001"), r::toString);
    assertEquals("mine", Files.readString(tmp.resolve("precious.txt")));
  }

  static String git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }
}
