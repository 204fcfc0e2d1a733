package io.onex.core.canon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.OnexException;
import io.onex.core.hash.Sha256;
import io.onex.core.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 8785 conformance on the published vectors in {@code shared/conformance/jcs/} (see its
 * README): the six input/output pairs, Appendix B's number table and the first 10,000 lines of
 * the ES6 number test file. Every row must match byte for byte.
 */
class CanonicalJsonConformanceTest {

  @ParameterizedTest
  @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
  void canonicalize_matchesPublishedOutput(String name) throws IOException {
    String input = Files.readString(SharedData.conformance("jcs/input/" + name + ".json"));
    byte[] expected = Files.readAllBytes(SharedData.conformance("jcs/output/" + name + ".json"));

    byte[] actual = CanonicalJson.canonicalize(input);

    assertArrayEquals(expected, actual, () -> name + ": got "
        + new String(actual, StandardCharsets.UTF_8));
  }

  @Test
  void numberToString_matchesRfc8785AppendixB() throws IOException {
    List<String> lines = Files.readAllLines(SharedData.conformance("jcs/numbers.txt"));
    int finite = 0;
    int refused = 0;
    for (String line : lines) {
      int comma = line.indexOf(',');
      double d = Double.longBitsToDouble(Long.parseUnsignedLong(line.substring(0, comma), 16));
      String expected = line.substring(comma + 1);
      if (expected.isEmpty()) {
        OnexException e = assertThrows(OnexException.class, () -> CanonicalJson.numberToString(d));
        assertEquals("ONEX-H001", e.diagnostics().get(0).code(), line);
        refused++;
      } else {
        assertEquals(expected, CanonicalJson.numberToString(d), line);
        finite++;
      }
    }
    assertEquals(24, finite);
    assertEquals(2, refused);
  }

  @Test
  void numberToString_matchesEs6TestFile() throws IOException {
    Path file = SharedData.conformance("jcs/es6-numbers-10k.txt");
    assertEquals("b9f7a8e75ef22a835685a52ccba7f7d6bdc99e34b010992cbc5864cd12be6892",
        Sha256.hex(Files.readAllBytes(file)), "the ES6 test file is not the published one");
    List<String> failures = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    for (String line : lines) {
      int comma = line.indexOf(',');
      double d = Double.longBitsToDouble(Long.parseUnsignedLong(line.substring(0, comma), 16));
      String actual = CanonicalJson.numberToString(d);
      if (!actual.equals(line.substring(comma + 1))) {
        failures.add(line + " -> " + actual);
      }
    }
    assertEquals(10_000, lines.size());
    assertTrue(failures.isEmpty(), () -> failures.size() + " mismatches, first: " + failures.get(0));
  }

  @Test
  void canonicalize_isIdempotentOnEs6Numbers() throws IOException {
    List<String> lines = Files.readAllLines(SharedData.conformance("jcs/es6-numbers-10k.txt"));
    List<String> texts = new ArrayList<>();
    for (String line : lines) {
      texts.add(line.substring(line.indexOf(',') + 1));
    }
    String canonical = "[" + String.join(",", texts) + "]";

    byte[] again = CanonicalJson.canonicalize(canonical);

    assertEquals(canonical, new String(again, StandardCharsets.UTF_8));
  }
}
