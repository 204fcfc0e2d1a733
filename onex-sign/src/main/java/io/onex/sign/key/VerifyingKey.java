package io.onex.sign.key;

import io.onex.sign.SignError;
import io.onex.sign.internal.Fail;
import io.onex.sign.verify.Ed25519Verifier;
import io.onex.sign.verify.VerifyReason;
import io.onex.sign.verify.VerifyResult;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A public key: an algorithm name and the raw key bytes; its {@link KeyId} is computed from the
 * bytes. Only {@value #ED25519} keys ever verify anything: a key with another algorithm may be
 * listed (for example in a trust root) but {@link #verify} refuses everything it signed.
 *
 * <p>Invariant: an {@value #ED25519} key has passed
 * {@link Ed25519Verifier#checkPublicKey(byte[])} (32 bytes, canonical, not of small order, on
 * the curve). Immutable.
 */
public final class VerifyingKey {
  /** The one supported algorithm. */
  public static final String ED25519 = "ed25519";

  private final String algorithm;
  private final byte[] bytes;
  private final KeyId id;

  private VerifyingKey(String algorithm, byte[] bytes) {
    this.algorithm = algorithm;
    this.bytes = bytes.clone();
    this.id = KeyId.of(this.bytes);
  }

  /**
   * An Ed25519 public key from its 32 raw bytes.
   *
   * @throws io.onex.core.diag.OnexException {@code ONEX-G022..G025} if the bytes are not an
   *     acceptable key
   */
  public static VerifyingKey ed25519(byte[] bytes) {
    VerifyResult check = Ed25519Verifier.checkPublicKey(bytes);
    if (!check.ok()) {
      throw Fail.of(check.reason().error(), "", "", "invalid Ed25519 public key: " + check.detail());
    }
    return new VerifyingKey(ED25519, bytes);
  }

  /**
   * A key of any algorithm: Ed25519 keys are checked as by {@link #ed25519}; others are kept
   * as opaque bytes that never verify.
   *
   * @throws io.onex.core.diag.OnexException for an invalid Ed25519 key or an empty algorithm
   */
  public static VerifyingKey of(String algorithm, byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (algorithm == null || algorithm.isEmpty()) {
      throw Fail.of(SignError.UNSUPPORTED_KEY_ALGORITHM, "", "", "the key has no algorithm");
    }
    return algorithm.equals(ED25519) ? ed25519(bytes) : new VerifyingKey(algorithm, bytes);
  }

  public String algorithm() {
    return algorithm;
  }

  /** A copy of the raw key bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  public KeyId id() {
    return id;
  }

  /** Whether this key can verify signatures (it is an Ed25519 key). */
  public boolean isSupported() {
    return algorithm.equals(ED25519);
  }

  /** Verifies an Ed25519 signature; any other algorithm gives {@code UNSUPPORTED_ALGORITHM}. */
  public VerifyResult verify(byte[] message, byte[] signature) {
    if (!isSupported()) {
      return new VerifyResult(VerifyReason.UNSUPPORTED_ALGORITHM,
          "key " + id.shortForm() + " has algorithm \"" + algorithm + "\", which ONEX does not verify");
    }
    return Ed25519Verifier.verify(bytes, message, signature);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerifyingKey k && k.algorithm.equals(algorithm) && Arrays.equals(k.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + algorithm.hashCode();
  }

  @Override
  public String toString() {
    return algorithm.toLowerCase(Locale.ROOT) + ":" + id.hex();
  }
}
