package io.onex.git.hooks;

import static io.onex.git.testing.GitFixtures.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.exec.RuntimeOptions;
import io.onex.git.notes.NotesLog;
import io.onex.git.testing.GitFixtures;
import io.onex.git.testing.Nodes;
import io.onex.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hook API in-process (no scripts): budget, pending runs, pre-push checks, crash recovery. */
class HooksApiTest {
  @TempDir Path dir;
  Path repo;

  @BeforeEach
  void setUp() {
    repo = GitFixtures.init(dir.resolve("r"));
    Nodes.init(repo);
    git(repo, "add", "-A");
    GitFixtures.commit(repo, "init");
  }

  /** A clock that moves one second forward every time it is read. */
  static final class Ticking extends Clock {
    private Instant now = GitFixtures.NOW;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public synchronized Instant instant() {
      now = now.plusSeconds(1);
      return now;
    }
  }

  private HookContext ctx(Clock clock) {
    return new HookContext(repo, Map.of(), clock, RuntimeOptions.defaults(clock, Map.of(), dir.resolve("tmp")),
        () -> Optional.of(Store.open(repo.resolve(".onex-store"), GitFixtures.CLOCK, Duration.ofSeconds(10))));
  }

  private void stageAll() {
    Nodes.stamp(repo);
    git(repo, "add", "-A");
  }

  @Test
  void preCommit_budgetDefersTheRestAndRunPendingCatchesUp() throws Exception {
    Files.writeString(repo.resolve(".onex-store/config.yaml"), "config_version: 1\nhooks: {budget_ms: 1500}\n");
    for (String n : List.of("a", "b", "c")) {
      Nodes.node(repo, n, n, List.of(), false);
    }
    stageAll();
    HookResult r = Hooks.preCommit(ctx(new Ticking()));
    assertEquals(0, r.exitCode(), r.lines().toString());
    assertTrue(String.join("\n", r.lines()).contains("ONEX-J015") && String.join("\n", r.lines()).contains("b, c"),
        r.lines().toString());
    assertEquals(List.of("b", "c"), Files.readAllLines(repo.resolve(".git/onex/pending-runs")));
    String skipped = git(repo, "notes", "--ref=onex/records", "show", git(repo, "rev-parse", ":b/node.onex.yaml").trim());
    assertTrue(skipped.contains("\"status\":\"skipped\"") && skipped.contains("ONEX-J015"), skipped);
    GitFixtures.commit(repo, "three nodes");
    HookResult p = Hooks.runPending(ctx(GitFixtures.CLOCK));
    assertEquals(0, p.exitCode(), p.lines().toString());
    assertTrue(p.lines().get(0).contains("2 node(s), 2 test case(s) passed"), p.lines().toString());
    assertEquals(List.of(), Files.readAllLines(repo.resolve(".git/onex/pending-runs")));
  }

  @Test
  void preCommit_badHooksSectionIsJ011() throws Exception {
    Files.writeString(repo.resolve(".onex-store/config.yaml"), "config_version: 1\nhooks: {budgett: 5}\n");
    Nodes.node(repo, "a", "a", List.of(), false);
    stageAll();
    HookResult r = Hooks.preCommit(ctx(GitFixtures.CLOCK));
    assertEquals(1, r.exitCode());
    assertEquals("ONEX-J011", r.problems().get(0).code());
  }

  @Test
  void preCommit_staleTreeIsJ005() throws Exception {
    Nodes.node(repo, "a", "a", List.of(), false);
    stageAll();
    GitFixtures.commit(repo, "a");
    Nodes.node(repo, "b", "b", List.of(), false);
    io.onex.core.project.Workspace.open(repo).stamp(List.of(), false, GitFixtures.CLOCK, "t");
    git(repo, "add", "b");
    HookResult r = Hooks.preCommit(ctx(GitFixtures.CLOCK));
    assertEquals(1, r.exitCode());
    assertEquals("ONEX-J005", r.problems().get(0).code());
    assertTrue(r.problems().stream().anyMatch(d -> d.code().startsWith("ONEX-T")), r.problems().toString());
  }

  @Test
  void preCommit_validatesTheIndexNotTheWorkingTree() throws Exception {
    Nodes.node(repo, "a", "a", List.of(), false);
    stageAll();
    Files.writeString(repo.resolve("a/node.onex.yaml"), "not: [valid");
    HookResult r = Hooks.preCommit(ctx(GitFixtures.CLOCK));
    assertEquals(0, r.exitCode(), r.lines().toString());
  }

  @Test
  void prePush_unstampedCommittedNodeBlocksWithJ013() throws Exception {
    Nodes.node(repo, "a", "a", List.of(), false);
    stageAll();
    Files.writeString(repo.resolve("a/late.txt"), "late\n");
    git(repo, "add", "-A");
    String sha = GitFixtures.commit(repo, "unstamped").name();
    String line = "refs/heads/main " + sha + " refs/heads/main " + ObjectId.zeroId().name() + "\n";
    HookResult r = Hooks.prePush(ctx(GitFixtures.CLOCK), "origin", line);
    assertEquals(1, r.exitCode(), r.lines().toString());
    assertEquals("ONEX-J013", r.problems().get(0).code());
    assertTrue(r.problems().get(0).message().contains("onex stamp a"), r.problems().get(0).message());
  }

  @Test
  void postCommit_rerunAfterACrashBeforeCleanupAddsNothingTwice() throws Exception {
    Nodes.node(repo, "a", "a", List.of(), false);
    stageAll();
    assertEquals(0, Hooks.preCommit(ctx(GitFixtures.CLOCK)).exitCode());
    Path pending = repo.resolve(".git/onex/pending");
    Path file;
    try (var s = Files.list(pending)) {
      file = s.findFirst().orElseThrow();
    }
    byte[] saved = Files.readAllBytes(file);
    ObjectId commit = GitFixtures.commit(repo, "a");
    assertEquals(0, Hooks.postCommit(ctx(GitFixtures.CLOCK)).exitCode());
    Files.write(file, saved);
    assertEquals(0, Hooks.postCommit(ctx(GitFixtures.CLOCK)).exitCode());
    try (Repository r = GitFixtures.open(repo)) {
      assertEquals(1, NotesLog.open(r, GitFixtures.CLOCK, d -> { }).summary(commit).size());
    }
    assertEquals("1", git(repo, "rev-list", "--count", "refs/notes/onex/commits").trim(), "the rerun wrote no commit");
    try (var s = Files.list(pending)) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void postCommit_handOverOfAnAbortedCommitIsDroppedOnceANewerOneLands() throws Exception {
    Nodes.node(repo, "a", "a", List.of(), false);
    stageAll();
    assertEquals(0, Hooks.preCommit(ctx(GitFixtures.CLOCK)).exitCode());
    git(repo, "reset", "-q");
    Files.writeString(repo.resolve("README.md"), "x\n");
    git(repo, "add", "README.md");
    Clock later = Clock.offset(GitFixtures.CLOCK, Duration.ofMinutes(1));
    assertEquals(0, Hooks.preCommit(ctx(later)).exitCode());
    assertEquals(1, Files.list(repo.resolve(".git/onex/pending")).count(), "nothing ran, so no hand-over");
    new Pending(repo.resolve(".git")).add(later.millis(), GitFixtures.git(repo, "write-tree").trim(), List.of(), true);
    GitFixtures.commit(repo, "readme");
    assertEquals(0, Hooks.postCommit(ctx(GitFixtures.CLOCK)).exitCode());
    assertEquals(0, Files.list(repo.resolve(".git/onex/pending")).count());
    assertTrue(git(repo, "notes", "--ref=onex/commits", "show", "HEAD").contains("ONEX_SKIP"));
  }

  @Test
  void notes_gitWrittenRecordLinesAreReadAndKept() {
    ObjectId blob = GitFixtures.stage(repo, "x/node.onex.yaml", "name: x\n");
    git(repo, "notes", "--ref=onex/records", "add", "-m", "{\"record_id\":\"from-git\"}", blob.name());
    try (Repository r = GitFixtures.open(repo)) {
      NotesLog log = NotesLog.open(r, GitFixtures.CLOCK, d -> { });
      assertEquals("from-git", log.read(blob).get(0).path("record_id").asText());
      log.append(Map.of(blob, List.of(io.onex.git.testing.Records.record("from-onex", "t.x"))), "m");
    }
    String text = git(repo, "notes", "--ref=onex/records", "show", blob.name());
    assertTrue(text.contains("from-git") && text.contains("from-onex"), text);
    assertFalse(text.contains("\n\n"));
  }

  @Test
  void scripts_shippedResourcesEqualTheHooksDirectory() throws Exception {
    Path hooks = Path.of(System.getProperty("onex.root.dir"), "hooks");
    for (String name : HookInstaller.HOOKS) {
      assertEquals(Files.readString(hooks.resolve(name)), HookInstaller.script(name, Optional.empty()), name);
      assertTrue(Files.isExecutable(hooks.resolve(name)), name);
      assertTrue(HookInstaller.script(name, Optional.of("/opt/it's/onex")).contains(
          "installed_launcher='/opt/it'\\''s/onex'"), name);
    }
  }
}
