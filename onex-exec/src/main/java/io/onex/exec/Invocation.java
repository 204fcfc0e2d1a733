package io.onex.exec;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * One call of an {@link Executor}: the node, its input and config state (JSON objects), the
 * timeout in force, the runtime context, and this execution's record id (composite executors
 * pass it to their children as parent id).
 */
public record Invocation(LoadedNode node, JsonNode input, JsonNode config, Duration timeout, ExecContext context,
    String recordId, int depth) {}
