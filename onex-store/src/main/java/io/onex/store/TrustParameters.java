package io.onex.store;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;

/**
 * Parameters of {@link TrustModel} (docs/formats/store.md, "Trust"). The caller passes them
 * (the repository configuration has no {@code trust:} key yet); {@link #DEFAULTS} otherwise.
 *
 * @param halfLifeDays a record's weight halves every {@code halfLifeDays} of age (&gt; 0)
 * @param minSamples below this many runs the score is reported but not {@code sufficient}
 * @param maxSamples only the newest {@code maxSamples} runs are weighed (bounds the work)
 * @param regenerationFailures this many failures in a row (newest first) flag regeneration
 * @param regenerationThreshold a sufficient score below this also flags regeneration
 */
public record TrustParameters(double halfLifeDays, int minSamples, int maxSamples, int regenerationFailures,
    double regenerationThreshold) {
  public static final TrustParameters DEFAULTS = new TrustParameters(7.0, 5, 200, 3, 0.3);

  public TrustParameters {
    if (!(halfLifeDays > 0) || Double.isInfinite(halfLifeDays)) {
      throw bad("trust.half_life_days must be a positive number, not " + halfLifeDays);
    }
    if (minSamples < 1 || maxSamples < minSamples || maxSamples > 10_000) {
      throw bad("trust needs 1 <= min_samples <= max_samples <= 10000, not " + minSamples + " and " + maxSamples);
    }
    if (regenerationFailures < 1) {
      throw bad("trust.regeneration_failures must be 1 or more, not " + regenerationFailures);
    }
    if (!(regenerationThreshold >= 0 && regenerationThreshold <= 1)) {
      throw bad("trust.regeneration_threshold must be within [0, 1], not " + regenerationThreshold);
    }
  }

  private static OnexException bad(String message) {
    return new OnexException(Diagnostic.error(BrowseError.BAD_QUERY, "", 0, 0, "trust", message));
  }
}
