package io.onex.exec;

import java.util.Locale;

/**
 * The status of one execution. {@code SUCCESS}: ran and met its contract; {@code FAILURE}: ran
 * and produced a wrong result (non-zero exit, contract violation, exception); {@code ERROR}:
 * could not run properly (timeout, output cap, unsupported type, no JSON); {@code SKIPPED}: not
 * run; {@code CACHED}: result reused.
 */
public enum ExecStatus {
  SUCCESS,
  FAILURE,
  ERROR,
  SKIPPED,
  CACHED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
