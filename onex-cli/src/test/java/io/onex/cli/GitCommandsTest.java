package io.onex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onex init} (git config), {@code onex hooks}, {@code onex hook}, {@code onex sync} in a real repository. */
class GitCommandsTest {
  @TempDir Path dir;

  private static void git(Path dir, String... args) throws Exception {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "git";
    System.arraycopy(args, 0, cmd, 1, args.length);
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), String.join(" ", args) + ": " + out);
  }

  @Test
  void initHooksAndHook_configureInstallAndRunTheNoOp() throws Exception {
    git(dir, "init", "-q", "-b", "main");
    git(dir, "remote", "add", "origin", dir.resolve("nowhere.git").toString());
    CliRun init = CliRun.in(dir, "init");
    assertEquals(0, init.exit(), init.toString());
    assertTrue(init.out().contains("git config notes.rewriteRef=refs/notes/onex/*"), init.out());
    String config = Files.readString(dir.resolve(".git/config"));
    assertTrue(config.contains("rewriteMode = cat_sort_uniq")
        && config.contains("fetch = refs/notes/onex/*:refs/notes/remotes/origin/onex/*"), config);
    CliRun install = CliRun.in(dir, "hooks", "install");
    assertEquals(0, install.exit(), install.toString());
    for (String h : new String[] {"pre-commit", "post-commit", "pre-push"}) {
      assertTrue(Files.isExecutable(dir.resolve(".git/hooks/" + h)), h);
    }
    CliRun hook = CliRun.in(dir, "hook", "pre-commit");
    assertEquals(0, hook.exit(), "nothing staged: " + hook);
    assertEquals(0, CliRun.in(dir, "hook", "post-commit").exit());
    CliRun uninstall = CliRun.in(dir, "hooks", "uninstall");
    assertEquals(0, uninstall.exit(), uninstall.toString());
    assertFalse(Files.exists(dir.resolve(".git/hooks/pre-commit")));
  }

  private static void assertSchemaValid(CliRun r) throws Exception {
    com.fasterxml.jackson.databind.JsonNode schemaNode;
    try (java.io.InputStream in = Main.class.getResourceAsStream("cli-output.schema.json")) {
      schemaNode = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
    }
    var schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
        .getSchema(schemaNode);
    var errors = schema.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()));
    assertTrue(errors.isEmpty(), errors + "\n" + r);
  }

  @Test
  void jsonOutputs_matchTheSchema() throws Exception {
    Path bare = dir.resolve("remote.git");
    Files.createDirectories(bare);
    git(bare, "init", "-q", "--bare");
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo);
    git(repo, "init", "-q", "-b", "main");
    git(repo, "remote", "add", "origin", bare.toString());
    assertSchemaValid(CliRun.in(repo, "hooks", "install", "--format", "json"));
    CliRun hook = CliRun.in(repo, "hook", "pre-commit", "--format", "json");
    assertEquals(0, hook.exit(), hook.toString());
    assertSchemaValid(hook);
    CliRun sync = CliRun.in(repo, "sync", "--format", "json");
    assertEquals(0, sync.exit(), sync.toString());
    assertSchemaValid(sync);
    assertSchemaValid(CliRun.in(repo, "hooks", "uninstall", "--format", "json"));
  }

  @Test
  void sync_unknownRemoteIsJ012() throws Exception {
    git(dir, "init", "-q", "-b", "main");
    CliRun r = CliRun.in(dir, "sync", "nosuchremote");
    assertEquals(ExitCodes.ENVIRONMENT, r.exit(), r.toString());
    assertTrue(r.err().contains("ONEX-J012"), r.err());
  }

  @Test
  void hook_outsideARepositoryIsJ001() {
    CliRun r = CliRun.in(dir, "hook", "pre-commit");
    assertEquals(ExitCodes.ENVIRONMENT, r.exit(), r.toString());
    assertTrue(r.err().contains("ONEX-J001"), r.err());
  }
}
