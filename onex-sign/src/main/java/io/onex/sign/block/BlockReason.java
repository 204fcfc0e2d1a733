package io.onex.sign.block;

import io.onex.sign.SignError;

/** Why a node's signature_block verified or not. */
public enum BlockReason {
  OK(null),
  /** The node has no signature_block. */
  UNSIGNED(SignError.NODE_UNSIGNED),
  /** The block lacks a field, has a non-string field or a signature that is not base64. */
  MALFORMED(SignError.SIGNATURE_BLOCK_MALFORMED),
  /** The block's algorithm is not ed25519. */
  UNSUPPORTED_ALGORITHM(SignError.NODE_SIGNATURE_ALGORITHM),
  /** The stored hash is not the hash lock computed from the node's content. */
  HASH_MISMATCH(SignError.NODE_HASH_MISMATCH),
  /** No trusted key verifies the signature, and the block's key_id names no trusted key. */
  UNKNOWN_KEY(SignError.NODE_SIGNER_UNKNOWN),
  /** The signature is not a canonical Ed25519 signature (S >= L, non-canonical R, wrong length). */
  NON_CANONICAL(SignError.SIGNATURE_NON_CANONICAL),
  /** The block names a trusted key, but no trusted key verifies the signature. */
  BAD_SIGNATURE(SignError.NODE_SIGNATURE_INVALID);

  private final SignError error;

  BlockReason(SignError error) {
    this.error = error;
  }

  /** The error code of a failure; {@code null} for {@link #OK}. */
  public SignError error() {
    return error;
  }
}
