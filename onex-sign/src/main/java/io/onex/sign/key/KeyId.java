package io.onex.sign.key;

import io.onex.core.hash.Sha256;
import io.onex.sign.SignError;
import io.onex.sign.internal.Fail;
import java.util.regex.Pattern;

/**
 * The identity of a public key: the lowercase hex SHA-256 of its raw bytes (for Ed25519, the
 * 32-byte public key). A key id written in a file is only a hint: ONEX always recomputes it
 * from the key bytes with {@link #of(byte[])}.
 *
 * @param hex 64 lowercase hex digits
 */
public record KeyId(String hex) implements Comparable<KeyId> {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  /**
   * @throws io.onex.core.diag.OnexException {@code ONEX-G008} if {@code hex} is not 64
   *     lowercase hex digits
   */
  public KeyId {
    if (hex == null || !HEX64.matcher(hex).matches()) {
      throw Fail.of(SignError.INVALID_KEY_ID, "", "", "\"" + hex + "\" is not a key id (64 lowercase hex digits)");
    }
  }

  /** The id of the raw public key bytes. */
  public static KeyId of(byte[] publicKeyBytes) {
    return new KeyId(Sha256.hex(publicKeyBytes));
  }

  /** Whether {@code text} has the form of a key id. */
  public static boolean isWellFormed(String text) {
    return text != null && HEX64.matcher(text).matches();
  }

  /** The first 16 hex digits, for display. */
  public String shortForm() {
    return hex.substring(0, 16);
  }

  @Override
  public int compareTo(KeyId o) {
    return hex.compareTo(o.hex);
  }

  @Override
  public String toString() {
    return hex;
  }
}
