package io.onex.git.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.git.release.LocalState;
import io.onex.git.release.ReleaseRef;
import io.onex.git.release.Releases;
import io.onex.git.release.RepositoryTrust;
import io.onex.git.testing.GitFixtures;
import io.onex.git.testing.Nodes;
import io.onex.sign.block.NodeSignatures;
import io.onex.sign.key.SigningKey;
import io.onex.sign.trust.Role;
import io.onex.sign.trust.RoleKeys;
import io.onex.sign.trust.TrustChain;
import io.onex.sign.trust.TrustFiles;
import io.onex.sign.trust.TrustRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing policy and the release ref behind the installed hooks, with real git. */
class SignatureHooksGitTest {
  private static final SigningKey KEY = SigningKey.fromSeed(new byte[32]);
  /** Releases must outlive the hook's real clock. */
  private static final Duration LONG = Duration.ofDays(365L * 60);

  @TempDir Path dir;
  GitHarness h;

  @BeforeEach
  void setUp() {
    h = new GitHarness(dir);
  }

  /** A repository with hooks, a trust root (KEY in every role, pinned) and {@code signing} config, committed. */
  private Path repo(String signing) throws IOException {
    Path repo = h.repo("r");
    Map<Role, RoleKeys> roles = new EnumMap<>(Role.class);
    for (Role r : Role.values()) {
      roles.put(r, new RoleKeys(List.of(KEY.id()), 1));
    }
    TrustRoot root = new TrustRoot("test-registry", 1, Instant.parse("2100-01-01T00:00:00Z"), List.of(KEY.publicKey()),
        roles, List.of());
    byte[] v1 = TrustFiles.write(RepositoryTrust.trustDir(repo), root, List.of(KEY));
    try (Repository r = GitFixtures.open(repo)) {
      LocalState.saveRootPin(r, TrustChain.pinOf(v1));
    }
    Path config = repo.resolve(".onex-store/config.yaml");
    Files.writeString(config, Files.readString(config) + signing);
    h.ok(repo, "add", "-A");
    GitFixtures.Run c = h.git(repo, "commit", "-q", "-m", "trust root and policy");
    assertEquals(0, c.exitCode(), c.stderr());
    return repo;
  }

  private void sign(Path repo, String node) {
    NodeSignatures.signDirectory(repo.resolve(node), KEY, "Test Signer", GitFixtures.CLOCK);
  }

  @Test
  void preCommit_policyBlocksUnsignedActiveNodeAndPassesOnceSigned() throws IOException {
    Path repo = repo("signing:\n  require: [active]\n  enforce: pre-commit\n");
    String before = h.ok(repo, "rev-parse", "HEAD");
    Nodes.node(repo, "a", "a", List.of(), false);
    GitFixtures.Run blocked = h.commitAll(repo, "unsigned a");
    assertEquals(1, blocked.exitCode(), blocked.stderr());
    String err = blocked.stderr();
    assertTrue(err.contains("commit blocked (ONEX-J020)") && err.contains("ONEX-G050"), err);
    assertTrue(err.contains("node: a/node.onex.yaml") && err.contains("key:") && err.contains("onex sign a"), err);
    assertEquals(before, h.ok(repo, "rev-parse", "HEAD"), "no commit was made");

    sign(repo, "a");
    h.ok(repo, "add", "-A");
    GitFixtures.Run signed = h.git(repo, "commit", "-q", "-m", "signed a");
    assertEquals(0, signed.exitCode(), signed.stderr());
    assertTrue(signed.stderr().contains("test case(s) passed"), signed.stderr());
  }

  @Test
  void preCommit_draftNodeNeedsNoSignature() throws IOException {
    Path repo = repo("signing:\n  require: [active]\n  enforce: pre-commit\n");
    Nodes.node(repo, "d", "d", List.of(), false);
    Path meta = repo.resolve("d/node.onex.yaml");
    Files.writeString(meta, Files.readString(meta).replace("lifecycle: active", "lifecycle: draft"));
    GitFixtures.Run c = h.commitAll(repo, "draft d");
    assertEquals(0, c.exitCode(), c.stderr());
    assertTrue(!c.stderr().contains("ONEX-J020"), c.stderr());
  }

  @Test
  void prePush_enforcePrePushLetsTheCommitThroughButBlocksThePush() throws IOException {
    Path repo = repo("signing:\n  require: [active]\n  enforce: pre-push\n");
    Path bare = GitFixtures.initBare(dir.resolve("remote.git"));
    h.ok(repo, "remote", "add", "origin", bare.toString());
    Nodes.node(repo, "a", "a", List.of(), false);
    GitFixtures.Run c = h.commitAll(repo, "unsigned a");
    assertEquals(0, c.exitCode(), "pre-push policy does not hold the commit: " + c.stderr());
    GitFixtures.Run push = h.git(repo, "push", "-q", "origin", "main");
    assertEquals(1, push.exitCode(), push.stderr());
    assertTrue(push.stderr().contains("push blocked (ONEX-J020)") && push.stderr().contains("ONEX-G050"), push.stderr());
    assertTrue(h.ok(bare, "for-each-ref", "refs/heads/").isBlank(), "nothing reached the remote");
  }

  @Test
  void prePush_rewritingOrDeletingTheReleaseRefIsRefused() throws IOException {
    Path repo = repo("");
    Path bare = GitFixtures.initBare(dir.resolve("remote.git"));
    h.ok(repo, "remote", "add", "origin", bare.toString());
    Nodes.node(repo, "a", "a", List.of(), false);
    Nodes.stamp(repo);
    sign(repo, "a");
    h.ok(repo, "add", "-A");
    assertEquals(0, h.git(repo, "commit", "-q", "-m", "a").exitCode());
    ObjectId first;
    try (Repository r = GitFixtures.open(repo)) {
      TrustChain trust = RepositoryTrust.load(r, RepositoryTrust.trustDir(repo), Optional.empty(), GitFixtures.NOW);
      first = Releases.create(r, trust, List.of(KEY), "first", LONG, GitFixtures.CLOCK).commit();
      Releases.create(r, trust, List.of(KEY), "second", LONG, GitFixtures.CLOCK);
    }
    GitFixtures.Run ok = h.git(repo, "push", "-q", "origin", "main", ReleaseRef.REF);
    assertEquals(0, ok.exitCode(), ok.stderr());
    String second = h.ok(bare, "rev-parse", ReleaseRef.REF).trim();

    h.ok(repo, "update-ref", ReleaseRef.REF, first.name());
    GitFixtures.Run rewind = h.git(repo, "push", "-q", "-f", "origin", ReleaseRef.REF);
    assertEquals(1, rewind.exitCode(), rewind.stderr());
    assertTrue(rewind.stderr().contains("push blocked (ONEX-G099)") && rewind.stderr().contains("does not descend"),
        rewind.stderr());
    assertTrue(rewind.stderr().contains("fix:"), rewind.stderr());
    assertEquals(second, h.ok(bare, "rev-parse", ReleaseRef.REF).trim(), "the remote kept its history");

    GitFixtures.Run delete = h.git(repo, "push", "-q", "origin", ":" + ReleaseRef.REF);
    assertEquals(1, delete.exitCode(), delete.stderr());
    assertTrue(delete.stderr().contains("ONEX-G099") && delete.stderr().contains("deletes"), delete.stderr());
    assertEquals(second, h.ok(bare, "rev-parse", ReleaseRef.REF).trim());
  }

  @Test
  void prePush_releaseHistoryThatDoesNotVerifyIsRefused() throws IOException {
    Path repo = repo("");
    Path bare = GitFixtures.initBare(dir.resolve("remote.git"));
    h.ok(repo, "remote", "add", "origin", bare.toString());
    Nodes.node(repo, "a", "a", List.of(), false);
    Nodes.stamp(repo);
    h.ok(repo, "add", "-A");
    assertEquals(0, h.git(repo, "commit", "-q", "-m", "a").exitCode());
    try (Repository r = GitFixtures.open(repo)) {
      TrustChain trust = RepositoryTrust.load(r, RepositoryTrust.trustDir(repo), Optional.empty(), GitFixtures.NOW);
      Releases.create(r, trust, List.of(KEY), "short-lived", Duration.ofDays(1), GitFixtures.CLOCK);
    }
    GitFixtures.Run push = h.git(repo, "push", "-q", "origin", "main", ReleaseRef.REF);
    assertEquals(1, push.exitCode(), push.stderr());
    assertTrue(push.stderr().contains("push blocked (ONEX-J021)") && push.stderr().contains("ONEX-G095"), push.stderr());
  }
}
