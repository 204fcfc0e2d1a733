package io.onex.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.hash.HashLock;
import io.onex.core.hash.NodeFiles;
import io.onex.core.hash.Sha256;
import io.onex.core.model.SignatureBlock;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlLimits;
import io.onex.sign.block.NodeSignatures;
import io.onex.sign.block.SignatureBlockWriter;
import io.onex.sign.dsse.DsseSignature;
import io.onex.sign.dsse.Envelope;
import io.onex.sign.key.KeyId;
import io.onex.sign.key.SigningKey;
import io.onex.sign.key.VerifyingKey;
import io.onex.sign.release.LastRelease;
import io.onex.sign.release.ReleaseNode;
import io.onex.sign.release.ReleaseStatement;
import io.onex.sign.trust.Revocation;
import io.onex.sign.trust.Role;
import io.onex.sign.trust.RoleKeys;
import io.onex.sign.trust.TrustChain;
import io.onex.sign.trust.TrustFiles;
import io.onex.sign.trust.TrustRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Generates the signing test vectors of {@code src/test/resources/vectors/sign/}, deterministically:
 * fixed Ed25519 seeds (SHA-256 of {@code "onex-vector-key-<name>"}), fixed times, deterministic
 * Ed25519. Each case directory holds {@code cmd.txt} (the onex arguments, run in the case
 * directory) and, for failing cases, {@code expected.txt} whose first line is the reason code.
 */
final class SignVectorGenerator {
  static final Instant T0 = Instant.parse("2025-05-17T10:00:00Z");
  static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");
  static final Instant PAST = Instant.parse("2001-01-01T00:00:00Z");
  static final String REGISTRY = "vectors";
  static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

  static final SigningKey ROOT_A = key("root-a");
  static final SigningKey ROOT_B = key("root-b");
  static final SigningKey REL_1 = key("release-1");
  static final SigningKey REL_2 = key("release-2");
  static final SigningKey NODE_1 = key("node-1");
  static final SigningKey NODE_2 = key("node-2");
  static final SigningKey OUTSIDER = key("outsider");

  private final Path out;

  SignVectorGenerator(Path out) {
    this.out = out;
  }

  static SigningKey key(String name) {
    return SigningKey.fromSeed(java.util.HexFormat.of().parseHex(Sha256.hex(("onex-vector-key-" + name).getBytes(StandardCharsets.UTF_8))));
  }

  void generateAll() {
    trustCases();
    nodeCases();
    releaseCases();
  }

  // ---------------------------------------------------------------- trust roots

  static TrustRoot root(long version, Instant expires, List<SigningKey> rootKeys, List<VerifyingKey> release,
      List<VerifyingKey> nodes, int releaseThreshold, List<Revocation> revoked) {
    List<VerifyingKey> all = new ArrayList<>();
    rootKeys.forEach(k -> all.add(k.publicKey()));
    all.addAll(release);
    all.addAll(nodes);
    Map<Role, RoleKeys> roles = new EnumMap<>(Role.class);
    roles.put(Role.ROOT, new RoleKeys(rootKeys.stream().map(SigningKey::id).toList(), 1));
    roles.put(Role.RELEASE, new RoleKeys(release.stream().map(VerifyingKey::id).toList(), releaseThreshold));
    roles.put(Role.NODE_SIGNER, new RoleKeys(nodes.stream().map(VerifyingKey::id).toList(), 1));
    return new TrustRoot(REGISTRY, version, expires, all.stream().distinct().toList(), roles, revoked);
  }

  static TrustRoot standard(long version, List<SigningKey> rootKeys) {
    return root(version, FAR, rootKeys, List.of(REL_1.publicKey(), REL_2.publicKey()),
        List.of(NODE_1.publicKey(), NODE_2.publicKey()), 1, List.of());
  }

  /** Writes root files; returns the pin of version 1. */
  String writeTrust(Path caseDir, List<byte[]> files, List<Long> versions) {
    for (int i = 0; i < files.size(); i++) {
      write(caseDir.resolve("trust").resolve(TrustChain.fileName(versions.get(i))), files.get(i));
    }
    return TrustChain.pinOf(files.get(0));
  }

  String standardTrust(Path caseDir) {
    return writeTrust(caseDir, List.of(TrustFiles.envelope(standard(1, List.of(ROOT_A)), List.of(ROOT_A))), List.of(1L));
  }

  /** A root payload edited as JSON (for roots the API refuses to build), signed by {@code by}. */
  static byte[] rawRoot(TrustRoot base, java.util.function.Consumer<ObjectNode> edit, List<SigningKey> by) {
    ObjectNode o = (ObjectNode) CanonicalJson.parse(new String(base.toPayload(), StandardCharsets.UTF_8));
    edit.accept(o);
    return Envelope.sign(TrustRoot.PAYLOAD_TYPE, CanonicalJson.canonicalize(o), by).toJson();
  }

  void trustCase(String name, List<byte[]> files, List<Long> versions, String pinOverride, String expected) {
    Path dir = out.resolve(name);
    String pin = writeTrust(dir, files, versions);
    cmd(dir, "trust verify --trust-dir trust --root-sha256 " + (pinOverride == null ? pin : pinOverride), expected);
  }

  private void trustCases() {
    byte[] v1 = TrustFiles.envelope(standard(1, List.of(ROOT_A)), List.of(ROOT_A));
    TrustRoot r2 = standard(2, List.of(ROOT_B));
    trustCase("trust_rotation", List.of(v1, TrustFiles.envelope(r2, List.of(ROOT_A, ROOT_B))), List.of(1L, 2L), null, null);
    trustCase("trust_skip_version_fail", List.of(v1, TrustFiles.envelope(standard(3, List.of(ROOT_B)), List.of(ROOT_A, ROOT_B))),
        List.of(1L, 3L), null, "ONEX-G073");
    trustCase("trust_signed_only_by_new_fail", List.of(v1, TrustFiles.envelope(r2, List.of(ROOT_B))), List.of(1L, 2L), null, "ONEX-G075");
    trustCase("trust_signed_only_by_old_fail", List.of(v1, TrustFiles.envelope(r2, List.of(ROOT_A))), List.of(1L, 2L), null, "ONEX-G076");
    trustCase("trust_expired_fail", List.of(TrustFiles.envelope(root(1, PAST, List.of(ROOT_A), List.of(REL_1.publicKey()),
        List.of(NODE_1.publicKey()), 1, List.of()), List.of(ROOT_A))), List.of(1L), null, "ONEX-G077");
    trustCase("trust_threshold_zero_fail", List.of(rawRoot(standard(1, List.of(ROOT_A)),
        o -> ((ObjectNode) o.with("roles").with("release")).put("threshold", 0), List.of(ROOT_A))), List.of(1L), null, "ONEX-G037");
    trustCase("trust_threshold_above_keys_fail", List.of(rawRoot(standard(1, List.of(ROOT_A)),
        o -> ((ObjectNode) o.with("roles").with("root")).put("threshold", 2), List.of(ROOT_A))), List.of(1L), null, "ONEX-G037");
    byte[] smallOrder = new byte[32];
    smallOrder[0] = 1; // the neutral element (order 1), as in Wycheproof's small-order key tests
    trustCase("trust_small_order_key_fail", List.of(rawRoot(standard(1, List.of(ROOT_A)), o -> o.with("keys")
        .putObject(Sha256.hex(smallOrder)).put("algorithm", "ed25519").put("public_key", Base64.getEncoder().encodeToString(smallOrder)),
        List.of(ROOT_A))), List.of(1L), null, "ONEX-G024");
    trustCase("trust_key_id_mismatch_fail", List.of(rawRoot(standard(1, List.of(ROOT_A)), o -> {
      ObjectNode keys = o.with("keys");
      keys.set(Sha256.hex("not this key".getBytes(StandardCharsets.UTF_8)), keys.get(REL_1.id().hex()));
    }, List.of(ROOT_A))), List.of(1L), null, "ONEX-G005");
    trustCase("trust_pin_mismatch_fail", List.of(v1), List.of(1L), Sha256.hex(new byte[1]), "ONEX-G070");
    trustCase("trust_pin_is_version_2_fail", List.of(v1, TrustFiles.envelope(r2, List.of(ROOT_A, ROOT_B))), List.of(1L, 2L),
        TrustChain.pinOf(TrustFiles.envelope(r2, List.of(ROOT_A, ROOT_B))), "ONEX-G080");
  }

  // ---------------------------------------------------------------- nodes

  static final String NODE_YAML = """
      schema_version: "1.0.0"
      name: vector_node
      version: "1.0.0"
      uuid: "3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
      author: "ONEX Vectors"
      created_at: "2025-05-17T10:00:00Z"
      last_modified_at: "2025-05-17T10:00:00Z"
      description: "A node for signing test vectors."
      lifecycle: active
      hash: "%s"
      entrypoint:
        type: python
        target: main.py
      """;

  /** Writes a stamped node into {@code dir}/node and returns its hash lock. */
  static String node(Path dir, String code) {
    Path n = dir.resolve("node");
    write(n.resolve("main.py"), code.getBytes(StandardCharsets.UTF_8));
    String yaml = String.format(NODE_YAML, "0".repeat(64));
    var tree = StrictYaml.parseMapping(yaml.getBytes(StandardCharsets.UTF_8), "node.onex.yaml", YamlLimits.DEFAULT).root();
    String lock = HashLock.compute(tree, NodeFiles.ofDirectory(n));
    write(n.resolve("node.onex.yaml"), String.format(NODE_YAML, lock).getBytes(StandardCharsets.UTF_8));
    return lock;
  }

  static SignatureBlock block(String lock, SigningKey k) {
    return NodeSignatures.sign(lock, k, "Vector Signer <vectors@onex.invalid>", Clock.fixed(T0, ZoneOffset.UTC));
  }

  void nodeCase(String name, String pin, SignatureBlock block, String code, String expected, boolean editAfter) {
    Path dir = out.resolve(name);
    String lock = node(dir, code);
    if (block != null) {
      SignatureBlock b = block.signature().equals("SIGN") ? block(lock, NODE_1) : block;
      if (b.signature().startsWith("SIGNBY:")) {
        SigningKey k = b.signature().equals("SIGNBY:outsider") ? OUTSIDER : NODE_2;
        SignatureBlock s = block(lock, k);
        b = new SignatureBlock(b.algorithm(), b.keyId(), s.signer(), s.signedAt(), s.signature());
      } else if (b.signature().startsWith("MUTATE:")) {
        SignatureBlock s = block(lock, NODE_1);
        b = new SignatureBlock(b.algorithm(), s.keyId(), s.signer(), s.signedAt(), mutate(s.signature(), b.signature().substring(7)));
      }
      SignatureBlockWriter.write(dir.resolve("node/node.onex.yaml"), b);
    }
    if (editAfter) {
      write(dir.resolve("node/main.py"), (code + "# edited after signing\n").getBytes(StandardCharsets.UTF_8));
    }
    if (pin == null) {
      pin = standardTrust(dir);
    }
    cmd(dir, "verify node --trust-dir trust --root-sha256 " + pin, expected);
  }

  static String mutate(String sigB64, String how) {
    byte[] sig = Base64.getDecoder().decode(sigB64);
    if (how.equals("flip")) {
      sig[5] ^= 0x01;
    } else if (how.equals("s_plus_l")) {
      byte[] s = Arrays.copyOfRange(sig, 32, 64);
      byte[] be = new byte[32];
      for (int i = 0; i < 32; i++) {
        be[i] = s[31 - i];
      }
      byte[] sum = new BigInteger(1, be).add(L).toByteArray();
      byte[] le = new byte[32];
      for (int i = 0; i < 32 && i < sum.length; i++) {
        le[i] = sum[sum.length - 1 - i];
      }
      System.arraycopy(le, 0, sig, 32, 32);
    }
    return Base64.getEncoder().encodeToString(sig);
  }

  private void nodeCases() {
    String code = "print('hello')\n";
    SignatureBlock sign = new SignatureBlock("ed25519", "", "", "", "SIGN");
    nodeCase("node_signed", null, sign, code, null, false);
    nodeCase("node_unsigned_fail", null, null, code, "ONEX-G050", false);
    nodeCase("node_edited_after_signing_fail", null, sign, code, "ONEX-G053", false ? false : true);
    nodeCase("node_signature_flipped_fail", null, new SignatureBlock("ed25519", "", "", "", "MUTATE:flip"), code, "ONEX-G052", false);
    nodeCase("node_non_canonical_s_fail", null, new SignatureBlock("ed25519", "", "", "", "MUTATE:s_plus_l"), code, "ONEX-G021", false);
    nodeCase("node_untrusted_key_fail", null, new SignatureBlock("ed25519", OUTSIDER.id().hex(), "", "", "SIGNBY:outsider"), code, "ONEX-G051", false);
    nodeCase("node_keyid_hint_names_trusted_key_fail", null,
        new SignatureBlock("ed25519", NODE_1.id().hex(), "", "", "SIGNBY:outsider"), code, "ONEX-G052", false);
    nodeCase("node_keyid_hint_names_other_key", null,
        new SignatureBlock("ed25519", REL_1.id().hex(), "", "", "SIGNBY:node2"), code, null, false);
    nodeCase("node_algorithm_fail", null, new SignatureBlock("rsa-pss", NODE_1.id().hex(), "x", "2025-05-17T10:00:00Z", "AAAA"), code, "ONEX-G054", false);
    Path dir = out.resolve("node_revoked_key_fail");
    String pin = writeTrust(dir, List.of(TrustFiles.envelope(root(1, FAR, List.of(ROOT_A), List.of(REL_1.publicKey()),
        List.of(NODE_1.publicKey(), NODE_2.publicKey()), 1, List.of(new Revocation(NODE_2.id(), 0, "laptop lost"))), List.of(ROOT_A))), List.of(1L));
    nodeCase("node_revoked_key_fail", pin, new SignatureBlock("ed25519", NODE_2.id().hex(), "", "", "SIGNBY:node2"), code, "ONEX-G038", false);
  }

  // ---------------------------------------------------------------- releases

  static ReleaseStatement statement(long seq, Optional<String> prev, long rootVersion, Instant expires, String registry, String message) {
    ReleaseNode n = new ReleaseNode("nodes/vector_node", "3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "vector_node", "1.0.0",
        Sha256.hex(("node " + seq).getBytes(StandardCharsets.UTF_8)), Sha256.hex(("blob " + seq).getBytes(StandardCharsets.UTF_8)).substring(0, 40));
    return new ReleaseStatement(registry, seq, prev, Sha256.hex(("commit " + seq).getBytes(StandardCharsets.UTF_8)).substring(0, 40),
        rootVersion, T0, expires, message, List.of(n));
  }

  /** A valid chain of {@code n} releases signed by REL_1; returns the envelopes. */
  static List<byte[]> chain(int n, java.util.function.Function<Long, ReleaseStatement> tweak) {
    List<byte[]> out = new ArrayList<>();
    Optional<String> prev = Optional.empty();
    for (long s = 1; s <= n; s++) {
      ReleaseStatement st = tweak == null ? null : tweak.apply(s);
      if (st == null) {
        st = statement(s, prev, 1, FAR, REGISTRY, "release " + s);
      }
      byte[] payload = st.toPayload();
      out.add(Envelope.sign(ReleaseStatement.PAYLOAD_TYPE, payload, List.of(REL_1)).toJson());
      prev = Optional.of(ReleaseStatement.digest(payload));
    }
    return out;
  }

  static byte[] sign(ReleaseStatement s, List<SigningKey> keys) {
    return Envelope.sign(ReleaseStatement.PAYLOAD_TYPE, s.toPayload(), keys).toJson();
  }

  void releaseCase(String name, String pin, List<byte[]> envelopes, LastRelease last, String expected) {
    Path dir = out.resolve(name);
    if (pin == null) {
      pin = standardTrust(dir);
    }
    for (int i = 0; i < envelopes.size(); i++) {
      write(dir.resolve("releases").resolve(String.format("%04d.json", i + 1)), envelopes.get(i));
    }
    if (envelopes.isEmpty()) {
      write(dir.resolve("releases/.keep"), new byte[0]);
    }
    String extra = "";
    if (last != null) {
      write(dir.resolve("last-release"), last.toBytes());
      extra = " --last-release last-release";
    }
    cmd(dir, "verify --chain releases --trust-dir trust --root-sha256 " + pin + extra, expected);
  }

  static byte[] editEnvelope(byte[] env, java.util.function.Consumer<ObjectNode> edit) {
    ObjectNode o = (ObjectNode) CanonicalJson.parse(new String(env, StandardCharsets.UTF_8));
    edit.accept(o);
    return (CanonicalJson.canonicalString(o) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  static String flipPayload(String b64) {
    byte[] p = Base64.getDecoder().decode(b64);
    String text = new String(p, StandardCharsets.UTF_8);
    int at = text.indexOf("release 1");
    p[at] ^= 0x01; // 'r' -> 's': still canonical JSON, no longer the signed bytes
    return Base64.getEncoder().encodeToString(p);
  }

  private void releaseCases() {
    List<byte[]> two = chain(2, null);
    releaseCase("release_chain", null, two, null, null);
    byte[] r1 = two.get(0);
    releaseCase("release_payload_flipped_fail", null, List.of(editEnvelope(r1, o -> o.put("payload", flipPayload(o.get("payload").asText())))), null, "ONEX-G036");
    releaseCase("release_signature_flipped_fail", null, List.of(editEnvelope(r1, o -> {
      ObjectNode s = (ObjectNode) o.withArray("signatures").get(0);
      s.put("sig", mutate(s.get("sig").asText(), "flip"));
    })), null, "ONEX-G036");
    releaseCase("release_payload_type_flipped_fail", null, List.of(editEnvelope(r1,
        o -> o.put("payloadType", ReleaseStatement.PAYLOAD_TYPE.replace("release", "relfase")))), null, "ONEX-G035");
    releaseCase("release_empty_signatures_fail", null, List.of(editEnvelope(r1, o -> o.putArray("signatures"))), null, "ONEX-G033");
    // threshold 2 of {REL_1, REL_2}
    Path dir2 = out.resolve("release_duplicate_signatures_fail");
    String pin2 = twoOfTwo(dir2);
    ReleaseStatement s1 = statement(1, Optional.empty(), 1, FAR, REGISTRY, "release 1");
    releaseCase("release_duplicate_signatures_fail", pin2, List.of(sign(s1, List.of(REL_1, REL_1))), null, "ONEX-G036");
    Path dir3 = out.resolve("release_same_key_two_ids_fail");
    String pin3 = twoOfTwo(dir3);
    byte[] twoIds = editEnvelope(sign(s1, List.of(REL_1, REL_1)), o -> ((ObjectNode) o.withArray("signatures").get(1)).put("keyid", REL_2.id().hex()));
    releaseCase("release_same_key_two_ids_fail", pin3, List.of(twoIds), null, "ONEX-G036");
    releaseCase("release_keyid_hint_names_other_key", null, List.of(editEnvelope(r1,
        o -> ((ObjectNode) o.withArray("signatures").get(0)).put("keyid", REL_2.id().hex()))), null, null);
    releaseCase("release_keyid_hint_untrusted_signer_fail", null, List.of(editEnvelope(sign(s1, List.of(OUTSIDER)),
        o -> ((ObjectNode) o.withArray("signatures").get(0)).put("keyid", REL_1.id().hex()))), null, "ONEX-G036");
    Path dirRoot = out.resolve("release_root_envelope_offered_fail");
    String pinRoot = standardTrust(dirRoot);
    releaseCase("release_root_envelope_offered_fail", pinRoot, List.of(readBytes(dirRoot.resolve("trust/root-1.json"))), null, "ONEX-G035");
    // unknown algorithm in the release role: threshold 2 of {REL_1, x-unknown}
    Path dirU = out.resolve("release_unknown_algorithm_not_counted_fail");
    VerifyingKey unknown = VerifyingKey.of("x-unknown-alg", Sha256.hex("unknown".getBytes(StandardCharsets.UTF_8)).substring(0, 32).getBytes(StandardCharsets.US_ASCII));
    String pinU = writeTrust(dirU, List.of(TrustFiles.envelope(root(1, FAR, List.of(ROOT_A), List.of(REL_1.publicKey(), unknown),
        List.of(NODE_1.publicKey()), 2, List.of()), List.of(ROOT_A))), List.of(1L));
    byte[] withFake = editEnvelope(sign(s1, List.of(REL_1)), o -> o.withArray("signatures").addObject()
        .put("keyid", unknown.id().hex()).put("sig", Base64.getEncoder().encodeToString(new byte[64])));
    releaseCase("release_unknown_algorithm_not_counted_fail", pinU, List.of(withFake), null, "ONEX-G036");
    revocationCases();
    downgradeCase();
    releaseCase("release_replayed_older_fail", null, List.of(two.get(0), two.get(1), two.get(0)), null, "ONEX-G094");
    ReleaseStatement last2 = ReleaseStatement.parse(Envelope.parse(two.get(1), "r2").payload(), "r2");
    LastRelease at2 = new LastRelease(REGISTRY, 2, ReleaseStatement.digest(last2.toPayload()));
    releaseCase("release_rollback_fail", null, List.of(two.get(0)), at2, "ONEX-G091");
    releaseCase("release_up_to_date", null, two, at2, null);
    List<byte[]> fork = chain(2, s -> s == 2 ? statement(2, Optional.of(ReleaseStatement.digest(
        statement(1, Optional.empty(), 1, FAR, REGISTRY, "release 1").toPayload())), 1, FAR, REGISTRY, "another release 2") : null);
    releaseCase("release_same_sequence_other_digest_fail", null, fork, at2, "ONEX-G092");
    releaseCase("release_broken_chain_fail", null, chain(2, s -> s == 2 ? statement(2, Optional.of("0".repeat(64)), 1, FAR, REGISTRY, "release 2") : null),
        null, "ONEX-G093");
    releaseCase("release_other_registry_fail", null, List.of(sign(statement(1, Optional.empty(), 1, FAR, "another-registry", "r"), List.of(REL_1))),
        null, "ONEX-G096");
    releaseCase("release_expired_latest_fail", null, chain(2, s -> s == 2 ? statement(2, Optional.of(ReleaseStatement.digest(
        statement(1, Optional.empty(), 1, FAR, REGISTRY, "release 1").toPayload())), 1, PAST, REGISTRY, "release 2") : null), null, "ONEX-G095");
    releaseCase("release_signed_by_root_key_only_fail", null, List.of(sign(s1, List.of(ROOT_A))), null, "ONEX-G036");
    releaseCase("release_unknown_root_version_fail", null, List.of(sign(statement(1, Optional.empty(), 7, FAR, REGISTRY, "r"), List.of(REL_1))),
        null, "ONEX-G101");
  }

  /** Release 2 names an older trust root version than release 1. */
  private void downgradeCase() {
    Path dir = out.resolve("release_trust_root_downgrade_fail");
    byte[] v1 = TrustFiles.envelope(standard(1, List.of(ROOT_A)), List.of(ROOT_A));
    String pin = writeTrust(dir, List.of(v1, TrustFiles.envelope(standard(2, List.of(ROOT_A)), List.of(ROOT_A))), List.of(1L, 2L));
    ReleaseStatement a = statement(1, Optional.empty(), 2, FAR, REGISTRY, "release 1");
    ReleaseStatement b = statement(2, Optional.of(ReleaseStatement.digest(a.toPayload())), 1, FAR, REGISTRY, "release 2");
    releaseCase("release_trust_root_downgrade_fail", pin, List.of(sign(a, List.of(REL_1)), sign(b, List.of(REL_1))), null, "ONEX-G093");
  }

  private String twoOfTwo(Path dir) {
    return writeTrust(dir, List.of(TrustFiles.envelope(root(1, FAR, List.of(ROOT_A), List.of(REL_1.publicKey(), REL_2.publicKey()),
        List.of(NODE_1.publicKey()), 2, List.of()), List.of(ROOT_A))), List.of(1L));
  }

  /** Root v2 revokes REL_1 with checkpoint 1: its signature counts on release 1, not on release 2. */
  private void revocationCases() {
    for (String name : List.of("release_revoked_key_before_checkpoint", "release_revoked_key_after_checkpoint_fail")) {
      Path dir = out.resolve(name);
      byte[] v1 = TrustFiles.envelope(standard(1, List.of(ROOT_A)), List.of(ROOT_A));
      TrustRoot r2 = root(2, FAR, List.of(ROOT_A), List.of(REL_1.publicKey(), REL_2.publicKey()),
          List.of(NODE_1.publicKey(), NODE_2.publicKey()), 1, List.of(new Revocation(REL_1.id(), 1, "key compromised after release 1")));
      String pin = writeTrust(dir, List.of(v1, TrustFiles.envelope(r2, List.of(ROOT_A))), List.of(1L, 2L));
      ReleaseStatement a = statement(1, Optional.empty(), 1, FAR, REGISTRY, "release 1");
      List<byte[]> envs = new ArrayList<>(List.of(sign(a, List.of(REL_1))));
      if (name.endsWith("_fail")) {
        envs.add(sign(statement(2, Optional.of(ReleaseStatement.digest(a.toPayload())), 2, FAR, REGISTRY, "release 2"), List.of(REL_1)));
      }
      releaseCase(name, pin, envs, null, name.endsWith("_fail") ? "ONEX-G038" : null);
    }
  }

  // ---------------------------------------------------------------- files

  void cmd(Path dir, String args, String expected) {
    write(dir.resolve("cmd.txt"), (args + "\n").getBytes(StandardCharsets.UTF_8));
    if (expected != null) {
      write(dir.resolve("expected.txt"), (expected + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] readBytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static KeyId id(SigningKey k) {
    return k.id();
  }
}
