package io.onex.git.hooks;

import io.onex.git.testing.GitFixtures;
import io.onex.git.testing.Nodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Real git with ONEX's hooks installed: a launcher script stands in for {@code onex} (it logs
 * every invocation, then runs {@link io.onex.git.testing.HookMain} on the test class path),
 * and every git process gets the hermetic fixture environment plus {@code ONEX_LAUNCHER}.
 */
final class GitHarness {
  final Path root;
  final Path launcher;
  final Path log;
  /** Added to the environment of every process (a test may set LC_ALL, for example). */
  final Map<String, String> extraEnv = new HashMap<>();

  GitHarness(Path root) {
    this.root = root;
    this.launcher = root.resolve("bin/onex");
    this.log = root.resolve("launcher.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String script = "#!/bin/sh\n"
        + "echo \"$*\" >> '" + log + "'\n"
        + "if [ \"$1 $2\" = \"hook $ONEX_TEST_KILL\" ]; then\n"
        + "  '" + java + "' -cp '" + System.getProperty("java.class.path") + "' io.onex.git.testing.HookMain \"$@\" &\n"
        + "  kill -9 $!\n  exit 137\nfi\n"
        + "exec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '" + System.getProperty("java.class.path")
        + "' io.onex.git.testing.HookMain \"$@\"\n";
    try {
      Files.createDirectories(launcher.getParent());
      Files.writeString(launcher, script);
      Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Map<String, String> env() {
    Map<String, String> env = new HashMap<>(GitFixtures.cleanEnv());
    env.put("ONEX_LAUNCHER", launcher.toString());
    env.remove("GIT_AUTHOR_DATE");
    env.remove("GIT_COMMITTER_DATE");
    env.putAll(extraEnv);
    return env;
  }

  /** A repository with .onex-store, an initial commit and the hooks installed. */
  Path repo(String name) {
    Path r = GitFixtures.init(root.resolve(name));
    Nodes.init(r);
    GitFixtures.git(r, "add", "-A");
    GitFixtures.commit(r, "init");
    install(r);
    return r;
  }

  void install(Path repo) {
    HookInstaller.install(repo, env(), Optional.of(launcher.toString()));
  }

  GitFixtures.Run git(Path dir, String... args) {
    return GitFixtures.runWith(dir, null, env(), args);
  }

  GitFixtures.Run gitWith(Path dir, Map<String, String> extra, String... args) {
    Map<String, String> env = env();
    env.putAll(extra);
    return GitFixtures.runWith(dir, null, env, args);
  }

  /** git that must succeed; returns stdout. */
  String ok(Path dir, String... args) {
    GitFixtures.Run r = git(dir, args);
    if (r.exitCode() != 0) {
      throw new AssertionError("git " + String.join(" ", args) + " failed (" + r.exitCode() + "):\n" + r.stderr());
    }
    return r.out();
  }

  /** Stamps, stages everything and commits through the hooks. */
  GitFixtures.Run commitAll(Path repo, String message) {
    Nodes.stamp(repo);
    ok(repo, "add", "-A");
    return git(repo, "commit", "-q", "-m", message);
  }

  /** Stamps, stages everything and amends HEAD through the hooks. */
  GitFixtures.Run commitAllAmend(Path repo) {
    Nodes.stamp(repo);
    ok(repo, "add", "-A");
    return git(repo, "commit", "-q", "--amend", "--no-edit");
  }

  /** Runs the launcher itself ({@code onex args}) in {@code dir}. */
  GitFixtures.Run gitLauncher(Path dir, String... args) {
    try {
      List<String> cmd = new java.util.ArrayList<>();
      cmd.add(launcher.toString());
      cmd.addAll(List.of(args));
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
      pb.environment().clear();
      pb.environment().putAll(env());
      pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      Process p = pb.start();
      var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
      byte[] out = p.getInputStream().readAllBytes();
      p.waitFor();
      return new GitFixtures.Run(p.exitValue(), out, err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String read(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> launches() {
    try {
      return Files.exists(log) ? Files.readAllLines(log) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
