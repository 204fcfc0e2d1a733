package io.onex.sign.verify;

import io.onex.sign.SignError;

/** Why an Ed25519 verification succeeded or failed; every failure has its own code. */
public enum VerifyReason {
  /** The signature is valid for the key and message. */
  OK(null),
  /** The public key is not 32 bytes (or is missing). */
  BAD_KEY_LENGTH(SignError.PUBLIC_KEY_BAD_LENGTH),
  /** The public key's y coordinate is not below p = 2^255-19. */
  NON_CANONICAL_KEY(SignError.PUBLIC_KEY_NON_CANONICAL),
  /** The public key is one of the 8 points of order dividing 8. */
  SMALL_ORDER_KEY(SignError.PUBLIC_KEY_SMALL_ORDER),
  /** The public key does not decode to a curve point. */
  INVALID_KEY(SignError.PUBLIC_KEY_NOT_ON_CURVE),
  /** The signature is not 64 bytes (or is missing). */
  BAD_LENGTH(SignError.SIGNATURE_BAD_LENGTH),
  /** S is not below the group order L, or R's y coordinate is not below p. */
  NON_CANONICAL(SignError.SIGNATURE_NON_CANONICAL),
  /** Well-formed, but the verification equation does not hold. */
  BAD_SIGNATURE(SignError.SIGNATURE_INVALID),
  /** The key's algorithm is not Ed25519, so nothing it signs is ever accepted. */
  UNSUPPORTED_ALGORITHM(SignError.UNSUPPORTED_KEY_ALGORITHM);

  private final SignError error;

  VerifyReason(SignError error) {
    this.error = error;
  }

  /** The error code of a failure; {@code null} for {@link #OK}. */
  public SignError error() {
    return error;
  }
}
