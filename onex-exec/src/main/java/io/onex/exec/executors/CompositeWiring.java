package io.onex.exec.executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.model.SubgraphStep;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds the input of one composite step. A step without {@code inputs} gets the previous
 * step's output (the first step: the composite's input). A step with {@code inputs} gets an
 * object with one member per entry, in name order, whose value is:
 *
 * <ul>
 *   <li>{@code "$input"} / {@code "$input.<path>"}: the composite's input / the value there;
 *   <li>{@code "<id>"} / {@code "<id>.<path>"} where {@code <id>} is the id of a step of the
 *       subgraph: that step's output / the value there; the step must have run before;
 *   <li>anything else (a non-string, or a string of neither form): the literal value.
 * </ul>
 *
 * A reference to a value that does not exist (or to a step that has not run yet) is a
 * {@link Missing} naming the entry and the reference.
 */
final class CompositeWiring {
  static final String INPUT_PREFIX = "$input";

  private final JsonNode compositeInput;
  private final Set<String> stepIds;
  private final Map<String, JsonNode> outputs;

  /** @param outputs the outputs of the steps that have run, by step id */
  CompositeWiring(JsonNode compositeInput, List<SubgraphStep> steps, Map<String, JsonNode> outputs) {
    this.compositeInput = compositeInput;
    this.stepIds = steps.stream().map(SubgraphStep::id).collect(Collectors.toSet());
    this.outputs = outputs;
  }

  /** Why a step's input cannot be built: the entry and the reference that names nothing. */
  static final class Missing extends Exception {
    private static final long serialVersionUID = 1L;

    Missing(String message) {
      super(message, null, false, false);
    }
  }

  /** The input of {@code step}, given the output of the step before it ({@code previous}). */
  JsonNode inputOf(SubgraphStep step, JsonNode previous) throws Missing {
    if (step.inputs().isEmpty()) {
      return previous;
    }
    ObjectNode in = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : new TreeMap<>(step.inputs()).entrySet()) {
      in.set(e.getKey(), value(step.id(), e.getKey(), e.getValue()));
    }
    return in;
  }

  private JsonNode value(String stepId, String name, JsonNode wired) throws Missing {
    if (!wired.isTextual()) {
      return wired.deepCopy();
    }
    String ref = wired.asText();
    if (ref.equals(INPUT_PREFIX) || ref.startsWith(INPUT_PREFIX + ".")) {
      String path = ref.equals(INPUT_PREFIX) ? "" : ref.substring(INPUT_PREFIX.length() + 1);
      return found(stepId, name, ref, ProcessStatePath.lookup(compositeInput, path), "the composite's input");
    }
    int dot = ref.indexOf('.');
    String head = dot < 0 ? ref : ref.substring(0, dot);
    if (!stepIds.contains(head)) {
      return wired.deepCopy();
    }
    JsonNode out = outputs.get(head);
    if (out == null) {
      throw new Missing("step '" + stepId + "' input '" + name + "' = \"" + ref + "\": step '" + head
          + "' has not run before it (wire only from earlier steps)");
    }
    String path = dot < 0 ? "" : ref.substring(dot + 1);
    return found(stepId, name, ref, ProcessStatePath.lookup(out, path), "the output of step '" + head + "'");
  }

  private static JsonNode found(String stepId, String name, String ref, Optional<JsonNode> v, String where)
      throws Missing {
    if (v.isEmpty()) {
      throw new Missing("step '" + stepId + "' input '" + name + "' = \"" + ref + "\": " + where
          + " has no such value");
    }
    return v.get().deepCopy();
  }
}
