package io.onex.core.model;

/** The {@code cache} block: how results of the node are memoized. */
public record CachePolicy(
    boolean enabled, String strategy, String scope, long ttlSeconds, String memoizationTier) {
  /** Caching on, memoize, node scope, no expiry, shallow. */
  public static final CachePolicy DEFAULT = new CachePolicy(true, "memoize", "node", 0, "shallow");
}
