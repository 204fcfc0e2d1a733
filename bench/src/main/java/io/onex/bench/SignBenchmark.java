package io.onex.bench;

import io.onex.core.model.SignatureBlock;
import io.onex.sign.block.NodeSignatures;
import io.onex.sign.dsse.Envelope;
import io.onex.sign.dsse.Pae;
import io.onex.sign.key.SigningKey;
import io.onex.sign.key.TrustedKeys;
import io.onex.sign.release.ReleaseNode;
import io.onex.sign.release.ReleaseResult;
import io.onex.sign.release.ReleaseStatement;
import io.onex.sign.release.ReleaseVerifier;
import io.onex.sign.trust.Role;
import io.onex.sign.trust.RoleKeys;
import io.onex.sign.trust.TrustChain;
import io.onex.sign.trust.TrustFiles;
import io.onex.sign.trust.TrustRoot;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Node signing and verification (BouncyCastle through {@code NodeSignatures}, with the strict
 * checks), and verification of a 1,000-node release ({@code ReleaseVerifier}: envelope parse,
 * statement parse and canonical check, threshold), each against the JDK's own Ed25519
 * ({@code java.security} "Ed25519") over the same bytes with the same seed, in the same run.
 *
 * <p>Run: {@code mvn -q -o -pl bench -am package -DskipTests && java -jar
 * bench/target/benchmarks.jar SignBenchmark -f 1 -wi 1 -i 2 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignBenchmark {
  static final byte[] SEED = new byte[32];
  static final String LOCK = "5d41402abc4b2a76b9719d911017c592aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-17T10:00:00Z"), ZoneOffset.UTC);

  SigningKey key;
  TrustedKeys trusted;
  SignatureBlock block;
  byte[] message;
  byte[] jdkSignature;
  PrivateKey jdkPrivate;
  PublicKey jdkPublic;
  TrustChain trust;
  List<ReleaseVerifier.Entry> release;
  byte[] releasePae;
  byte[] releaseJdkSignature;

  @Setup
  public void setUp() throws GeneralSecurityException {
    SEED[0] = 42;
    key = SigningKey.fromSeed(SEED);
    trusted = TrustedKeys.of(key.publicKey());
    block = NodeSignatures.sign(LOCK, key, "bench", CLOCK);
    message = NodeSignatures.message(LOCK);
    jdkPrivate = KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, SEED));
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(jdkPrivate);
    s.update(message);
    jdkSignature = s.sign();
    jdkPublic = jdkPublicFrom(key.publicKey().bytes());
    setUpRelease();
  }

  private void setUpRelease() throws GeneralSecurityException {
    Map<Role, RoleKeys> roles = new EnumMap<>(Role.class);
    for (Role r : Role.values()) {
      roles.put(r, new RoleKeys(List.of(key.id()), 1));
    }
    TrustRoot root = new TrustRoot("bench", 1, Instant.parse("2100-01-01T00:00:00Z"), List.of(key.publicKey()), roles, List.of());
    byte[] v1 = TrustFiles.envelope(root, List.of(key));
    trust = TrustChain.verify(List.of(new TrustChain.RootFile("root-1.json", 1, v1)), TrustChain.pinOf(v1), CLOCK.instant());
    List<ReleaseNode> nodes = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String h = String.format("%064x", i * 7919L + 13);
      nodes.add(new ReleaseNode(String.format("nodes/n%04d", i), "3f2c1d4e-5a6b-4c7d-8e9f-" + String.format("%012d", i),
          "n" + i, "1.0.0", h, h.substring(0, 40)));
    }
    ReleaseStatement st = new ReleaseStatement("bench", 1, Optional.empty(), "a".repeat(40), 1, CLOCK.instant(),
        Instant.parse("2100-01-01T00:00:00Z"), "bench", nodes);
    byte[] payload = st.toPayload();
    release = List.of(new ReleaseVerifier.Entry("bench", Envelope.sign(ReleaseStatement.PAYLOAD_TYPE, payload, List.of(key)).toJson()));
    releasePae = Pae.encode(ReleaseStatement.PAYLOAD_TYPE, payload);
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(jdkPrivate);
    s.update(releasePae);
    releaseJdkSignature = s.sign();
  }

  /** The JDK public key for raw bytes, through its X.509 encoding. */
  static PublicKey jdkPublicFrom(byte[] raw) throws GeneralSecurityException {
    byte[] der = new byte[44];
    System.arraycopy(java.util.HexFormat.of().parseHex("302a300506032b6570032100"), 0, der, 0, 12);
    System.arraycopy(raw, 0, der, 12, 32);
    return KeyFactory.getInstance("Ed25519").generatePublic(new java.security.spec.X509EncodedKeySpec(der));
  }

  @Benchmark
  public SignatureBlock signNode() {
    return NodeSignatures.sign(LOCK, key, "bench", CLOCK);
  }

  @Benchmark
  public boolean verifyNode() {
    return NodeSignatures.verify(Optional.of(block), LOCK, LOCK, trusted).ok();
  }

  @Benchmark
  public byte[] baselineJdkSign() throws GeneralSecurityException {
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(jdkPrivate);
    s.update(message);
    return s.sign();
  }

  @Benchmark
  public boolean baselineJdkVerify() throws GeneralSecurityException {
    Signature s = Signature.getInstance("Ed25519");
    s.initVerify(jdkPublic);
    s.update(message);
    return s.verify(jdkSignature);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public ReleaseResult verifyRelease1000() {
    return ReleaseVerifier.verify(release, trust, Optional.empty(), CLOCK.instant());
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public boolean baselineJdkVerifyRelease1000() throws GeneralSecurityException {
    Signature s = Signature.getInstance("Ed25519");
    s.initVerify(jdkPublic);
    s.update(releasePae);
    return s.verify(releaseJdkSignature);
  }
}
