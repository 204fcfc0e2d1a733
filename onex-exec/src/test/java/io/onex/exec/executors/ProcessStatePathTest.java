package io.onex.exec.executors;

import static io.onex.exec.executors.ProcessFixturesTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessStatePathTest {
  private final JsonNode state = parse("{\"a\": {\"b\": [10, {\"c\": null}]}, \"0\": \"zero\", \"s\": \"text\"}");

  @Test
  void lookup_objectsArraysAndNull() {
    assertEquals(Optional.of(state), ProcessStatePath.lookup(state, ""));
    assertEquals(Optional.of(parse("10")), ProcessStatePath.lookup(state, "a.b.0"));
    assertEquals(Optional.of(parse("null")), ProcessStatePath.lookup(state, "a.b.1.c"));
    assertEquals(Optional.of(parse("\"zero\"")), ProcessStatePath.lookup(state, "0"));
  }

  @Test
  void lookup_missing() {
    for (String path : new String[] {"x", "a.x", "a.b.2", "a.b.01", "a.b.-1", "a..b", "a.", ".a", "s.length", "a.b.1.c.d"}) {
      assertEquals(Optional.empty(), ProcessStatePath.lookup(state, path), path);
    }
  }
}
