package io.onex.exec.executors;

import static io.onex.exec.executors.ProcessFixturesTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.model.SubgraphStep;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Input wiring of composite steps, without running anything. */
class CompositeWiringTest {
  private final JsonNode input = parse("{\"user\": {\"name\": \"Ada\", \"tags\": [\"a\", \"b\"]}, \"n\": 1}");
  private final SubgraphStep first = new SubgraphStep("first", "tool://t.a@1.0.0", Map.of());
  private final Map<String, JsonNode> outputs = new HashMap<>();

  private JsonNode wire(String inputsJson) throws CompositeWiring.Missing {
    Map<String, JsonNode> inputs = new LinkedHashMap<>();
    parse(inputsJson).fields().forEachRemaining(e -> inputs.put(e.getKey(), e.getValue()));
    SubgraphStep step = new SubgraphStep("second", "tool://t.b@1.0.0", inputs);
    SubgraphStep third = new SubgraphStep("third", "tool://t.c@1.0.0", Map.of());
    return new CompositeWiring(input, List.of(first, step, third), outputs).inputOf(step, parse("{\"prev\": true}"));
  }

  @Test
  void inputOf_stepWithoutInputsGetsThePreviousOutput() throws Exception {
    JsonNode previous = parse("{\"prev\": 1}");
    assertSame(previous, new CompositeWiring(input, List.of(first), outputs).inputOf(first, previous));
  }

  @Test
  void inputOf_inputReferences() throws Exception {
    assertEquals(parse("{\"all\": " + input + ", \"name\": \"Ada\", \"tag\": \"b\", \"user\": " + input.get("user") + "}"),
        wire("{\"name\": \"$input.user.name\", \"tag\": \"$input.user.tags.1\", \"all\": \"$input\", \"user\": \"$input.user\"}"));
  }

  @Test
  void inputOf_earlierStepReferences() throws Exception {
    outputs.put("first", parse("{\"greeting\": \"hi\", \"deep\": {\"x\": null}}"));
    assertEquals(parse("{\"g\": \"hi\", \"x\": null, \"whole\": {\"greeting\": \"hi\", \"deep\": {\"x\": null}}}"),
        wire("{\"g\": \"first.greeting\", \"x\": \"first.deep.x\", \"whole\": \"first\"}"));
  }

  @Test
  void inputOf_literals() throws Exception {
    assertEquals(parse("{\"a\": 7, \"b\": {\"k\": [1]}, \"c\": \"plain\", \"d\": \"$inputs.x\", \"e\": \"other.step\", \"f\": null}"),
        wire("{\"a\": 7, \"b\": {\"k\": [1]}, \"c\": \"plain\", \"d\": \"$inputs.x\", \"e\": \"other.step\", \"f\": null}"));
  }

  @Test
  void inputOf_keysInNameOrder() throws Exception {
    assertEquals(List.of("a", "m", "z"), iterate(wire("{\"z\": 1, \"a\": 2, \"m\": 3}").fieldNames()));
  }

  @Test
  void inputOf_missingInputValueNamesIt() {
    CompositeWiring.Missing e = assertThrows(CompositeWiring.Missing.class, () -> wire("{\"v\": \"$input.user.age\"}"));
    assertTrue(e.getMessage().contains("$input.user.age") && e.getMessage().contains("'v'"), e.getMessage());
  }

  @Test
  void inputOf_missingStepValueNamesIt() {
    outputs.put("first", parse("{\"greeting\": \"hi\"}"));
    CompositeWiring.Missing e = assertThrows(CompositeWiring.Missing.class, () -> wire("{\"v\": \"first.nope\"}"));
    assertTrue(e.getMessage().contains("first.nope"), e.getMessage());
  }

  @Test
  void inputOf_referenceToAStepThatHasNotRunIsMissing() {
    CompositeWiring.Missing e = assertThrows(CompositeWiring.Missing.class, () -> wire("{\"v\": \"third.x\"}"));
    assertTrue(e.getMessage().contains("has not run"), e.getMessage());
    assertThrows(CompositeWiring.Missing.class, () -> wire("{\"v\": \"second\"}"));
  }

  private static List<String> iterate(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
