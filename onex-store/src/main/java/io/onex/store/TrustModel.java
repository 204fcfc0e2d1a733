package io.onex.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Trust from success history, with exponential decay (docs/formats/store.md, "Trust").
 *
 * <p>Over the newest {@code max_samples} runs (status success, failure or error; cached and
 * skipped records are no evidence), run {@code i} started at {@code t_i} weighs
 * {@code w_i = 2^(-max(0, now - t_i) / half_life)}, and
 * {@code trust = sum(w_i * s_i) / sum(w_i)} with {@code s_i = 1} for a success, else 0. The
 * score is {@code sufficient} from {@code min_samples} runs on. {@code regeneration} is set when
 * the newest {@code regeneration_failures} runs all failed, or when a sufficient score is below
 * {@code regeneration_threshold}. Pure and deterministic: {@code now} comes from the caller's clock.
 */
public final class TrustModel {
  private TrustModel() {}

  /** One run: when it started and whether it succeeded. */
  public record Sample(Instant startedAt, boolean success) {}

  /**
   * @param newestFirst the node version's runs, newest first (only the first {@code max_samples} count)
   */
  public static TrustScore score(List<Sample> newestFirst, Instant now, TrustParameters p) {
    Objects.requireNonNull(now, "now");
    double halfLifeMs = p.halfLifeDays() * 86_400_000.0;
    double sum = 0;
    double weight = 0;
    int n = 0;
    int failuresInRow = 0;
    boolean successSeen = false;
    for (Sample s : newestFirst) {
      if (n == p.maxSamples()) {
        break;
      }
      long ageMs = Math.max(0, Duration.between(s.startedAt(), now).toMillis());
      double w = Math.pow(2, -ageMs / halfLifeMs);
      weight += w;
      sum += s.success() ? w : 0;
      n++;
      if (s.success()) {
        successSeen = true;
      } else if (!successSeen) {
        failuresInRow++;
      }
    }
    double value = weight > 0 ? sum / weight : 0;
    boolean sufficient = n >= p.minSamples();
    boolean regeneration = failuresInRow >= p.regenerationFailures()
        || (sufficient && value < p.regenerationThreshold());
    return new TrustScore(value, n, weight, sufficient, failuresInRow, regeneration);
  }
}
