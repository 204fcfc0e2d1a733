package io.onex.exec.cache;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.model.CachePolicy;
import io.onex.core.record.ExecutionRecord;
import io.onex.store.CacheError;
import io.onex.store.OutputStore;
import io.onex.store.Store;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code onex cache ls|show|clear|gc} over a store. An entry is a cache key with its newest
 * successful record (the producer) and that record's output file. {@code clear} deletes output
 * files only (records stay, so history is intact and later lookups miss); {@code gc} deletes
 * output files no live entry references (live: within the TTL of the node's current policy;
 * a node no longer in the workspace keeps its entries), temp files of killed writers, and
 * re-detects the nondeterminism markers from the records.
 */
public final class CacheAdmin {
  private final Store store;
  private final Clock clock;
  private final Function<ExecutionRecord.NodeRef, Optional<CachePolicy>> policies;

  public CacheAdmin(Store store, Clock clock, Function<ExecutionRecord.NodeRef, Optional<CachePolicy>> policies) {
    this.store = store;
    this.clock = clock;
    this.policies = policies;
  }

  /** One cache entry. {@code outputBytes} is empty when the output file is absent. */
  public record Entry(String key, ExecutionRecord producer, Duration age, Optional<Long> outputBytes,
      boolean nondeterministic) {}

  /** An entry with its output (verified) or the reason it is not served. */
  public record Shown(Entry entry, Optional<JsonNode> output, Optional<Diagnostic> problem) {}

  /** What {@code gc} did. */
  public record GcReport(int removedOutputs, long freedBytes, int removedTemps, int keptOutputs, int nondeterministicKeys) {}

  /** Every entry, oldest producer first. */
  public List<Entry> list() {
    OutputStore outputs = store.outputs();
    List<Entry> out = new ArrayList<>();
    for (ExecutionRecord r : store.cacheEntries()) {
      Optional<Long> size = r.outputHash().flatMap(h -> size(outputs, h));
      boolean nondet = store.nondeterministicKeys(r.node().id(), r.node().version()).contains(r.cacheKey());
      out.add(new Entry(r.cacheKey(), r, age(r), size, nondet));
    }
    out.sort((a, b) -> b.age().compareTo(a.age()));
    return out;
  }

  /** The entry whose key is or starts with {@code keyPrefix} (at least 4 hex digits). */
  public Shown show(String keyPrefix) {
    Entry e = find(keyPrefix);
    if (e.producer().outputHash().isEmpty()) {
      return new Shown(e, Optional.empty(), Optional.empty());
    }
    OutputStore.Lookup l = store.outputs().get(e.producer().outputHash().get());
    return new Shown(e, l.output(), l.problem());
  }

  /**
   * Deletes the outputs of every entry, or of the entries of one node (by name, namespace or
   * {@code namespace@version}); returns the number of files deleted.
   */
  public int clear(Optional<String> node) {
    OutputStore outputs = store.outputs();
    int n = 0;
    for (ExecutionRecord r : store.cacheEntries()) {
      if (node.isPresent() && !matches(r.node(), node.get())) {
        continue;
      }
      if (r.outputHash().isPresent() && outputs.delete(r.outputHash().get())) {
        n++;
      }
    }
    return n;
  }

  /** Removes unreferenced outputs and temp files; re-detects nondeterminism. */
  public GcReport gc() {
    Set<String> live = new HashSet<>();
    for (ExecutionRecord r : store.cacheEntries()) {
      if (r.outputHash().isPresent() && alive(r)) {
        live.add(r.outputHash().get());
      }
    }
    OutputStore outputs = store.outputs();
    int temps = outputs.removeTemps();
    int removed = 0;
    long freed = 0;
    for (OutputStore.Entry f : outputs.list()) {
      if (!live.contains(f.hash()) && outputs.delete(f.hash())) {
        removed++;
        freed += f.size();
      }
    }
    int marked = store.redetectNondeterminism();
    return new GcReport(removed, freed, temps, outputs.list().size(), marked);
  }

  private boolean alive(ExecutionRecord r) {
    Optional<CachePolicy> p = policies.apply(r.node());
    if (p.isEmpty()) {
      return true;
    }
    long ttl = p.get().ttlSeconds();
    return Memoizer.memoizes(p.get()) && (ttl == 0 || age(r).compareTo(Duration.ofSeconds(ttl)) <= 0);
  }

  private Entry find(String prefix) {
    if (!prefix.matches("[0-9a-f]{4,64}")) {
      throw new OnexException(Diagnostic.error(CacheError.NO_SUCH_ENTRY, "", 0, 0, "key",
          "'" + prefix + "' is not a cache key: give 4 to 64 lowercase hex digits"));
    }
    List<Entry> found = list().stream().filter(e -> e.key().startsWith(prefix)).toList();
    if (found.isEmpty()) {
      throw new OnexException(Diagnostic.error(CacheError.NO_SUCH_ENTRY, "", 0, 0, "key", "no cache entry has a key starting with " + prefix));
    }
    if (found.size() > 1) {
      throw new OnexException(Diagnostic.error(CacheError.AMBIGUOUS_KEY, "", 0, 0, "key",
          prefix + " matches " + found.size() + " entries"));
    }
    return found.get(0);
  }

  static boolean matches(ExecutionRecord.NodeRef ref, String node) {
    return node.equals(ref.name()) || node.equals(ref.id()) || node.equals(ref.id() + "@" + ref.version());
  }

  private Duration age(ExecutionRecord r) {
    try {
      return Duration.between(java.time.OffsetDateTime.parse(r.startedAt()).toInstant(), clock.instant());
    } catch (java.time.format.DateTimeParseException e) {
      return Duration.ZERO;
    }
  }

  private static Optional<Long> size(OutputStore outputs, String hash) {
    try {
      return Optional.of(Files.size(outputs.fileOf(hash)));
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

}
