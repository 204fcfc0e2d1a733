package io.onex.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training run of the launcher's class-data-sharing archive (README "The launcher"): the
 * {@code ./onex} launcher starts {@code java -XX:ArchiveClassesAtExit=<tmp> -cp onex.jar
 * io.onex.cli.CdsWorkload <empty directory>} once per jar. In that one JVM it makes a git
 * repository in the directory and runs the commands users run most (init, new, stamp, tree,
 * validate with JSON output, test executing then served from the cache, run, log, show), so
 * that picocli, YAML and schema validation, Jackson, the executor, MapDB and JGit classes land in
 * the archive. Not a subcommand: nothing a user types reaches it.
 *
 * <p>Invariant: exit 0 only when every step exited as expected; the launcher keeps the archive
 * only then. All output goes to this process's stdout and stderr (the launcher's log file).
 */
final class CdsWorkload {
  private static final List<String> DROP = List.of(
      "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "ONEX_CWD", "ONEX_LAUNCHER", "ONEX_SKIP", "ONEX_DEBUG");
  private static final List<List<String>> STEPS = List.of(
      List.of("--version"),
      List.of("init"),
      List.of("new", "train", "--type", "noop"),
      List.of("stamp", "train"),
      List.of("tree"),
      List.of("stamp", "--check"),
      List.of("tree", "--check"),
      List.of("validate", "--format", "json"),
      List.of("validate"),
      List.of("test", "--all"),
      List.of("test", "--all", "--format", "json"),
      List.of("run", "train", "--input", "{\"text\": \"hello\"}", "--format", "json"),
      List.of("run", "train", "--input", "{\"text\": \"hello\"}"),
      List.of("log", "-n", "1"),
      List.of("log", "-n", "1", "--format", "json"),
      List.of("show", "train"),
      List.of("cache", "ls"));

  private CdsWorkload() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: java -cp onex.jar io.onex.cli.CdsWorkload <empty directory>");
      System.exit(2);
    }
    System.exit(run(Paths.get(args[0]).toAbsolutePath().normalize(), System.getenv(),
        new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs every step in {@code dir} under {@code baseEnv}; the first failing step's exit code, else 0. */
  static int run(Path dir, Map<String, String> baseEnv, PrintWriter out, PrintWriter err) {
    Map<String, String> env = new HashMap<>(baseEnv);
    DROP.forEach(env::remove);
    env.put("ONEX_CWD", dir.toString());
    env.put("ONEX_CDS", "0");
    env.put("NO_COLOR", "1");
    env.putIfAbsent("GIT_AUTHOR_NAME", "onex launcher");
    env.putIfAbsent("GIT_AUTHOR_EMAIL", "onex@localhost");
    env.putIfAbsent("GIT_COMMITTER_NAME", "onex launcher");
    env.putIfAbsent("GIT_COMMITTER_EMAIL", "onex@localhost");
    try {
      Files.createDirectories(dir);
      io.onex.git.GitCli.check(dir, env, "init", "-q");
    } catch (java.io.IOException | RuntimeException e) {
      err.println("cds workload: cannot make a git repository in " + dir + ": " + e);
      return 3;
    }
    for (List<String> step : STEPS) {
      out.println("$ onex " + String.join(" ", step));
      int rc = Main.run(step.toArray(String[]::new), out, err, env);
      if (rc != 0) {
        err.println("cds workload: 'onex " + String.join(" ", step) + "' exited " + rc);
        return rc;
      }
    }
    return 0;
  }
}
