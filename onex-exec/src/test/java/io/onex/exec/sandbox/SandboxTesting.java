package io.onex.exec.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Helpers shared by the sandbox tests: runs that prove they left nothing behind. */
final class SandboxTesting {
  static final String PATH = "/usr/local/bin:/usr/bin:/bin";
  static final Map<String, String> PARENT = Map.of("PATH", PATH);

  private SandboxTesting() {}

  /** Runs the spec and asserts the base temp dir holds as many entries after as before. */
  static SandboxResult run(SandboxSpec spec) {
    return run(spec, Sandbox.findSetsid());
  }

  /** Same, with an explicit setsid binary ({@code null}: run without process groups). */
  static SandboxResult run(SandboxSpec spec, Path setsid) {
    long before = entries(spec.tempBase());
    SandboxResult result = Sandbox.run(spec, setsid);
    assertEquals(before, entries(spec.tempBase()), "sandbox directory left behind in "
        + spec.tempBase());
    return result;
  }

  static long entries(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    } catch (IOException e) {
      throw new AssertionError("cannot list " + dir, e);
    }
  }

  /** A spec for {@code sh -c script} with the test PATH and the given base temp dir. */
  static SandboxSpec sh(Path base, Path nodeDir, String script) {
    return SandboxSpec.of(List.of("/bin/sh", "-c", script), nodeDir)
        .withParentEnvironment(PARENT)
        .withTempBase(base);
  }

  /** The pids printed one per line on stdout. */
  static List<Long> pids(SandboxResult result) {
    List<Long> out = new ArrayList<>();
    for (String line : result.stdoutText().split("\n")) {
      if (!line.isBlank()) {
        out.add(Long.parseLong(line.trim()));
      }
    }
    return out;
  }

  /**
   * Asserts the process no longer runs: right away it must be gone or a zombie (so the sandbox
   * killed it before returning), and within a bounded wait it must be reaped.
   */
  static void assertKilled(List<Long> pids) throws Exception {
    assertFalse(pids.isEmpty(), "no pids to check");
    List<CompletableFuture<ProcessHandle>> exits = new ArrayList<>();
    for (long pid : pids) {
      assertTrue(ProcTable.isDead(pid), "process " + pid + " still runs after run() returned: "
          + ProcTable.stat(pid));
      Optional<ProcessHandle> h = ProcessHandle.of(pid);
      h.ifPresent(p -> exits.add(p.onExit()));
    }
    CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
    for (long pid : pids) {
      assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
          "process " + pid + " is alive");
    }
  }

  /** The absolute path of the python3 interpreter (not a shim). */
  static String python() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)")
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertEquals(0, p.waitFor(), out);
      return out;
    } catch (IOException e) {
      throw new AssertionError("python3 not found", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
