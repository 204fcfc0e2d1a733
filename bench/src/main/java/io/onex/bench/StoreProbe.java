package io.onex.bench;

import io.onex.core.hash.Sha256;
import io.onex.store.Store;
import java.nio.charset.StandardCharsets;
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
      // StoreGenerator.cacheKey(i), computed here: loading the generator class would also load
      // java.time's formatter (its static Instant.parse), which the store itself does not need
      String key = Sha256.hex(("key:" + Integer.parseInt(args[2])).getBytes(StandardCharsets.UTF_8));
      boolean hit = s.cacheHit(key).isPresent();
      if (!hit) {
        System.exit(1);
      }
    }
  }
}
