package io.onex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.project.NodeLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stamping rewrites node.onex.yaml: under a SIGKILL at a random moment, and with two stampers
 * running at once, the file is always either the old or the new version, never a mix, and a
 * later stamp always converges on the right lock. Child JVMs run the real CLI main class.
 */
class StampCrashTest {
  @TempDir Path repo;

  private Process stamp(String node) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.onex.cli.Main", "stamp", node)
        .directory(repo.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  @Test
  void stamp_killedAtRandomMoments_leavesOldOrNewFile() throws Exception {
    CliRun.in(repo, "init");
    CliRun.in(repo, "new", "greet");
    Path meta = repo.resolve("greet/node.onex.yaml");
    Path main = repo.resolve("greet/main.py");
    Random random = new Random(20261123);
    int kills = Integer.getInteger("onex.stamp.kills", 12);
    for (int i = 0; i < kills; i++) {
      String before = Files.readString(meta, StandardCharsets.UTF_8);
      Files.writeString(main, Files.readString(main) + "# change " + i + "\n");
      Process p = stamp("greet");
      long spin = random.nextInt(400_000_000);
      for (long s = 0; s < spin && p.isAlive(); s++) {
        Thread.onSpinWait();
      }
      p.destroyForcibly();
      p.waitFor();
      String after = Files.readString(meta, StandardCharsets.UTF_8);
      boolean unchanged = after.equals(before);
      boolean stamped = NodeLock.compute(repo.resolve("greet"), "greet/node.onex.yaml")
          .equals(io.onex.core.yaml.StrictYaml.load(meta, "m", io.onex.core.yaml.YamlLimits.DEFAULT).root().path("hash").asText());
      assertTrue(unchanged || stamped, "iteration " + i + ": node.onex.yaml is neither the old nor a correctly stamped file:\n" + after);
      removeLeftoverTemps();
      assertEquals(0, CliRun.in(repo, "stamp", "greet").exit());
      assertEquals(0, CliRun.in(repo, "validate", "greet").exit(), "converges after a rerun");
    }
  }

  @Test
  void stamp_twoConcurrentStampers_bothSucceedAndLockIsRight() throws Exception {
    CliRun.in(repo, "init");
    CliRun.in(repo, "new", "greet");
    for (int round = 0; round < 4; round++) {
      Files.writeString(repo.resolve("greet/main.py"), Files.readString(repo.resolve("greet/main.py")) + "# edit " + round + "\n");
      List<Process> ps = new ArrayList<>(List.of(stamp("greet"), stamp("greet")));
      for (Process p : ps) {
        assertEquals(0, p.waitFor(), "round " + round);
      }
      CliRun v = CliRun.in(repo, "validate", "greet");
      assertEquals(0, v.exit(), v::toString);
      assertTrue(Set.of("main.py", "node.onex.yaml", "state_contract.json").containsAll(
          Files.list(repo.resolve("greet")).map(p -> p.getFileName().toString()).toList()), "no temporary file in the node");
    }
  }

  /** A kill between creating the temporary file and renaming it leaves the temporary file: it is visible, never silently hashed away. */
  private void removeLeftoverTemps() throws IOException {
    try (Stream<Path> s = Files.list(repo.resolve("greet"))) {
      for (Path p : s.toList()) {
        if (p.getFileName().toString().startsWith(".onex-stamp")) {
          Files.delete(p);
        }
      }
    }
    assertTrue(Set.of("main.py", "node.onex.yaml", "state_contract.json").containsAll(
        Files.list(repo.resolve("greet")).map(p -> p.getFileName().toString()).toList()));
  }
}
