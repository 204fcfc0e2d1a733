package io.onex.store;

import io.onex.core.diag.ErrorCode;

/**
 * Error codes of the record log and the store ({@code io.onex.store}). Ids are stable: a new
 * situation gets a new constant. {@code docs/errors/store.md} lists them.
 */
public enum StoreError implements ErrorCode {
  STORE_LOCKED(
      "ONEX-D001",
      "the store is locked by another process",
      "Wait for the onex process named in the message to finish, or stop it; the lock is"
          + " released as soon as that process exits (even when it is killed)."),
  LOG_CORRUPT_LINE(
      "ONEX-D002",
      "the record log holds a corrupt line before its end",
      "Restore records.jsonl from a backup or from git notes (onex store rebuild after"
          + " fetching the notes); do not delete the line by hand unless you accept losing that"
          + " record."),
  LOG_INVALID_RECORD(
      "ONEX-D003",
      "a record log line is intact but is not a valid execution record",
      "The line was written by a faulty tool: fix or remove that line (its checksum must be"
          + " recomputed), then run onex store rebuild."),
  LOG_LINE_TOO_LONG(
      "ONEX-D004",
      "a record is longer than the 1 MiB line limit",
      "Records hold digests, not data: shorten the error message or the environment fields of"
          + " the record."),
  LOG_TAIL_TRUNCATED(
      "ONEX-D005",
      "a torn or corrupt end of the record log was cut off",
      "Nothing to do after a crash: the cut bytes were never acknowledged. They are kept in the"
          + " records.jsonl.corrupt-<n> file named in the message; delete it once you have looked"
          + " at it."),
  LOG_IO(
      "ONEX-D006",
      "the record log cannot be read or written",
      "Check that .onex-store/records/ exists, is writable by you and that the disk has free"
          + " space."),
  STORE_IO(
      "ONEX-D007",
      "the store files cannot be created or opened",
      "Check that .onex-store/ is a writable directory on a local disk with free space."),
  INDEX_REBUILT(
      "ONEX-D008",
      "store.db failed its consistency proof and was rebuilt from the record log",
      "Nothing was lost: the index is derived from the record log. The old file is kept as"
          + " store.db.broken-<timestamp>; delete it once you no longer need it."),
  LOG_REPLAYED(
      "ONEX-D009",
      "the index was behind the record log and the missing records were indexed",
      "Nothing to do: this happens after a process was killed between writing the log and"
          + " committing the index."),
  DUPLICATE_RECORD_ID(
      "ONEX-D010",
      "a record with this id is already stored",
      "Give every execution record a unique record_id; append a record only once."),
  CONFLICTING_RECORD_ID(
      "ONEX-D011",
      "the record log holds two different records with the same id",
      "Two writers produced the same record_id: remove one of the two lines named in the"
          + " message (keep a copy), then run onex store rebuild."),
  INDEX_FAILED(
      "ONEX-D012",
      "indexing into store.db failed after the records were written to the log",
      "The records are safe in the record log; the index catches up on the next open, or run"
          + " onex store rebuild now."),
  STORE_CLOSED(
      "ONEX-D013",
      "the store was used after it was closed",
      "Open the store again (Store.open) before using it."),
  INVALID_ARGUMENT(
      "ONEX-D014",
      "invalid argument to a store operation",
      "Pass the value the message asks for (a non-negative limit, a non-null record)."),
  FSCK_NOT_INDEXED(
      "ONEX-D015",
      "a record of the log is missing from the index",
      "Run onex store rebuild."),
  FSCK_DANGLING_ENTRY(
      "ONEX-D016",
      "an index entry points to no record of the log",
      "Run onex store rebuild."),
  FSCK_COUNT_MISMATCH(
      "ONEX-D017",
      "a map of the index does not hold the number of entries its meta data says",
      "Run onex store rebuild."),
  FSCK_AGGREGATE_MISMATCH(
      "ONEX-D018",
      "stored aggregates differ from the aggregates recomputed from the log",
      "Run onex store rebuild."),
  FSCK_META_MISMATCH(
      "ONEX-D019",
      "the index meta data (format, log position, recent digest) disagrees with the log",
      "Run onex store rebuild."),
  FSCK_RECORD_MISMATCH(
      "ONEX-D020",
      "an indexed record differs from the same record in the log",
      "Run onex store rebuild."),
  INDEX_CORRUPT(
      "ONEX-D021",
      "store.db returned inconsistent data during a query and was rebuilt from the log",
      "Nothing was lost; if this repeats, check the disk (store.db is rewritten each time)."),
  FSCK_UNREADABLE(
      "ONEX-D022",
      "store.db cannot be read to the end",
      "Run onex store rebuild.");

  private final String id;
  private final String title;
  private final String hint;

  StoreError(String id, String title, String hint) {
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
