package io.onex.exec;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything an execution may take from its surroundings, injected: the clock, the caller's
 * environment (executors pass on only an allowlist plus the node's declared variables), where
 * sandboxes go, the python command, how to resolve child URIs and run children.
 */
public record ExecContext(
    Clock clock,
    Map<String, String> parentEnvironment,
    Path tempBase,
    String pythonCommand,
    Duration defaultTimeout,
    NodeResolver resolver,
    ChildRunner children) {

  public ExecContext {
    parentEnvironment = Map.copyOf(parentEnvironment);
  }

  /** Finds the node a URI names (used by composites). */
  @FunctionalInterface
  public interface NodeResolver {
    Optional<LoadedNode> resolve(String uri);
  }

  /** Runs a child node through the runtime (contracts, record, sink) and returns its result. */
  @FunctionalInterface
  public interface ChildRunner {
    RunResult run(LoadedNode child, JsonNode input, JsonNode config, String parentRecordId, int depth);
  }
}
