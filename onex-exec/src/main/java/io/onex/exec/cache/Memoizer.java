package io.onex.exec.cache;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.diag.Severity;
import io.onex.core.model.CachePolicy;
import io.onex.core.record.ExecutionRecord;
import io.onex.store.CacheError;
import io.onex.store.CacheHit;
import io.onex.store.OutputStore;
import io.onex.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The cache policy of the runtime over a {@link Store} (docs/formats/cache.md). A hit needs:
 * caching enabled with strategy {@code memoize}; a {@code success} record with the same key
 * (the store's cache index); the key not marked nondeterministic; the record not older than
 * {@code ttl_seconds} by the injected clock (0 = no expiry); its output present in the output
 * store and still hashing to the record's {@code output_hash}. Anything else is a miss; a
 * damaged output is a miss with a warning, never a hit.
 *
 * <p>After an execution, {@link #remember} stores a successful output (cap and I/O failures
 * become warnings: the run is not failed for a cache problem) and compares its output hash with
 * the previous success of the same key: a difference marks the key nondeterministic.
 */
public final class Memoizer {
  private final Store store;
  private final Clock clock;
  private final boolean lookups;
  private final List<Diagnostic> warnings = new ArrayList<>();

  private Memoizer(Store store, Clock clock, boolean lookups) {
    this.store = store;
    this.clock = clock;
    this.lookups = lookups;
  }

  /** No store: nothing is looked up or remembered. */
  public static Memoizer disabled() {
    return new Memoizer(null, Clock.systemUTC(), false);
  }

  /**
   * Caching over {@code store}; {@code lookups == false} ({@code --no-cache}) still stores
   * outputs and detects nondeterminism, but never serves a hit.
   */
  public static Memoizer of(Store store, Clock clock, boolean lookups) {
    return new Memoizer(Objects.requireNonNull(store, "store"), Objects.requireNonNull(clock, "clock"), lookups);
  }

  /** A served result: the producing record and its verified output. */
  public record Hit(CacheHit producer, JsonNode output) {}

  /** Why a key is or is not served (the last step of {@code onex why}). */
  public enum Verdict { HIT, CACHE_DISABLED, NO_ENTRY, NONDETERMINISTIC, TTL_EXPIRED, OUTPUT_MISSING, OUTPUT_CORRUPT }

  /** The outcome of probing one key, with the producing record when there is one. */
  public record Probe(Verdict verdict, Optional<CacheHit> producer, Optional<JsonNode> output, String detail) {}

  /**
   * Gives the store's lock up while a node's process runs: the store's next access takes it
   * again ({@link Store#release}), so a concurrent hook or {@code onex} command is not locked
   * out for the length of a run.
   */
  public void pause() {
    if (store != null) {
      store.release();
    }
  }

  /** Whether a store is attached. */
  public boolean active() {
    return store != null;
  }

  /** Warnings gathered so far (damaged outputs, outputs too large, nondeterminism). */
  public List<Diagnostic> warnings() {
    return List.copyOf(warnings);
  }

  /** Whether the policy asks for memoization at all. */
  public static boolean memoizes(CachePolicy p) {
    return p.enabled() && "memoize".equals(p.strategy());
  }

  /** Looks {@code key} up under {@code policy}; empty unless every condition of a hit holds. */
  public Optional<Hit> lookup(CachePolicy policy, String key) {
    if (!active() || !lookups || !memoizes(policy)) {
      return Optional.empty();
    }
    Probe p = probe(policy, key);
    return p.verdict() == Verdict.HIT ? Optional.of(new Hit(p.producer().get(), p.output().get())) : Optional.empty();
  }

  /** Checks every condition of a hit for {@code key}, without serving it. */
  public Probe probe(CachePolicy policy, String key) {
    if (!active()) {
      return new Probe(Verdict.NO_ENTRY, Optional.empty(), Optional.empty(), "no store");
    }
    if (!memoizes(policy)) {
      return new Probe(Verdict.CACHE_DISABLED, Optional.empty(), Optional.empty(),
          "cache.enabled is " + policy.enabled() + ", strategy " + policy.strategy());
    }
    Optional<CacheHit> found = store.cacheHit(key);
    if (found.isEmpty()) {
      return new Probe(Verdict.NO_ENTRY, found, Optional.empty(), "no successful execution has this key");
    }
    CacheHit r = found.get();
    if (store.nondeterministicKeys(r.namespace(), r.version()).contains(key)) {
      return new Probe(Verdict.NONDETERMINISTIC, found, Optional.empty(),
          "this key gave different outputs before, so it is never served from the cache");
    }
    Optional<Duration> age = age(r);
    if (policy.ttlSeconds() > 0 && (age.isEmpty() || age.get().compareTo(Duration.ofSeconds(policy.ttlSeconds())) > 0)) {
      return new Probe(Verdict.TTL_EXPIRED, found, Optional.empty(), "record " + r.recordId() + " is "
          + age.map(a -> a.getSeconds() + " s").orElse("of unknown age") + " old, ttl_seconds is " + policy.ttlSeconds());
    }
    if (r.outputHash().isEmpty()) {
      return new Probe(Verdict.OUTPUT_MISSING, found, Optional.empty(), "record " + r.recordId() + " has no output_hash");
    }
    OutputStore.Lookup l = store.outputs().get(r.outputHash().get());
    if (l.hit()) {
      return new Probe(Verdict.HIT, found, l.output(), "served from record " + r.recordId());
    }
    l.problem().ifPresent(warnings::add);
    Verdict v = l.status() == OutputStore.Status.MISSING ? Verdict.OUTPUT_MISSING : Verdict.OUTPUT_CORRUPT;
    return new Probe(v, found, Optional.empty(), "output " + r.outputHash().get() + " of record " + r.recordId()
        + " is " + l.status().name().toLowerCase(java.util.Locale.ROOT)
        + l.problem().map(d -> " (" + d.message() + ")").orElse(""));
  }

  /**
   * Before {@code record} is appended: stores its output when the policy memoizes, and marks
   * the key nondeterministic when an earlier success of the key produced another output.
   */
  public void remember(CachePolicy policy, ExecutionRecord record, Optional<JsonNode> output) {
    if (!active() || !record.status().equals("success") || record.outputHash().isEmpty() || output.isEmpty()) {
      return;
    }
    Optional<CacheHit> prior = store.cacheHit(record.cacheKey());
    if (prior.isPresent() && prior.get().outputHash().isPresent()
        && !prior.get().outputHash().equals(record.outputHash())) {
      store.markNondeterministic(record.node().id(), record.node().version(), record.cacheKey());
      warnings.add(Diagnostic.warning(CacheError.NONDETERMINISTIC, "", 0, 0, "",
          record.node().id() + "@" + record.node().version() + " gave output " + shortHash(record.outputHash().get())
              + " for cache key " + shortHash(record.cacheKey()) + ", but record " + prior.get().recordId() + " gave "
              + shortHash(prior.get().outputHash().get()) + "; the key is marked nondeterministic",
          CacheError.NONDETERMINISTIC.hint()));
    }
    if (memoizes(policy)) {
      try {
        store.outputs().put(output.get());
      } catch (OnexException e) {
        e.diagnostics().forEach(d -> warnings.add(new Diagnostic(d.code(), Severity.WARNING, d.file(), 0, 0, "",
            d.message() + "; the result is not cached", d.hint())));
      }
    }
  }

  private Optional<Duration> age(CacheHit r) {
    return r.startedAt().map(t -> Duration.between(t, clock.instant()));
  }

  static String shortHash(String h) {
    return h.length() > 12 ? h.substring(0, 12) : h;
  }
}
