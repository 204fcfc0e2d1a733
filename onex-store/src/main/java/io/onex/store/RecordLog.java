package io.onex.store;

import io.onex.core.record.ExecutionRecord;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The durable, append-only sequence of execution records that the store indexes: the source of
 * truth (DESIGN invariant 1). A position is an opaque, increasing {@code long} (for the
 * JSON-lines log, the byte offset of a record's line); {@code 0} is the start of the log and
 * {@link #end()} the position after the last record.
 *
 * <p>Implementations are not safe for concurrent appends from several processes by
 * themselves: callers serialize appends (the {@link Store} does so with its lock file).
 */
public interface RecordLog extends AutoCloseable {

  /** One record of the log: where it starts, where the next one starts, and the record. */
  record Entry(long position, long next, ExecutionRecord record) {}

  /**
   * Appends {@code records} in order and returns only once they are durable (on disk).
   *
   * @return the new {@link #end()}
   * @throws io.onex.core.diag.OnexException with a {@code ONEX-D} code if nothing or not all
   *     could be written; then nothing of the batch is in the log
   */
  long append(List<ExecutionRecord> records);

  /**
   * The records from {@code position} (a record's start, or {@link #end()}) up to the end the
   * log had when this was called. Iterating throws {@code OnexException} with a {@code ONEX-D}
   * code at a corrupt or invalid record.
   */
  Iterator<Entry> iterator(long position);

  /** {@link #iterator(long)} as a sequential stream. */
  default Stream<Entry> stream(long position) {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(position), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** The position after the last record. */
  long end();

  @Override
  void close();
}
