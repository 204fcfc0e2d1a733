package io.onex.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One child of a composite node: a step id (unique in the subgraph), the child's URI and how
 * its input is wired ({@code $input.path}, {@code <step>.path}, or a literal).
 */
public record SubgraphStep(String id, String node, Map<String, JsonNode> inputs) {
  public SubgraphStep {
    inputs = Map.copyOf(inputs);
  }
}
