package io.onex.git.release;

import static io.onex.git.testing.GitFixtures.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.hash.HashLock;
import io.onex.core.hash.NodeFiles;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlLimits;
import io.onex.git.testing.GitFixtures;
import io.onex.sign.SignError;
import io.onex.sign.block.NodeSignatures;
import io.onex.sign.dsse.Envelope;
import io.onex.sign.key.SigningKey;
import io.onex.sign.policy.NodeSignatureCheck;
import io.onex.sign.release.ReleaseNode;
import io.onex.sign.release.ReleaseStatement;
import io.onex.sign.trust.Role;
import io.onex.sign.trust.RoleKeys;
import io.onex.sign.trust.TrustChain;
import io.onex.sign.trust.TrustFiles;
import io.onex.sign.trust.TrustRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Releases and signed nodes in real repositories driven by the git command line. */
class ReleasesGitTest {
  private static final SigningKey KEY = SigningKey.fromSeed(new byte[32]);
  private static final Instant NOW = GitFixtures.NOW;
  private static final String YAML = "schema_version: \"1.0.0\"\nname: %s\nversion: \"1.0.0\"\n"
      + "uuid: \"3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f\"\nlifecycle: active\nhash: \"%s\"\n";

  /** A repository with a trust root (KEY in every role), one signed node, committed. Returns the pin. */
  private static String setUp(Path repo) throws IOException {
    GitFixtures.init(repo);
    writeNode(repo.resolve("nodes/a"), "a", "print('a')\n");
    Map<Role, RoleKeys> roles = new EnumMap<>(Role.class);
    for (Role r : Role.values()) {
      roles.put(r, new RoleKeys(List.of(KEY.id()), 1));
    }
    TrustRoot root = new TrustRoot("test-registry", 1, Instant.parse("2100-01-01T00:00:00Z"), List.of(KEY.publicKey()), roles, List.of());
    byte[] v1 = TrustFiles.write(RepositoryTrust.trustDir(repo), root, List.of(KEY));
    git(repo, "add", "-A");
    GitFixtures.commit(repo, "nodes and trust root");
    return TrustChain.pinOf(v1);
  }

  /** Writes a stamped and signed node. */
  static void writeNode(Path dir, String name, String code) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("main.py"), code);
    Files.writeString(dir.resolve("node.onex.yaml"), String.format(YAML, name, "0".repeat(64)));
    var tree = StrictYaml.loadMapping(dir.resolve("node.onex.yaml"), "n", YamlLimits.DEFAULT).root();
    Files.writeString(dir.resolve("node.onex.yaml"), String.format(YAML, name, HashLock.compute(tree, NodeFiles.ofDirectory(dir))));
    NodeSignatures.signDirectory(dir, KEY, "Test Signer", GitFixtures.CLOCK);
  }

  private static TrustChain trust(Repository repo, Path dir, String pin) {
    return RepositoryTrust.load(repo, RepositoryTrust.trustDir(dir), Optional.of(pin), NOW);
  }

  private static Releases.Created release(Repository repo, Path dir, String pin, String message) {
    return Releases.create(repo, trust(repo, dir, pin), List.of(KEY), message, Duration.ofDays(30), GitFixtures.CLOCK);
  }

  private static String code(Releases.Report r) {
    return r.problems().isEmpty() ? "OK" : r.problems().get(0).code();
  }

  @Test
  void createAndVerify_releaseChainVerifiesAndRemembersLatest(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("repo");
    String pin = setUp(dir);
    try (Repository repo = GitFixtures.open(dir)) {
      release(repo, dir, pin, "first");
      Releases.Created second = release(repo, dir, pin, "second");
      Releases.Report r = Releases.verify(repo, trust(repo, dir, pin), "latest", NOW);
      assertEquals("OK", code(r), r.problems().toString());
      assertEquals(2, r.release().orElseThrow().sequence());
      assertEquals(1, r.release().orElseThrow().nodes().size());
      assertEquals(second.digest(), LocalState.lastRelease(repo).orElseThrow().digest());
      assertEquals(pin, LocalState.rootPin(repo).orElseThrow());
      assertEquals("OK", code(Releases.verify(repo, trust(repo, dir, pin), "1", NOW)));
    }
  }

  @Test
  void verify_refRewoundToOlderRelease_isRollbackWithBothSequences(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("repo");
    String pin = setUp(dir);
    try (Repository repo = GitFixtures.open(dir)) {
      Releases.Created first = release(repo, dir, pin, "first");
      release(repo, dir, pin, "second");
      git(dir, "update-ref", ReleaseRef.REF, first.commit().name());
      Releases.Report r = Releases.verify(repo, trust(repo, dir, pin), "latest", NOW);
      assertEquals(SignError.RELEASE_ROLLBACK.id(), code(r));
      assertTrue(r.problems().get(0).message().contains("sequence 1") && r.problems().get(0).message().contains("sequence 2"));
    }
  }

  @Test
  void verify_otherReleaseWithSameSequence_isFork(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("repo");
    String pin = setUp(dir);
    try (Repository repo = GitFixtures.open(dir)) {
      Releases.Created first = release(repo, dir, pin, "first");
      release(repo, dir, pin, "second");
      var saved = LocalState.lastRelease(repo).orElseThrow();
      git(dir, "update-ref", ReleaseRef.REF, first.commit().name());
      Files.delete(repo.getCommonDirectory().toPath().resolve("onex/last-release"));
      release(repo, dir, pin, "another second");
      LocalState.saveLastRelease(repo, saved);
      assertEquals(SignError.RELEASE_FORK.id(), code(Releases.verify(repo, trust(repo, dir, pin), "latest", NOW)));
    }
  }

  @Test
  void verify_nodeBlobDiffersFromRelease_isNodeMismatch(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("repo");
    String pin = setUp(dir);
    try (Repository repo = GitFixtures.open(dir)) {
      String head = git(dir, "rev-parse", "HEAD").trim();
      String blob = git(dir, "rev-parse", "HEAD:nodes/a/node.onex.yaml").trim();
      String lock = StrictYaml.loadMapping(dir.resolve("nodes/a/node.onex.yaml"), "n", YamlLimits.DEFAULT).root().get("hash").asText();
      String otherBlob = blob.substring(0, 39) + (blob.endsWith("0") ? "1" : "0");
      ReleaseStatement s = new ReleaseStatement("test-registry", 1, Optional.empty(), head, 1, NOW, NOW.plus(Duration.ofDays(1)), "forged",
          List.of(new ReleaseNode("nodes/a", "3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "a", "1.0.0", lock, otherBlob)));
      ReleaseRef.append(repo, null, Envelope.sign(ReleaseStatement.PAYLOAD_TYPE, s.toPayload(), List.of(KEY)).toJson(), 1, GitFixtures.CLOCK);
      Releases.Report r = Releases.verify(repo, trust(repo, dir, pin), "latest", NOW);
      assertEquals(SignError.RELEASE_NODE_MISMATCH.id(), code(r));
      assertFalse(LocalState.lastRelease(repo).isPresent());
    }
  }

  @Test
  void create_workingTreeDiffersFromBlobByLineEndings_isHashMismatch(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("repo");
    String pin = setUp(dir);
    git(dir, "config", "core.autocrlf", "true");
    writeNode(dir.resolve("nodes/crlf"), "crlf", "print('a')\r\nprint('b')\r\n");
    git(dir, "add", "-A");
    GitFixtures.commit(dir, "crlf node");
    assertTrue(NodeSignatureCheck.verify(dir.resolve("nodes/crlf"), trust(null, dir, pin).latest(), Role.NODE_SIGNER).ok());
    try (Repository repo = GitFixtures.open(dir)) {
      OnexException e = assertThrows(OnexException.class, () -> release(repo, dir, pin, "crlf"));
      Diagnostic d = e.diagnostics().get(0);
      assertEquals(SignError.NODE_HASH_MISMATCH.id(), d.code());
      assertEquals("nodes/crlf/node.onex.yaml", d.file());
    }
  }

  @Test
  void signedNodesAndReleases_surviveCloneFetchAndRebase(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("repo");
    String pin = setUp(dir);
    Path origin = GitFixtures.initBare(tmp.resolve("origin.git"));
    try (Repository repo = GitFixtures.open(dir)) {
      release(repo, dir, pin, "first");
    }
    git(dir, "remote", "add", "origin", origin.toString());
    git(dir, "push", "-q", "origin", "main", ReleaseRef.REF);
    Path clone = GitFixtures.cloneOf(origin, tmp.resolve("clone"));
    git(clone, "fetch", "-q", "origin", ReleaseRef.REF + ":" + ReleaseRef.REF);
    try (Repository repo = GitFixtures.open(clone)) {
      assertEquals("OK", code(Releases.verify(repo, trust(repo, clone, pin), "latest", NOW)));
    }
    TrustRoot root = trust(null, clone, pin).latest();
    assertTrue(NodeSignatureCheck.verify(clone.resolve("nodes/a"), root, Role.NODE_SIGNER).ok());
    writeNode(dir.resolve("nodes/b"), "b", "print('b')\n");
    git(dir, "add", "-A");
    GitFixtures.commit(dir, "node b upstream");
    git(dir, "push", "-q", "origin", "main");
    writeNode(clone.resolve("nodes/c"), "c", "print('c')\n");
    git(clone, "add", "-A");
    GitFixtures.commit(clone, "node c local");
    git(clone, "pull", "-q", "--rebase", "origin", "main");
    for (String n : List.of("a", "b", "c")) {
      assertTrue(NodeSignatureCheck.verify(clone.resolve("nodes/" + n), root, Role.NODE_SIGNER).ok(), n);
    }
    try (Repository repo = GitFixtures.open(clone)) {
      Releases.Created second = release(repo, clone, pin, "after rebase");
      assertEquals(3, second.statement().nodes().size());
      assertEquals("OK", code(Releases.verify(repo, trust(repo, clone, pin), "latest", NOW)));
    }
  }

  @Test
  void guard_refusesDeleteAndRewriteOfReleaseRef(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("repo");
    String pin = setUp(dir);
    try (Repository repo = GitFixtures.open(dir)) {
      ObjectId first = release(repo, dir, pin, "first").commit();
      ObjectId second = release(repo, dir, pin, "second").commit();
      ObjectId zero = ObjectId.zeroId();
      String r = ReleaseRef.REF;
      assertTrue(ReleaseGuard.check(repo, List.of(new ReleaseGuard.PushUpdate(r, second, r, first))).isEmpty());
      assertTrue(ReleaseGuard.check(repo, List.of(new ReleaseGuard.PushUpdate(r, first, r, zero))).isEmpty());
      assertEquals(SignError.RELEASE_REF_REWRITE.id(),
          ReleaseGuard.check(repo, List.of(new ReleaseGuard.PushUpdate("(delete)", zero, r, second))).get(0).code());
      assertEquals(SignError.RELEASE_REF_REWRITE.id(),
          ReleaseGuard.check(repo, List.of(new ReleaseGuard.PushUpdate(r, first, r, second))).get(0).code());
      ObjectId unknown = ObjectId.fromString("1234567890123456789012345678901234567890");
      assertEquals(SignError.RELEASE_REF_REWRITE.id(),
          ReleaseGuard.check(repo, List.of(new ReleaseGuard.PushUpdate(r, second, r, unknown))).get(0).code());
      assertTrue(ReleaseGuard.check(repo, List.of(ReleaseGuard.PushUpdate.parse("refs/heads/main " + second.name() + " refs/heads/main " + zero.name()))).isEmpty());
    }
  }

  @Test
  void create_refusesKeysBelowReleaseThreshold(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("repo");
    String pin = setUp(dir);
    try (Repository repo = GitFixtures.open(dir)) {
      SigningKey other = SigningKey.fromSeed(ObjectId.zeroId().name().substring(0, 32).getBytes(StandardCharsets.US_ASCII));
      OnexException e = assertThrows(OnexException.class, () -> Releases.create(repo, trust(repo, dir, pin), List.of(other), "x",
          Duration.ofDays(1), GitFixtures.CLOCK));
      assertEquals(SignError.THRESHOLD_NOT_MET.id(), e.diagnostics().get(0).code());
      assertEquals(null, ReleaseRef.tip(repo));
    }
  }

  @Test
  void policyGate_checksRequiredLifecyclesOverGitObjects(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("repo");
    String pin = setUp(dir);
    Files.writeString(dir.resolve(".onex-store/config.yaml"), "config_version: 1\nsigning:\n  require: [active]\n  enforce: pre-push\n");
    var policy = PolicyGate.policy(dir);
    TrustRoot root = trust(null, dir, pin).latest();
    try (Repository repo = GitFixtures.open(dir)) {
      assertTrue(PolicyGate.check(repo, "HEAD", policy, io.onex.sign.policy.Stage.PRE_PUSH, root).isEmpty());
      Files.writeString(dir.resolve("nodes/a/main.py"), "print('tampered')\n");
      assertTrue(PolicyGate.check(repo, PolicyGate.INDEX, policy, io.onex.sign.policy.Stage.PRE_PUSH, root).isEmpty(),
          "the working tree is not what is checked");
      git(dir, "add", "nodes/a/main.py");
      List<Diagnostic> staged = PolicyGate.check(repo, PolicyGate.INDEX, policy, io.onex.sign.policy.Stage.PRE_PUSH, root);
      assertEquals(SignError.NODE_HASH_MISMATCH.id(), staged.get(0).code());
      assertTrue(PolicyGate.check(repo, PolicyGate.INDEX, policy, io.onex.sign.policy.Stage.PRE_COMMIT, root).isEmpty(),
          "enforce: pre-push leaves pre-commit alone");
    }
  }
}
