package io.onex.exec.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.exec.LoadedNode;
import java.util.List;

/** Checks a state against a node's input or output contract. PLACEHOLDER: being implemented. */
public final class ContractChecker {
  /** Which side of the node the state is on. */
  public enum Direction { INPUT, OUTPUT }

  private ContractChecker() {}

  public static List<ContractViolation> check(LoadedNode node, JsonNode state, Direction direction) {
    return List.of();
  }
}
