package io.onex.sign.dsse;

import io.onex.sign.SignError;

/** Why a DSSE verification passed or failed. */
public enum DsseReason {
  OK(null),
  /** The envelope's payloadType is not the one the caller expects. */
  WRONG_PAYLOAD_TYPE(SignError.PAYLOAD_TYPE_MISMATCH),
  /** Fewer distinct trusted keys verified than the threshold asks. */
  THRESHOLD_NOT_MET(SignError.THRESHOLD_NOT_MET),
  /** The threshold is below 1 or above the number of trusted keys. */
  INVALID_THRESHOLD(SignError.INVALID_THRESHOLD);

  private final SignError error;

  DsseReason(SignError error) {
    this.error = error;
  }

  /** The error code of a failure; {@code null} for {@link #OK}. */
  public SignError error() {
    return error;
  }
}
