package io.onex.git.testing;

import io.onex.core.record.ExecutionRecord;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** Execution records for tests: valid per the schema, distinguished by their id. */
public final class Records {
  private static final String H = "0123456789abcdef".repeat(4);

  private Records() {}

  /** A successful record of node {@code nodeId} (a dotted namespace) with id {@code recordId}. */
  public static ExecutionRecord record(String recordId, String nodeId) {
    return record(recordId, nodeId, "success");
  }

  public static ExecutionRecord record(String recordId, String nodeId, String status) {
    String name = nodeId.substring(nodeId.lastIndexOf('.') + 1);
    boolean ok = status.equals("success") || status.equals("cached");
    return new ExecutionRecord(
        recordId,
        new ExecutionRecord.NodeRef(nodeId, name, "1.0.0", H),
        H, H, ok ? Optional.of(H) : Optional.empty(), H, H, status,
        Optional.of(ok ? 0 : 1),
        ok ? Optional.empty() : Optional.of(new ExecutionRecord.ErrorInfo("ONEX-X007", "exit 1")),
        "2025-05-17T10:05:00.250Z", 1234, Optional.of(new BigDecimal("0.0021")), "local",
        new ExecutionRecord.Environment("linux", "amd64", "17.0.15", Map.of("python", "3.11.9")),
        Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(new BigDecimal("0.5")), Optional.of(new BigDecimal("0.55")));
  }
}
