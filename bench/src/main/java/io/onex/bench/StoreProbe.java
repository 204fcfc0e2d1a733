package io.onex.bench;

import io.onex.store.Store;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;

/**
 * Whole-process probes for {@code bench/store-process.sh}: {@code trivial} returns at once (the
 * JVM's own start-up, the baseline); {@code hit <storeDir> <i>} opens the store and serves one
 * cache hit (the cache key of generated record {@code i}, which must be a success) and exits 1
 * when it misses.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.onex.bench.StoreProbe hit /tmp/onex-bench/store-1000000/.onex-store 0}
 */
public final class StoreProbe {
  private StoreProbe() {}

  public static void main(String[] args) {
    if (args.length == 0 || args[0].equals("trivial")) {
      return;
    }
    try (Store s = Store.open(Paths.get(args[1]), Clock.systemUTC(), Duration.ofSeconds(30))) {
      boolean hit = s.cacheHit(StoreGenerator.cacheKey(Integer.parseInt(args[2]))).isPresent();
      if (!hit) {
        System.exit(1);
      }
    }
  }
}
