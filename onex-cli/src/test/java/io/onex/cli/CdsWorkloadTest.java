package io.onex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's AppCDS training workload runs every step to exit 0 in an empty directory. */
class CdsWorkloadTest {

  @Test
  void run_everyStepSucceedsInAnEmptyDirectory(@TempDir Path tmp) {
    Path dir = tmp.resolve("repo");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> env = Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
        "HOME", tmp.resolve("home").toString(), "GIT_CONFIG_NOSYSTEM", "1", "GIT_DIR", tmp.resolve("elsewhere").toString());

    int rc = CdsWorkload.run(dir, env, new PrintWriter(out, true), new PrintWriter(err, true));

    assertEquals(0, rc, () -> out + "\n--- err\n" + err);
    assertTrue(Files.isDirectory(dir.resolve(".git")), "made its own git repository despite GIT_DIR");
    assertTrue(out.toString().contains("$ onex cache ls"), "ran to the last step");
    assertTrue(out.toString().contains("1 cache entry"), "the test case result was stored and listed");
  }
}
