package io.onex.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.record.ExecutionRecord;
import java.util.Optional;

/** The result of running one node: its record, its output state when it has one, its stderr. */
public record RunResult(ExecutionRecord record, Optional<JsonNode> output, String stderr) {
  public boolean succeeded() {
    return record.status().equals(ExecStatus.SUCCESS.wireName()) || record.status().equals(ExecStatus.CACHED.wireName());
  }
}
