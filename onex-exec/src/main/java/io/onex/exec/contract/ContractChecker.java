package io.onex.exec.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.onex.exec.LoadedNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Checks a state against a node's input or output contract (docs/formats/contracts.md).
 *
 * <p>For each direction the inline contract ({@code input_contract} / {@code output_contract})
 * wins when it has at least one field; otherwise the state is validated against the
 * {@code state_contract} JSON Schema file. Every violation is reported, deduplicated and
 * sorted by path then message, so the list is the same on every run; beyond
 * {@value #MAX_VIOLATIONS} violations the rest is summarized in one last entry at {@code $}.
 * Never throws for any node or state.
 */
public final class ContractChecker {
  /** The most violations listed one by one. */
  public static final int MAX_VIOLATIONS = 100;

  /** Which side of the node the state is on. */
  public enum Direction { INPUT, OUTPUT }

  private ContractChecker() {}

  public static List<ContractViolation> check(LoadedNode node, JsonNode state, Direction direction) {
    JsonNode s = state == null ? NullNode.getInstance() : state;
    Map<String, String> inline = direction == Direction.INPUT
        ? node.metadata().inputContract() : node.metadata().outputContract();
    List<Finding> findings = inline.isEmpty() ? StateContracts.check(node, s) : InlineContract.check(inline, s);
    return finish(findings);
  }

  private static List<ContractViolation> finish(List<Finding> findings) {
    List<Finding> sorted = new ArrayList<>(new LinkedHashSet<>(findings));
    sorted.sort(Finding.ORDER);
    List<ContractViolation> out = new ArrayList<>(Math.min(sorted.size(), MAX_VIOLATIONS + 1));
    for (int i = 0; i < sorted.size() && i < MAX_VIOLATIONS; i++) {
      out.add(sorted.get(i).violation());
    }
    if (sorted.size() > MAX_VIOLATIONS) {
      out.add(new ContractViolation("$", (sorted.size() - MAX_VIOLATIONS) + " more violations not listed"));
    }
    return List.copyOf(out);
  }
}
