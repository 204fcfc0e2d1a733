package io.onex.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.Diagnostic;
import io.onex.core.record.ExecutionRecord;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety with real processes: a child JVM appends batches in a loop and prints each
 * batch after {@code append} returned; the test kills it with SIGKILL
 * ({@code destroyForcibly}) after a random number of printed lines, then opens the store and
 * checks that nothing acknowledged is lost and everything present is intact.
 *
 * <p>{@code -Donex.store.kills=N} sets the number of kills (default 50, about 45 s);
 * {@code -Donex.store.seed=S} the seed. The long run is {@code -Donex.store.kills=200}.
 */
class StoreCrashTest {
  @TempDir Path tmp;

  @Test
  void kill_atRandomMoments_losesNothingAcknowledged() throws Exception {
    int kills = Integer.getInteger("onex.store.kills", 50);
    Random rnd = new Random(Long.getLong("onex.store.seed", 20261122L));
    Path dir = tmp.resolve(".onex-store");
    Map<String, Integer> batches = new TreeMap<>();
    Map<String, Integer> warnings = new TreeMap<>();
    long started = System.nanoTime();
    for (int k = 0; k < kills; k++) {
      String prefix = "k" + k;
      int size = 1 + rnd.nextInt(8);
      int wait = 1 + rnd.nextInt(6);
      try (Child child = Child.start(tmp.resolve("child.err"), "crash", dir.toString(), prefix, Integer.toString(size))) {
        for (int i = 0; i < wait; i++) {
          acknowledge(child.line(), size, batches);
        }
        // SIGKILL through the handle: Process.destroyForcibly would also close our end of the
        // pipe and lose lines the child printed just before it died
        child.process.toHandle().destroyForcibly();
        assertTrue(child.process.waitFor(60, TimeUnit.SECONDS));
        for (String l : child.rest()) {
          acknowledge(l, size, batches);
        }
      }
      verify(dir, batches, warnings);
    }
    System.out.printf("StoreCrashTest: %d kills, %d acknowledged batches, warnings %s, %.1f s%n",
        kills, batches.size(), warnings, (System.nanoTime() - started) / 1e9);
  }

  private static void acknowledge(String line, int size, Map<String, Integer> batches) {
    String[] p = line.split(" ");
    assertEquals("ok", p[0], line);
    batches.put(p[1] + " " + p[2], size);
  }

  private static void verify(Path dir, Map<String, Integer> batches, Map<String, Integer> warnings) {
    try (Store s = Store.open(dir, StoreTest.CLOCK, java.time.Duration.ofSeconds(30))) {
      for (Diagnostic d : s.warnings()) {
        warnings.merge(d.code(), 1, Integer::sum);
      }
      Set<String> successKeys = new HashSet<>();
      batches.forEach((batch, size) -> {
        String[] p = batch.split(" ");
        for (ExecutionRecord want : TestRecords.childBatch(p[0], Integer.parseInt(p[1]), size)) {
          Optional<ExecutionRecord> got = s.byId(want.recordId());
          assertTrue(got.isPresent(), "acknowledged record " + want.recordId() + " is missing");
          assertEquals(StoreTest.json(want), StoreTest.json(got.get()));
          if (want.status().equals("success")) {
            successKeys.add(want.cacheKey());
          }
        }
      });
      List<ExecutionRecord> present = s.recent(Integer.MAX_VALUE);
      assertEquals(s.size(), present.size());
      for (ExecutionRecord r : present) {
        assertEquals(StoreTest.json(TestRecords.child(r.recordId())), StoreTest.json(r), "record intact");
      }
      for (String key : successKeys) {
        ExecutionRecord hit = s.cacheLookup(key).orElseThrow();
        assertEquals(key, hit.cacheKey());
        assertEquals("success", hit.status());
      }
      FsckResult f = s.fsck();
      assertTrue(f.clean(), f.problems().toString());
      assertEquals(f.logRecords(), s.size(), "every log line indexed once");
    }
  }
}
