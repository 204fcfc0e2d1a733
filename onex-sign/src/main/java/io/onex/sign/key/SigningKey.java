package io.onex.sign.key;

import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 private key (RFC 8032: a 32-byte seed) with its public key. Signs with
 * BouncyCastle's lightweight {@link Ed25519Signer}; signatures are deterministic.
 *
 * <p>{@link #toString()} shows only the key id, never the seed. Thread-safe: each signature
 * uses its own signer.
 */
public final class SigningKey {
  /** Seed length in bytes. */
  public static final int SEED_BYTES = 32;

  private final Ed25519PrivateKeyParameters key;
  private final VerifyingKey publicKey;

  private SigningKey(Ed25519PrivateKeyParameters key) {
    this.key = key;
    this.publicKey = VerifyingKey.ed25519(key.generatePublicKey().getEncoded());
  }

  /**
   * The key for a 32-byte seed (deterministic: the same seed gives the same key).
   *
   * @throws IllegalArgumentException if {@code seed} is not 32 bytes
   */
  public static SigningKey fromSeed(byte[] seed) {
    Objects.requireNonNull(seed, "seed");
    if (seed.length != SEED_BYTES) {
      throw new IllegalArgumentException("an Ed25519 seed has 32 bytes, not " + seed.length);
    }
    return new SigningKey(new Ed25519PrivateKeyParameters(seed, 0));
  }

  /** A new key from {@code random}. */
  public static SigningKey generate(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    return new SigningKey(new Ed25519PrivateKeyParameters(random));
  }

  public VerifyingKey publicKey() {
    return publicKey;
  }

  public KeyId id() {
    return publicKey.id();
  }

  /** The 64-byte Ed25519 signature of {@code message}. */
  public byte[] sign(byte[] message) {
    Objects.requireNonNull(message, "message");
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, key);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  /** The seed, for the key store only. */
  byte[] seed() {
    return key.getEncoded();
  }

  @Override
  public String toString() {
    return "SigningKey[ed25519:" + id().hex() + "]";
  }
}
