package io.onex.store;

/**
 * The trust of one node version at one instant (see {@link TrustModel}).
 *
 * @param value decayed success rate in [0, 1]; 0 when there is no run
 * @param samples runs weighed (success, failure, error; at most {@code max_samples})
 * @param weight sum of the weights, in (0, samples]
 * @param sufficient {@code samples >= min_samples}: only then is {@code value} meaningful
 * @param consecutiveFailures failures and errors in a row, newest first, before the newest success
 * @param regeneration the node fails repeatedly and should be regenerated or fixed
 */
public record TrustScore(double value, int samples, double weight, boolean sufficient, int consecutiveFailures,
    boolean regeneration) {}
