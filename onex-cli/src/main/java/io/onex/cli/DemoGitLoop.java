package io.onex.cli;

import io.onex.core.project.Workspace;
import io.onex.git.hooks.HookInstaller;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The git half of {@code onex demo}: hooks installed, then real {@code git commit}s through them
 * (one that passes, one that is blocked, one served from the cache), a clone that receives the
 * history by fetching the notes, and {@code onex log} in both. Git runs as the command line
 * does for a user; the hooks call back into ONEX through the launcher.
 */
final class DemoGitLoop {
  private final CliEnvironment env;
  private final PrintWriter out;
  private final Consumer<String> title;

  DemoGitLoop(CliEnvironment env, PrintWriter out, Consumer<String> title) {
    this.env = env;
    this.out = out;
    this.title = title;
  }

  private record Run(int exit, String output) {}

  boolean run(Path dir) throws IOException {
    Map<String, String> gitEnv = gitEnv(dir);
    title.accept("Install the git hooks (onex hooks install): the repository is now the pipeline");
    HookInstaller.Report installed = HookInstaller.install(dir, gitEnv, Optional.of(gitEnv.get("ONEX_LAUNCHER")));
    installed.lines().forEach(l -> out.println("  " + l));
    git(dir, gitEnv, "config", "user.name", "ONEX Demo");
    git(dir, gitEnv, "config", "user.email", "demo@onex.invalid");

    Path main = dir.resolve("nodes/greet/main.py");
    String original = Files.readString(main, StandardCharsets.UTF_8);
    title.accept("A change that passes: git commit runs pre-commit (validate, test, record in the notes)");
    edit(dir, main, original + "# greets politely\n");
    boolean passed = commit(dir, gitEnv, "Document the greet node") == 0;

    title.accept("A change that breaks the test case is blocked: 'Hello' became 'Bye'");
    edit(dir, main, original.replace("Hello, ", "Bye, ") + "# greets politely\n");
    boolean blocked = commit(dir, gitEnv, "Say bye instead") != 0;
    git(dir, gitEnv, "reset", "-q", "--hard", "HEAD");
    out.println("  (git reset --hard: the broken change is dropped)");

    title.accept("Back to content that was verified before: served from the cache");
    edit(dir, main, original);
    boolean committed = commit(dir, gitEnv, "Remove the comment again") == 0;
    String log = onex(dir, "log", "--commit", "HEAD", "--no-pager");
    out.println("  $ onex log --commit HEAD");
    log.lines().forEach(l -> out.println("  " + l));
    boolean cached = log.contains("cached");

    title.accept("A clone receives the whole history by fetching the notes (onex sync)");
    Path clone = dir.resolveSibling(dir.getFileName() + "-clone");
    boolean cloned = !Files.exists(clone) && run(dir.getParent(), gitEnv, "git", "clone", "-q", dir.toString(), clone.toString()).exit() == 0;
    boolean history = false;
    if (cloned) {
      out.println("  cloned to " + clone);
      out.println("  $ onex sync origin --no-push");
      onex(clone, "sync", "origin", "--no-push").lines().forEach(l -> out.println("  " + l));
      String theirs = onex(clone, "log", "-n", "5", "--no-pager");
      out.println("  $ onex log -n 5   (in the clone)");
      theirs.lines().forEach(l -> out.println("  " + l));
      String ours = onex(dir, "log", "-n", "5", "--no-pager");
      out.println("  $ onex log -n 5   (in the original)");
      ours.lines().forEach(l -> out.println("  " + l));
      history = !theirs.isBlank() && theirs.equals(ours);
      out.println(history ? "  the same history on both sides" : "  the histories differ: see above");
    } else {
      out.println("  " + clone + " exists already: clone skipped");
    }
    return passed && blocked && committed && cached && (history || !cloned);
  }

  /** The environment git and its hooks run with: the launcher to call back, no ONEX_CWD from our caller. */
  private Map<String, String> gitEnv(Path dir) throws IOException {
    Map<String, String> e = new HashMap<>(env.env());
    e.remove("ONEX_CWD");
    e.remove("GIT_DIR");
    e.remove("GIT_WORK_TREE");
    e.remove("GIT_INDEX_FILE");
    String launcher = e.get("ONEX_LAUNCHER");
    if (launcher == null || !Files.isExecutable(Path.of(launcher))) {
      Path script = dir.resolve(".git/onex/demo-launcher");
      Files.createDirectories(script.getParent());
      Files.writeString(script, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
          + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp '" + System.getProperty("java.class.path")
          + "' io.onex.cli.Main \"$@\"\n", StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
      e.put("ONEX_LAUNCHER", script.toString());
    }
    return e;
  }

  private void edit(Path dir, Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
    Workspace.open(dir).stamp(List.of(file.getParent()), false, env.clock(), "ONEX Demo");
    out.println("  edited " + dir.relativize(file) + " and ran onex stamp " + dir.relativize(file.getParent()));
  }

  private int commit(Path dir, Map<String, String> gitEnv, String message) throws IOException {
    git(dir, gitEnv, "add", "-A");
    Run r = run(dir, gitEnv, "git", "commit", "-q", "-m", message);
    out.println("  $ git commit -m '" + message + "'");
    r.output().lines().forEach(l -> out.println("  | " + l));
    out.println("  exit " + r.exit() + (r.exit() == 0 ? " (committed)" : " (the commit was blocked)"));
    return r.exit();
  }

  /** Runs an onex command in-process in {@code cwd}, returning what it printed. */
  private String onex(Path cwd, String... args) {
    Map<String, String> e = new HashMap<>(env.env());
    e.put("ONEX_CWD", cwd.toString());
    e.put("NO_COLOR", "1");
    StringWriter text = new StringWriter();
    try (PrintWriter w = new PrintWriter(text)) {
      Main.run(args, w, w, e);
    }
    return text.toString();
  }

  private void git(Path dir, Map<String, String> gitEnv, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    Run r = run(dir, gitEnv, cmd.toArray(String[]::new));
    if (r.exit() != 0) {
      throw new IOException("git " + String.join(" ", args) + " failed: " + r.output().strip());
    }
  }

  private static Run run(Path dir, Map<String, String> gitEnv, String... cmd) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().clear();
    pb.environment().putAll(gitEnv);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      return new Run(p.waitFor(), output);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + cmd[0], e);
    }
  }
}
