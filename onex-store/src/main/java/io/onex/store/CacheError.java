package io.onex.store;

import io.onex.core.diag.ErrorCode;

/**
 * Error codes of memoization: the output store ({@link OutputStore}), the cache policy of the
 * runtime ({@code io.onex.exec.cache}) and {@code onex cache} / {@code onex why}. The enum lives
 * in onex-store because both the store and the runtime raise them. docs/errors/cache.md lists them.
 */
public enum CacheError implements ErrorCode {
  OUTPUT_CORRUPT("ONEX-K001", "a stored output does not hash to the output_hash it is stored under",
      "Nothing to fix by hand: the entry counts as a miss and the node runs again, which rewrites the"
          + " output. If it repeats, check the disk (onex cache gc removes the damaged file)."),
  OUTPUT_MALFORMED("ONEX-K002", "a stored output is not one canonical JSON object",
      "The file under .onex-store/outputs/ was written by something else than onex: delete it or run"
          + " onex cache clear; the next run stores it again."),
  OUTPUT_TOO_LARGE("ONEX-K003", "the output is larger than the output store's per-output cap and is not cached",
      "Make the node's output smaller (store large artefacts in files, return their paths), or accept"
          + " that this node always runs."),
  OUTPUT_IO("ONEX-K004", "the output store cannot be read or written",
      "Check that .onex-store/outputs/ is a writable directory and that the disk has free space."),
  NONDETERMINISTIC("ONEX-K005", "the node gave a different output for the same cache key",
      "The node is not deterministic (randomness, time, network): set cache.enabled: false in its"
          + " node.onex.yaml, or make its output depend only on input, config and declared environment."),
  NO_SUCH_ENTRY("ONEX-K006", "no cache entry has that key",
      "List the entries with onex cache ls and give a key or a unique prefix of one (at least 4 hex digits)."),
  AMBIGUOUS_KEY("ONEX-K007", "the key prefix matches more than one cache entry",
      "Give more hex digits of the key (onex cache ls shows them)."),
  MARKERS_UNREADABLE("ONEX-K008", "the nondeterminism marker file is damaged and was rebuilt from the record log",
      "Nothing to do: the markers are derived from the records (onex cache gc re-detects them).");

  private final String id;
  private final String title;
  private final String hint;

  CacheError(String id, String title, String hint) {
    this.id = id;
    this.title = title;
    this.hint = hint;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public String hint() {
    return hint;
  }
}
