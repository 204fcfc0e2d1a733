package io.onex.git.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.onex.core.record.ExecutionRecord;
import io.onex.core.record.TraceHashes;
import io.onex.exec.record.EnvironmentProbe;
import io.onex.git.GitError;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The record of a node the hook did not run (moved out of the commit path by the budget):
 * status {@code skipped}, empty input and config, no output, error ONEX-J015 saying why.
 */
final class SkippedRecords {
  private SkippedRecords() {}

  static ExecutionRecord of(JsonNode metadata, String hash, String recordId, Clock clock, String why) {
    ExecutionRecord.NodeRef ref = new ExecutionRecord.NodeRef(metadata.path("namespace").asText(""),
        metadata.path("name").asText(""), metadata.path("version").asText(""), hash);
    String empty = TraceHashes.state(JsonNodeFactory.instance.objectNode());
    return new ExecutionRecord(recordId, ref, empty, empty, Optional.empty(),
        TraceHashes.trace(ref, empty, empty, Optional.empty(), "skipped", Optional.empty()),
        TraceHashes.cacheKey(ref, empty, empty, Map.of()), "skipped", Optional.empty(),
        Optional.of(new ExecutionRecord.ErrorInfo(GitError.BUDGET_EXCEEDED.id(), why)),
        clock.instant().toString(), 0, Optional.empty(), metadata.path("entrypoint").path("type").asText("noop"),
        EnvironmentProbe.of(Map.of()), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
  }
}
