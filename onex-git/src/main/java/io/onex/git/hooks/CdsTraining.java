package io.onex.git.hooks;

import io.onex.core.project.ProjectInit;
import io.onex.core.project.Workspace;
import io.onex.git.GitCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The training run behind the hooks' CDS archive: a scratch repository (temporary directory)
 * with one staged noop node, judged by {@code <java> -XX:ArchiveClassesAtExit=<tmp> ... hook
 * pre-commit}: indexer, validator, schema, executor, store and notes, the classes a real
 * pre-commit loads. The archive is renamed into place only when the run exited 0 and wrote it.
 */
final class CdsTraining {
  private static final long TIMEOUT_SECONDS = 180;
  private static final String NODE = """
      schema_version: "1.0.0"
      name: train
      version: "1.0.0"
      uuid: "6f1c2b8e-3d4a-4b5c-9d6e-7f8a9b0c1d2e"
      author: "onex hooks install"
      created_at: "2025-01-01T00:00:00Z"
      last_modified_at: "2025-01-01T00:00:00Z"
      description: "Training node for the class-data-sharing archive."
      state_contract: "state_contract://state.schema.json"
      lifecycle: active
      hash: "0000000000000000000000000000000000000000000000000000000000000000"
      namespace: onex.train
      meta_type: tool
      entrypoint: {type: noop, target: "-"}
      tests:
        - name: echo
          input: {x: 1}
          expected_output: {x: 1}
      """;

  private CdsTraining() {}

  /** Makes {@code jsa}; false (and no file) when the training run failed. */
  static boolean run(HookJvm.Command cmd, Path jsa, Map<String, String> env) throws IOException {
    Path scratch = Files.createTempDirectory("onex-cds-");
    Path tmp = jsa.resolveSibling(jsa.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    Path log = jsa.resolveSibling("training.log");
    try {
      Map<String, String> e = new HashMap<>(env);
      List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "ONEX_CWD", "ONEX_SKIP").forEach(e::remove);
      scratchRepo(scratch, e);
      List<String> argv = new ArrayList<>();
      argv.add(cmd.java().toString());
      argv.add("-XX:ArchiveClassesAtExit=" + tmp);
      argv.addAll(HookJvm.FLAGS);
      argv.addAll(cmd.launch());
      argv.addAll(List.of("hook", "pre-commit"));
      ProcessBuilder pb = new ProcessBuilder(argv).directory(scratch.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      pb.environment().clear();
      pb.environment().putAll(e);
      Process p = pb.start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      if (p.exitValue() != 0 || !Files.isRegularFile(tmp)) {
        return false;
      }
      Files.move(tmp, jsa, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.deleteIfExists(log);
      return true;
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      return false;
    } catch (IOException | RuntimeException ex) {
      Files.writeString(log, "training run failed: " + ex.getMessage() + "\n", StandardCharsets.UTF_8);
      return false;
    } finally {
      Files.deleteIfExists(tmp);
      delete(scratch);
    }
  }

  private static void scratchRepo(Path dir, Map<String, String> env) throws IOException {
    GitCli.check(dir, env, "init", "-q");
    ProjectInit.init(dir);
    Path node = dir.resolve("train");
    Files.createDirectories(node);
    Files.writeString(node.resolve("node.onex.yaml"), NODE, StandardCharsets.UTF_8);
    Files.writeString(node.resolve("state.schema.json"), "{\"type\": \"object\", \"properties\": {}}\n", StandardCharsets.UTF_8);
    Workspace ws = Workspace.open(dir);
    ws.stamp(List.of(), false, Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC), "onex hooks install");
    ws.tree(false);
    GitCli.check(dir, env, "add", "-A");
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
