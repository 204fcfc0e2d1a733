package io.onex.core.record;

/**
 * Where execution records go. The runtime appends every record it produces; implementations
 * are the in-memory sink (tests, one-off runs), the store's durable record log, and git notes.
 * {@link #append} must not return before the record is as durable as the implementation
 * promises.
 */
public interface RecordSink {
  void append(ExecutionRecord record);
}
