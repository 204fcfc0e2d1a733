package io.onex.core.record;

import java.util.ArrayList;
import java.util.List;

/** Keeps records in memory, in append order. Thread-safe. */
public final class InMemoryRecordSink implements RecordSink {
  private final List<ExecutionRecord> records = new ArrayList<>();

  @Override
  public synchronized void append(ExecutionRecord record) {
    records.add(record);
  }

  public synchronized List<ExecutionRecord> records() {
    return List.copyOf(records);
  }
}
