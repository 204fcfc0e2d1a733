package io.onex.sign.verify;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519 verification (RFC 8032, pure Ed25519, no context) that names why it fails and
 * never throws, whatever the input.
 *
 * <p>Checks, in this order, each with its own {@link VerifyReason}: key length 32; key y
 * coordinate below p = 2^255-19 (canonical); key not one of the 8 small-order points
 * (recognised by their y coordinate, either sign); signature length 64; R's y coordinate
 * below p; S below the group order L; key decodes to a curve point; then the verification
 * equation [S]B = R + [k]A, computed by BouncyCastle's {@link Ed25519Signer}.
 *
 * <p>BouncyCastle 1.87 already refuses all of these (its {@code Ed25519PublicKeyParameters}
 * constructor throws for non-canonical, small-order and off-curve keys, and
 * {@code Ed25519.verify} returns false for them and for S >= L or a non-canonical R), but
 * only as an exception or a bare {@code false}. The explicit checks give every refusal a
 * reason code and keep those guarantees if a later BouncyCastle relaxes them. A small-order
 * R is not refused (RFC 8032 allows it); the cofactorless equation is used, as in
 * BouncyCastle, OpenSSL and the JDK.
 *
 * <p>Thread-safe and stateless.
 */
public final class Ed25519Verifier {
  /** Public key length in bytes. */
  public static final int KEY_BYTES = 32;
  /** Signature length in bytes. */
  public static final int SIGNATURE_BYTES = 64;

  /** The y coordinates (little-endian, sign bit clear) of the points of order 1, 2, 4 and 8. */
  private static final byte[][] SMALL_ORDER_Y = {
      hex("0100000000000000000000000000000000000000000000000000000000000000"),
      hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
      hex("0000000000000000000000000000000000000000000000000000000000000000"),
      hex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
      hex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
  };
  /** p = 2^255 - 19, little-endian. */
  private static final byte[] P = hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
  /** L = 2^252 + 27742317777372353535851937790883648493, little-endian. */
  private static final byte[] L = hex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");

  private static final VerifyResult NOT_ON_CURVE =
      new VerifyResult(VerifyReason.INVALID_KEY, "the key does not decode to a point of the curve");

  private Ed25519Verifier() {}

  /** Verifies {@code signature} over {@code message} with the raw 32-byte {@code publicKey}. */
  public static VerifyResult verify(byte[] publicKey, byte[] message, byte[] signature) {
    VerifyResult key = checkKeyBytes(publicKey);
    if (!key.ok()) {
      return key;
    }
    VerifyResult enc = checkSignatureEncoding(signature);
    if (!enc.ok()) {
      return enc;
    }
    if (message == null) {
      return new VerifyResult(VerifyReason.BAD_SIGNATURE, "there is no message");
    }
    Ed25519PublicKeyParameters params = decode(publicKey);
    return params == null ? NOT_ON_CURVE : equation(params, message, signature);
  }

  /** Checks the signature's encoding only: 64 bytes, R's y below p, S below L. */
  public static VerifyResult checkSignatureEncoding(byte[] signature) {
    if (signature == null || signature.length != SIGNATURE_BYTES) {
      return new VerifyResult(VerifyReason.BAD_LENGTH, "the signature has "
          + (signature == null ? "no" : String.valueOf(signature.length)) + " bytes, not 64");
    }
    if (!lessThan(signature, 0, P, true)) {
      return new VerifyResult(VerifyReason.NON_CANONICAL, "R is not canonically encoded (y >= 2^255-19)");
    }
    if (!lessThan(signature, 32, L, false)) {
      return new VerifyResult(VerifyReason.NON_CANONICAL, "S is not below the group order L (malleable signature)");
    }
    return VerifyResult.OK;
  }

  /** Checks that {@code publicKey} is an acceptable Ed25519 public key (the four key checks). */
  public static VerifyResult checkPublicKey(byte[] publicKey) {
    VerifyResult bytes = checkKeyBytes(publicKey);
    if (!bytes.ok()) {
      return bytes;
    }
    return decode(publicKey) == null ? NOT_ON_CURVE : VerifyResult.OK;
  }

  private static VerifyResult checkKeyBytes(byte[] publicKey) {
    if (publicKey == null || publicKey.length != KEY_BYTES) {
      return new VerifyResult(VerifyReason.BAD_KEY_LENGTH, "the public key has "
          + (publicKey == null ? "no" : String.valueOf(publicKey.length)) + " bytes, not 32");
    }
    if (!lessThan(publicKey, 0, P, true)) {
      return new VerifyResult(VerifyReason.NON_CANONICAL_KEY, "the key's y coordinate is not below 2^255-19");
    }
    for (byte[] y : SMALL_ORDER_Y) {
      if (sameY(publicKey, y)) {
        return new VerifyResult(VerifyReason.SMALL_ORDER_KEY, "the key is a point of order at most 8");
      }
    }
    return VerifyResult.OK;
  }

  /** BouncyCastle's decoding, or null if the bytes are not a point of the curve. */
  private static Ed25519PublicKeyParameters decode(byte[] publicKey) {
    try {
      return new Ed25519PublicKeyParameters(publicKey, 0);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static VerifyResult equation(Ed25519PublicKeyParameters key, byte[] message, byte[] signature) {
    try {
      Ed25519Signer signer = new Ed25519Signer();
      signer.init(false, key);
      signer.update(message, 0, message.length);
      return signer.verifySignature(signature)
          ? VerifyResult.OK
          : new VerifyResult(VerifyReason.BAD_SIGNATURE, "the signature does not verify for this key and message");
    } catch (RuntimeException e) {
      return new VerifyResult(VerifyReason.BAD_SIGNATURE, "the signature could not be checked: " + e.getClass().getSimpleName());
    }
  }

  /** Whether the 32 little-endian bytes at {@code off} (sign bit cleared if asked) are below {@code bound}. */
  private static boolean lessThan(byte[] value, int off, byte[] bound, boolean clearSignBit) {
    for (int i = 31; i >= 0; i--) {
      int v = value[off + i] & 0xff;
      if (i == 31 && clearSignBit) {
        v &= 0x7f;
      }
      int b = bound[i] & 0xff;
      if (v != b) {
        return v < b;
      }
    }
    return false;
  }

  private static boolean sameY(byte[] key, byte[] y) {
    for (int i = 0; i < 31; i++) {
      if (key[i] != y[i]) {
        return false;
      }
    }
    return (key[31] & 0x7f) == y[31];
  }

  private static byte[] hex(String s) {
    return java.util.HexFormat.of().parseHex(s);
  }
}
