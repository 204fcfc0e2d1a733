package io.onex.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A declared test case: input and config state, and either the expected output state or the
 * expected error.
 */
public record TestCase(
    String name,
    JsonNode input,
    Optional<JsonNode> config,
    Optional<JsonNode> expectedOutput,
    Optional<ExpectedError> expectedError) {

  /** An expected failure: an error code and/or a substring of the message. */
  public record ExpectedError(Optional<String> code, Optional<String> messageContains) {}
}
