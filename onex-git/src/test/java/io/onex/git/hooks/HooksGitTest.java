package io.onex.git.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.git.testing.GitFixtures;
import io.onex.git.testing.Nodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hooks end to end: real git commands, installed scripts, a JVM per hook run. */
class HooksGitTest {
  @TempDir Path dir;
  GitHarness h;

  @BeforeEach
  void setUp() {
    h = new GitHarness(dir);
  }

  private String blob(Path repo, String rev, String path) {
    return h.ok(repo, "rev-parse", rev + ":" + path).trim();
  }

  private String records(Path repo, String blob) {
    GitFixtures.Run r = h.git(repo, "notes", "--ref=onex/records", "show", blob);
    return r.exitCode() == 0 ? r.out() : "";
  }

  private String summary(Path repo, String commit) {
    GitFixtures.Run r = h.git(repo, "notes", "--ref=onex/commits", "show", commit);
    return r.exitCode() == 0 ? r.out() : "";
  }

  @Test
  void commit_passingNodeRecordsToNotesStoreAndSummary() throws Exception {
    Path repo = h.repo("r");
    Nodes.node(repo, "a", "a", List.of(), false);
    GitFixtures.Run c = h.commitAll(repo, "add a");
    assertEquals(0, c.exitCode(), c.stderr());
    assertTrue(c.stderr().contains("1 test case(s) passed"), c.stderr());
    String notes = records(repo, blob(repo, "HEAD", "a/node.onex.yaml"));
    assertTrue(notes.contains("\"status\":\"success\"") && notes.contains("\"name\":\"a\""), notes);
    String s = summary(repo, "HEAD");
    assertTrue(s.contains("\"node\":\"t.a\"") && s.contains("\"status\":\"success\""), s);
    String log = h.ok(repo, "log", "-1", "--notes=onex/commits");
    assertTrue(log.contains("record_id"), "git log --notes shows what ran: " + log);
    assertEquals(List.of(), pendingFiles(repo), "post-commit consumed the hand-over");
    try (io.onex.store.Store store = io.onex.store.Store.open(repo.resolve(".onex-store"), GitFixtures.CLOCK,
        Duration.ofSeconds(10))) {
      assertEquals(1, store.size());
    }
  }

  private List<Path> pendingFiles(Path repo) throws java.io.IOException {
    Path p = repo.resolve(".git/onex/pending");
    if (!Files.isDirectory(p)) {
      return List.of();
    }
    try (var s = Files.list(p)) {
      return s.toList();
    }
  }

  @Test
  void commit_failingTestCaseBlocksWithExactReportButIsRecorded() {
    Path repo = h.repo("r");
    String before = h.ok(repo, "rev-parse", "HEAD");
    Nodes.node(repo, "b", "b", List.of(), true);
    GitFixtures.Run c = h.commitAll(repo, "add b");
    assertEquals(1, c.exitCode(), c.stderr());
    assertTrue(c.stderr().contains("ONEX-J007") && c.stderr().contains("FAIL b :: echo"), c.stderr());
    assertEquals(before, h.ok(repo, "rev-parse", "HEAD"), "no commit was made");
    String notes = records(repo, blob(repo, "", "b/node.onex.yaml"));
    assertTrue(notes.contains("\"name\":\"b\""), "the failed run is in the notes: " + notes);
  }

  @Test
  void commit_unstampedEditIsBlockedWithTheFixCommand() throws Exception {
    Path repo = h.repo("r");
    Nodes.node(repo, "a", "a", List.of(), false);
    assertEquals(0, h.commitAll(repo, "a").exitCode());
    Files.writeString(repo.resolve("a/extra.txt"), "edited\n");
    h.ok(repo, "add", "-A");
    GitFixtures.Run c = h.git(repo, "commit", "-q", "-m", "edit");
    assertEquals(1, c.exitCode(), c.stderr());
    assertTrue(c.stderr().contains("onex stamp a"), c.stderr());
  }

  @Test
  void commit_compositeParentOfAChangedChildRunsAndBlocks() throws Exception {
    Path repo = h.repo("r");
    Nodes.node(repo, "leaf", "leaf", List.of(), false);
    Nodes.composite(repo, "comp", "comp", List.of("leaf"));
    assertEquals(0, h.commitAll(repo, "graph").exitCode());
    Path meta = repo.resolve("leaf/node.onex.yaml");
    String y = Files.readString(meta).replace("expected_output: {x: 1}", "expected_output: {x: 5}")
        + "x-noop-output: {x: 5}\n";
    Files.writeString(meta, y);
    GitFixtures.Run c = h.commitAll(repo, "leaf now answers 5");
    assertEquals(1, c.exitCode(), c.stderr());
    assertTrue(c.stderr().contains("FAIL comp :: echo") && !c.stderr().contains("FAIL leaf"), c.stderr());
  }

  @Test
  void commit_noOpDoesNotStartJava() throws Exception {
    Path repo = h.repo("r");
    Nodes.node(repo, "a", "a", List.of(), false);
    assertEquals(0, h.commitAll(repo, "a").exitCode());
    int launches = h.launches().size();
    Files.writeString(repo.resolve("README.md"), "hello\n");
    h.ok(repo, "add", "README.md");
    GitFixtures.Run c = h.git(repo, "commit", "-q", "-m", "docs");
    assertEquals(0, c.exitCode(), c.stderr());
    assertEquals(launches, h.launches().size(), "no launcher call for a commit without nodes: " + h.launches());
    Files.writeString(repo.resolve("a/notes.txt"), "inside a node\n");
    h.ok(repo, "add", "-A");
    h.git(repo, "commit", "-q", "-m", "node edit");
    assertTrue(h.launches().size() > launches && h.launches().get(launches).equals("hook pre-commit"),
        "a change inside a node goes to the JVM: " + h.launches());
  }

  @Test
  void commit_onexSkipIsRecordedInTheSummaryNote() {
    Path repo = h.repo("r");
    Nodes.node(repo, "b", "b", List.of(), true);
    Nodes.stamp(repo);
    h.ok(repo, "add", "-A");
    GitFixtures.Run c = h.gitWith(repo, Map.of("ONEX_SKIP", "1"), "commit", "-q", "-m", "skip");
    assertEquals(0, c.exitCode(), c.stderr());
    assertTrue(c.stderr().contains("ONEX-J009"), c.stderr());
    assertTrue(summary(repo, "HEAD").contains("\"record_id\":\"ONEX_SKIP\""), summary(repo, "HEAD"));
    assertFalse(h.launches().contains("hook pre-commit"), "the skip is decided in shell");
    GitFixtures.Run pending = h.gitLauncher(repo, "hook", "run-pending");
    assertEquals(1, pending.exitCode(), "the skipped node runs later and fails: " + pending.stderr());
    assertTrue(pending.stderr().contains("ONEX-J016") && pending.stderr().contains("FAIL b :: echo"), pending.stderr());
  }

  @Test
  void amendAndRebase_carryTheSummaryNotes() throws Exception {
    Path repo = h.repo("r");
    Nodes.node(repo, "a", "a", List.of(), false);
    assertEquals(0, h.commitAll(repo, "a").exitCode());
    String first = summary(repo, "HEAD");
    assertFalse(first.isEmpty());
    Files.writeString(repo.resolve("a/more.txt"), "more\n");
    GitFixtures.Run amend = h.commitAllAmend(repo);
    assertEquals(0, amend.exitCode(), amend.stderr());
    String amended = summary(repo, "HEAD");
    assertTrue(amended.contains(first.strip()), "the amended commit keeps the old lines: " + amended);
    assertTrue(amended.lines().count() >= 2, amended);
    h.ok(repo, "checkout", "-q", "-b", "side", "HEAD~1");
    Files.writeString(repo.resolve("side.txt"), "side\n");
    h.ok(repo, "add", "side.txt");
    h.ok(repo, "commit", "-q", "-m", "side");
    h.ok(repo, "checkout", "-q", "main");
    h.ok(repo, "rebase", "-q", "side");
    assertEquals(amended, summary(repo, "HEAD"), "rebase copies the notes (notes.rewriteRef)");
  }

  @Test
  void cherryPickAndMerge_findRecordsByContent() {
    Path repo = h.repo("r");
    h.ok(repo, "checkout", "-q", "-b", "feature");
    Nodes.node(repo, "a", "a", List.of(), false);
    assertEquals(0, h.commitAll(repo, "a").exitCode());
    h.ok(repo, "checkout", "-q", "main");
    Nodes.node(repo, "b", "b", List.of(), false);
    assertEquals(0, h.commitAll(repo, "b").exitCode());
    h.ok(repo, "checkout", "-q", "-b", "picked", "main");
    GitFixtures.Run pick = h.git(repo, "cherry-pick", "feature");
    // the .tree differs on both sides; resolve it as onex tree would and go on
    if (pick.exitCode() != 0) {
      Nodes.stamp(repo);
      h.ok(repo, "add", "-A");
      h.ok(repo, "-c", "core.editor=true", "cherry-pick", "--continue");
    }
    assertTrue(records(repo, blob(repo, "HEAD", "a/node.onex.yaml")).contains("\"name\":\"a\""));
    h.ok(repo, "checkout", "-q", "main");
    GitFixtures.Run merge = h.git(repo, "merge", "-q", "--no-edit", "feature");
    if (merge.exitCode() != 0) {
      Nodes.stamp(repo);
      h.ok(repo, "add", "-A");
      assertEquals(0, h.git(repo, "commit", "-q", "--no-edit").exitCode());
    }
    assertTrue(records(repo, blob(repo, "HEAD", "a/node.onex.yaml")).contains("\"name\":\"a\""));
    assertTrue(records(repo, blob(repo, "HEAD", "b/node.onex.yaml")).contains("\"name\":\"b\""));
  }

  @Test
  void pushCloneFetchAndSync_carryNotesWithoutLosingRecords() {
    Path bare = GitFixtures.initBare(dir.resolve("remote.git"));
    Path one = h.repo("one");
    h.ok(one, "remote", "add", "origin", bare.toString());
    h.install(one);
    Nodes.node(one, "a", "a", List.of(), false);
    assertEquals(0, h.commitAll(one, "a").exitCode());
    GitFixtures.Run push = h.git(one, "push", "-q", "origin", "main");
    assertEquals(0, push.exitCode(), push.stderr());
    assertFalse(h.ok(bare, "for-each-ref", "refs/notes/onex/").isBlank(), "the notes went along");
    Path two = GitFixtures.cloneOf(bare, dir.resolve("two"));
    h.install(two);
    h.ok(two, "fetch", "-q", "origin");
    assertFalse(h.ok(two, "for-each-ref", "refs/notes/remotes/origin/onex/records").isBlank());
    Nodes.node(two, "b", "b", List.of(), false);
    assertEquals(0, h.commitAll(two, "b").exitCode());
    Nodes.node(one, "c", "c", List.of(), false);
    assertEquals(0, h.commitAll(one, "c").exitCode());
    assertEquals(0, h.git(one, "push", "-q", "origin", "main").exitCode());
    GitFixtures.Run sync = h.gitLauncher(two, "sync", "origin");
    assertEquals(0, sync.exitCode(), sync.stderr());
    for (String n : List.of("a", "b")) {
      assertTrue(records(two, blob(two, "HEAD", n + "/node.onex.yaml")).contains("\"name\":\"" + n + "\""), n);
    }
    h.ok(two, "fetch", "-q", "origin");
    assertTrue(records(two, blob(two, "origin/main", "c/node.onex.yaml")).contains("\"name\":\"c\""));
    h.ok(one, "fetch", "-q", "origin");
    GitFixtures.Run s1 = h.gitLauncher(one, "sync", "origin");
    assertEquals(0, s1.exitCode(), s1.stderr());
    h.ok(one, "fetch", "-q", "origin");
    assertTrue(records(one, h.ok(two, "rev-parse", "HEAD:b/node.onex.yaml").trim()).contains("\"name\":\"b\""),
        "records made in the clone reach the first repository");
  }

  @Test
  void concurrentCommitsInTwoWorktrees_loseNoRecord() throws Exception {
    Path repo = h.repo("r");
    Path wt = dir.resolve("wt2");
    h.ok(repo, "worktree", "add", "-q", "-b", "other", wt.toString());
    Nodes.node(repo, "a", "a", List.of(), false);
    Nodes.node(wt, "b", "b", List.of(), false);
    Nodes.stamp(repo);
    Nodes.stamp(wt);
    h.ok(repo, "add", "-A");
    h.ok(wt, "add", "-A");
    var f1 = java.util.concurrent.CompletableFuture.supplyAsync(() -> h.git(repo, "commit", "-q", "-m", "a"));
    var f2 = java.util.concurrent.CompletableFuture.supplyAsync(() -> h.git(wt, "commit", "-q", "-m", "b"));
    assertEquals(0, f1.join().exitCode(), f1.join().stderr());
    assertEquals(0, f2.join().exitCode(), f2.join().stderr());
    assertTrue(records(repo, blob(repo, "main", "a/node.onex.yaml")).contains("\"name\":\"a\""));
    assertTrue(records(repo, blob(repo, "other", "b/node.onex.yaml")).contains("\"name\":\"b\""));
    assertFalse(summary(repo, "main").isEmpty());
    assertFalse(summary(repo, "other").isEmpty());
  }

  @Test
  void installChainsAnExistingHookAndUninstallRestoresIt() throws Exception {
    Path repo = GitFixtures.init(dir.resolve("r"));
    Nodes.init(repo);
    Path hook = repo.resolve(".git/hooks/pre-commit");
    String mine = "#!/bin/sh\necho ran > \"$(git rev-parse --show-toplevel)/user-hook-ran\"\n";
    Files.writeString(hook, mine);
    Files.setPosixFilePermissions(hook, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    h.install(repo);
    assertEquals(mine, Files.readString(repo.resolve(".git/hooks/pre-commit.onex-chained")));
    h.install(repo);
    assertEquals(mine, Files.readString(repo.resolve(".git/hooks/pre-commit.onex-chained")), "reinstall keeps it");
    Nodes.node(repo, "a", "a", List.of(), false);
    assertEquals(0, h.commitAll(repo, "a").exitCode());
    assertTrue(Files.exists(repo.resolve("user-hook-ran")), "the chained hook ran");
    HookInstaller.uninstall(repo, h.env());
    assertEquals(mine, Files.readString(hook));
    assertFalse(Files.exists(repo.resolve(".git/hooks/post-commit")));
  }

  @Test
  void installRespectsCoreHooksPath() {
    Path repo = GitFixtures.init(dir.resolve("r"));
    h.ok(repo, "config", "core.hooksPath", "my-hooks");
    h.install(repo);
    assertTrue(Files.isExecutable(repo.resolve("my-hooks/pre-commit")));
    assertFalse(Files.exists(repo.resolve(".git/hooks/pre-commit")));
  }

  @Test
  void killDuringPostCommit_nextHookRunCompletesTheSummary() throws Exception {
    Path repo = h.repo("r");
    Nodes.node(repo, "a", "a", List.of(), false);
    Nodes.stamp(repo);
    h.ok(repo, "add", "-A");
    GitFixtures.Run c = h.gitWith(repo, Map.of("ONEX_TEST_KILL", "post-commit"), "commit", "-q", "-m", "a");
    assertEquals(0, c.exitCode(), c.stderr());
    assertEquals("", summary(repo, "HEAD"), "the killed post-commit wrote nothing");
    assertEquals(1, pendingFiles(repo).size(), "the hand-over survived the kill");
    Files.writeString(repo.resolve("README.md"), "next\n");
    h.ok(repo, "add", "README.md");
    assertEquals(0, h.git(repo, "commit", "-q", "-m", "next").exitCode());
    assertTrue(summary(repo, "HEAD~1").contains("\"node\":\"t.a\""), "caught up on the next post-commit");
    assertEquals(List.of(), pendingFiles(repo));
  }
}
