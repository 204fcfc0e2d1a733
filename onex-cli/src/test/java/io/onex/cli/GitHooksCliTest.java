package io.onex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code onex} command behind installed hooks: a launcher script runs
 * {@link Main} on the test class path; git commits and pushes through it.
 */
class GitHooksCliTest {
  @TempDir Path dir;

  private record Run(int exit, String out) {}

  private Run run(Path cwd, Map<String, String> env, String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(p.waitFor(), out);
  }

  private String git(Path cwd, Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    Run r = run(cwd, env, cmd.toArray(String[]::new));
    assertEquals(0, r.exit(), "git " + String.join(" ", args) + ":\n" + r.out());
    return r.out();
  }

  private Path launcher() throws IOException {
    Path l = dir.resolve("bin/onex");
    Files.createDirectories(l.getParent());
    Files.writeString(l, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
        + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '" + System.getProperty("java.class.path")
        + "' io.onex.cli.Main \"$@\"\n");
    Files.setPosixFilePermissions(l, PosixFilePermissions.fromString("rwxr-xr-x"));
    return l;
  }

  @Test
  void commitAndPush_throughTheRealCommand() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("ONEX_LAUNCHER", launcher().toString());
    Path bare = dir.resolve("remote.git");
    Files.createDirectories(bare);
    git(bare, env, "init", "-q", "--bare", "-b", "main");
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo);
    git(repo, env, "init", "-q", "-b", "main");
    git(repo, env, "config", "commit.gpgsign", "false");
    git(repo, env, "remote", "add", "origin", bare.toString());
    Map<String, String> cli = new HashMap<>(env);
    cli.put("ONEX_CWD", repo.toString());
    assertEquals(0, run(repo, cli, launcher().toString(), "init").exit());
    assertEquals(0, run(repo, cli, launcher().toString(), "hooks", "install").exit());
    Run created = run(repo, cli, launcher().toString(), "new", "greeter");
    assertEquals(0, created.exit(), created.out());
    assertEquals(0, run(repo, cli, launcher().toString(), "tree").exit());
    git(repo, env, "add", "-A");
    Run commit = run(repo, env, "git", "commit", "-q", "-m", "greeter");
    assertEquals(0, commit.exit(), commit.out());
    assertTrue(commit.out().contains("test case(s) passed"), commit.out());
    String notes = git(repo, env, "for-each-ref", "refs/notes/onex/");
    assertTrue(notes.contains("refs/notes/onex/records") && notes.contains("refs/notes/onex/commits"), notes);
    Run push = run(repo, env, "git", "push", "-q", "origin", "main");
    assertEquals(0, push.exit(), push.out());
    assertTrue(git(bare, env, "for-each-ref", "refs/notes/onex/").contains("refs/notes/onex/records"));

    // browsing with git context: the commit's executions, by --commit, by range, by onex show
    String head = git(repo, env, "rev-parse", "HEAD").trim();
    Run byCommit = run(repo, cli, launcher().toString(), "log", "--commit", "HEAD", "--format", "json");
    assertEquals(0, byCommit.exit(), byCommit.out());
    assertTrue(byCommit.out().contains("\"commit\":\"" + head + "\"") && byCommit.out().contains("\"status\":\"success\""),
        byCommit.out());
    Run show = run(repo, cli, launcher().toString(), "show", "HEAD");
    assertEquals(0, show.exit(), show.out());
    assertTrue(show.out().startsWith("commit " + head), show.out());

    // a revert to content that passed before is served from the cache, and the log says so
    Path main = repo.resolve("greeter/main.py");
    String original = Files.readString(main, StandardCharsets.UTF_8);
    Files.writeString(main, original + "# a comment\n", StandardCharsets.UTF_8);
    assertEquals(0, run(repo, cli, launcher().toString(), "stamp", "greeter").exit());
    git(repo, env, "add", "-A");
    Run second = run(repo, env, "git", "commit", "-q", "-m", "comment");
    assertEquals(0, second.exit(), second.out());
    // revert by hand (git revert itself does not run pre-commit): back to the verified content
    git(repo, env, "checkout", "HEAD~1", "--", "greeter");
    Run third = run(repo, env, "git", "commit", "-q", "-m", "revert the comment");
    assertEquals(0, third.exit(), third.out());
    Run range = run(repo, cli, launcher().toString(), "log", head + "..HEAD", "--format", "json");
    assertEquals(0, range.exit(), range.out());
    String[] lines = range.out().strip().split("\n");
    assertTrue(lines.length >= 2, range.out());
    assertTrue(lines[0].contains("\"status\":\"cached\""), "the revert commit is served from the cache: " + range.out());
  }
}
