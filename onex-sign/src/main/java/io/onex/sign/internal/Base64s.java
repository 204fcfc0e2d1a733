package io.onex.sign.internal;

import io.onex.sign.SignError;
import java.util.Base64;

/**
 * Strict base64 (RFC 4648). Not part of the public API.
 *
 * <p>Only canonical encodings are accepted: the text must be exactly what encoding the
 * decoded bytes gives again (so no whitespace, no unused non-zero trailing bits, no stray
 * padding). {@link #decodeStandard} takes the standard alphabet with padding (what ONEX
 * writes); {@link #decodeDsse} also takes the URL-safe alphabet, with or without padding, as
 * the DSSE specification requires of verifiers.
 */
public final class Base64s {
  private Base64s() {}

  /** Standard alphabet with padding, what ONEX writes everywhere. */
  public static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Standard alphabet, padding required. */
  public static byte[] decodeStandard(String text, String file, String field) {
    byte[] out = decode(text, Base64.getDecoder(), file, field);
    if (!Base64.getEncoder().encodeToString(out).equals(text)) {
      throw bad(file, field, "it is not canonical standard base64 with padding");
    }
    return out;
  }

  /** Standard or URL-safe alphabet (not mixed), padding optional, canonical. */
  public static byte[] decodeDsse(String text, String file, String field) {
    boolean url = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
    byte[] out = decode(text, url ? Base64.getUrlDecoder() : Base64.getDecoder(), file, field);
    Base64.Encoder enc = url ? Base64.getUrlEncoder() : Base64.getEncoder();
    if (!text.endsWith("=") && text.length() % 4 != 0) {
      enc = enc.withoutPadding();
    }
    if (!enc.encodeToString(out).equals(text)) {
      throw bad(file, field, "it is not canonical base64");
    }
    return out;
  }

  private static byte[] decode(String text, Base64.Decoder decoder, String file, String field) {
    try {
      return decoder.decode(text);
    } catch (IllegalArgumentException e) {
      throw bad(file, field, e.getMessage());
    }
  }

  private static io.onex.core.diag.OnexException bad(String file, String field, String why) {
    return Fail.of(SignError.BAD_BASE64, file, field, "not valid base64: " + why);
  }
}
