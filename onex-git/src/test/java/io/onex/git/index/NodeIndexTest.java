package io.onex.git.index;

import static io.onex.git.testing.GitFixtures.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.OnexException;
import io.onex.git.testing.GitFixtures;
import io.onex.git.testing.Nodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeIndexTest {
  @TempDir Path dir;
  Path repo;

  @BeforeEach
  void setUp() {
    repo = GitFixtures.init(dir.resolve("r"));
    Nodes.init(repo);
  }

  private void commitAll(String msg) {
    Nodes.stamp(repo);
    git(repo, "add", "-A");
    GitFixtures.commit(repo, msg);
  }

  private static List<String> dirs(List<GitNode> nodes) {
    return nodes.stream().map(GitNode::dir).toList();
  }

  private static List<String> changeDirs(ChangeSet c) {
    return c.nodes().stream().map(n -> n.kind() + " " + n.dir()).toList();
  }

  @Test
  void nodes_discoveredFromTheIndexNotTheWorkingTree() {
    Nodes.node(repo, "a", "a", List.of(), false);
    Nodes.node(repo, "b/c", "c", List.of(), false);
    Nodes.stamp(repo);
    git(repo, "add", "-A");
    Nodes.node(repo, "unstaged", "u", List.of(), false);
    try (Repository r = GitFixtures.open(repo)) {
      NodeIndex idx = NodeIndex.open(r);
      assertEquals(List.of("a", "b/c"), dirs(idx.staged().nodes(List.of())));
      assertEquals(List.of(), idx.commit("HEAD").nodes(List.of()), "unborn HEAD is empty");
    }
  }

  @Test
  void nodes_skipExcludedDirectories() throws Exception {
    Nodes.node(repo, "a", "a", List.of(), false);
    Nodes.node(repo, "vectors/bad", "bad", List.of(), false);
    Files.writeString(repo.resolve(".onex-store/config.yaml"), "config_version: 1\nexclude: [vectors]\n");
    git(repo, "add", "-A");
    try (Repository r = GitFixtures.open(repo)) {
      NodeIndex idx = NodeIndex.open(r);
      assertEquals(List.of("a"), dirs(idx.staged().nodes(idx.exclude(idx.staged()))));
    }
  }

  @Test
  void hashLock_overStagedBlobsEqualsTheStampedHash() throws Exception {
    Nodes.node(repo, "a", "a", List.of(), false);
    Files.writeString(repo.resolve("a/run.sh"), "#!/bin/sh\necho hi\n");
    Nodes.stamp(repo);
    git(repo, "add", "-A");
    Files.writeString(repo.resolve("a/run.sh"), "#!/bin/sh\necho changed but not staged\n");
    try (Repository r = GitFixtures.open(repo)) {
      NodeIndex idx = NodeIndex.open(r);
      Snapshot s = idx.staged();
      GitNode a = s.node("a").orElseThrow();
      assertEquals(idx.metadata(s, a).get("hash").asText(), idx.hashLock(s, a));
    }
  }

  @Test
  void diff_stagedEditFindsOnlyItsNodeAmongMany() throws Exception {
    for (int i = 0; i < 150; i++) {
      Nodes.node(repo, "n/" + i, "n" + i, List.of(), false);
    }
    commitAll("many");
    Files.writeString(repo.resolve("n/42/extra.txt"), "x\n");
    git(repo, "add", "-A");
    try (Repository r = GitFixtures.open(repo)) {
      NodeIndex idx = NodeIndex.open(r);
      ChangeSet c = idx.diff(idx.commit("HEAD"), idx.staged());
      assertEquals(List.of("MODIFIED n/42"), changeDirs(c));
      assertEquals(1, c.pathsChanged(), "the diff visits only the changed path");
      assertFalse(c.treeChanged());
    }
  }

  @Test
  void diff_nothingStagedIsEmpty() {
    Nodes.node(repo, "a", "a", List.of(), false);
    commitAll("one");
    try (Repository r = GitFixtures.open(repo)) {
      NodeIndex idx = NodeIndex.open(r);
      assertTrue(idx.diff(idx.commit("HEAD"), idx.staged()).isEmpty());
    }
  }

  @Test
  void diff_renameDeleteAndAddBetweenRevisions() {
    Nodes.node(repo, "a", "a", List.of(), false);
    Nodes.node(repo, "b", "b", List.of(), false);
    commitAll("first");
    git(repo, "mv", "a", "moved");
    git(repo, "rm", "-r", "-q", "b");
    Nodes.node(repo, "c", "c", List.of(), false);
    commitAll("second");
    try (Repository r = GitFixtures.open(repo)) {
      NodeIndex idx = NodeIndex.open(r);
      ChangeSet c = idx.diff(idx.commit("HEAD~1"), idx.commit("HEAD"));
      assertEquals(List.of("DELETED b", "ADDED c", "RENAMED moved"), changeDirs(c));
      assertEquals("a", c.nodes().get(2).before().orElseThrow().dir());
      assertTrue(c.treeChanged());
      assertTrue(c.structural());
    }
  }

  @Test
  void diff_renameWithEditPairsByUuid() throws Exception {
    Nodes.node(repo, "a", "a", List.of(), false);
    commitAll("first");
    git(repo, "mv", "a", "b");
    Files.writeString(repo.resolve("b/more.txt"), "more\n");
    commitAll("second");
    try (Repository r = GitFixtures.open(repo)) {
      NodeIndex idx = NodeIndex.open(r);
      assertEquals(List.of("RENAMED b"), changeDirs(idx.diff(idx.commit("HEAD~1"), idx.commit("HEAD"))));
    }
  }

  @Test
  void affected_reachesDependentsAndCompositeParentsTransitively() throws Exception {
    Nodes.node(repo, "leaf", "leaf", List.of(), false);
    Nodes.node(repo, "user", "user", List.of("leaf"), false);
    Nodes.node(repo, "user2", "user2", List.of("user"), false);
    Nodes.composite(repo, "comp", "comp", List.of("leaf"));
    Nodes.node(repo, "other", "other", List.of(), false);
    commitAll("graph");
    Files.writeString(repo.resolve("leaf/extra.txt"), "x\n");
    git(repo, "add", "-A");
    try (Repository r = GitFixtures.open(repo)) {
      NodeIndex idx = NodeIndex.open(r);
      Snapshot s = idx.staged();
      Affected a = idx.affected(s, idx.diff(idx.commit("HEAD"), s));
      assertEquals(List.of("leaf"), dirs(a.changed()));
      assertEquals(List.of("comp", "user", "user2"), dirs(a.dependents()));
      assertEquals(List.of("comp", "leaf", "user", "user2"), dirs(a.required()));
    }
    assertTrue(Files.exists(repo.resolve(".git/onex/meta-cache")), "summaries are cached");
    try (Repository r = GitFixtures.open(repo)) {
      NodeIndex idx = NodeIndex.open(r);
      Snapshot s = idx.staged();
      Affected a = idx.affected(s, idx.diff(idx.commit("HEAD"), s));
      assertEquals(List.of("comp", "user", "user2"), dirs(a.dependents()), "the same from the cache");
    }
  }

  @Test
  void required_bringsCompositeChildrenTransitively() {
    Nodes.node(repo, "leaf", "leaf", List.of(), false);
    Nodes.composite(repo, "inner", "inner", List.of("leaf"));
    Nodes.composite(repo, "outer", "outer", List.of("inner"));
    Nodes.node(repo, "other", "other", List.of(), false);
    commitAll("graph");
    try (Repository r = GitFixtures.open(repo)) {
      NodeIndex idx = NodeIndex.open(r);
      Snapshot s = idx.commit("HEAD");
      assertEquals(List.of("inner", "leaf", "outer"), dirs(idx.required(s, List.of(s.node("outer").orElseThrow()))));
    }
  }

  @Test
  void affected_deletedNodeMakesItsDependentsRunAgain() {
    Nodes.node(repo, "leaf", "leaf", List.of(), false);
    Nodes.node(repo, "user", "user", List.of("leaf"), false);
    commitAll("graph");
    git(repo, "rm", "-r", "-q", "leaf");
    try (Repository r = GitFixtures.open(repo)) {
      NodeIndex idx = NodeIndex.open(r);
      Snapshot s = idx.staged();
      Affected a = idx.affected(s, idx.diff(idx.commit("HEAD"), s));
      assertEquals(List.of(), dirs(a.changed()));
      assertEquals(List.of("user"), dirs(a.dependents()));
    }
  }

  @Test
  void commit_unknownRevisionIsJ002() {
    try (Repository r = GitFixtures.open(repo)) {
      OnexException e = assertThrows(OnexException.class, () -> NodeIndex.open(r).commit("nope"));
      assertEquals("ONEX-J002", e.diagnostics().get(0).code());
    }
  }
}
