package io.onex.git.notes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.record.ExecutionRecord;
import java.util.Objects;

/**
 * One line of a per-commit summary note: which node ran (its namespace id), the record's id
 * and its status. Written as canonical JSON {@code {"node":...,"record_id":...,"status":...}}.
 */
public record CommitSummary(String node, String recordId, String status) {
  public CommitSummary {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(status, "status");
  }

  /** The summary line of a record. */
  public static CommitSummary of(ExecutionRecord r) {
    return new CommitSummary(r.node().id(), r.recordId(), r.status());
  }

  public JsonNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("node", node);
    o.put("record_id", recordId);
    o.put("status", status);
    return o;
  }
}
