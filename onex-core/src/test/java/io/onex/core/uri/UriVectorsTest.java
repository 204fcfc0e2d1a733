package io.onex.core.uri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.Diagnostic;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks {@code vectors/uri/}: each case holds {@code input.txt} (one URI, one line); a good
 * case may hold {@code versions.txt} ({@code <version> yes|no} per line); a {@code _fail} case
 * holds {@code expected.txt}: the code, then optionally a fragment the message must contain.
 */
class UriVectorsTest {

  static Stream<Path> cases() throws IOException, URISyntaxException {
    Path dir = Path.of(UriVectorsTest.class.getResource("/vectors/uri").toURI());
    return Files.list(dir).filter(Files::isDirectory).sorted();
  }

  private static String input(Path dir) throws IOException {
    String text = Files.readString(dir.resolve("input.txt"), StandardCharsets.UTF_8);
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parse_matchesVector(Path dir) throws IOException {
    String input = input(dir);
    List<Diagnostic> problems = NodeUri.check(input, "input.txt", 1, 1, "uri");
    if (dir.getFileName().toString().endsWith("_fail")) {
      List<String> expected = Files.readAllLines(dir.resolve("expected.txt"));
      assertEquals(1, problems.size(), "one diagnostic for " + input);
      assertEquals(expected.get(0), problems.get(0).code(), problems.get(0).format());
      if (expected.size() > 1) {
        assertTrue(problems.get(0).message().contains(expected.get(1)), problems.get(0).message());
      }
      return;
    }
    assertEquals(List.of(), problems, "valid URI " + input);
    NodeUri uri = NodeUri.parse(input);
    assertEquals(input, uri.toString());
    Path versions = dir.resolve("versions.txt");
    if (Files.exists(versions)) {
      for (String line : Files.readAllLines(versions)) {
        String[] parts = line.split(" ");
        assertEquals(parts[1].equals("yes"), uri.version().satisfiedBy(parts[0]), input + " vs " + parts[0]);
      }
    }
  }

  @Test
  void vectors_coverGoodAndFailingCases() throws Exception {
    List<String> names = cases().map(p -> p.getFileName().toString()).collect(Collectors.toList());
    long failing = names.stream().filter(n -> n.endsWith("_fail")).count();
    assertTrue(names.size() >= 20, "at least 20 vectors");
    assertTrue(failing >= 10 && names.size() - failing >= 10, names.toString());
  }
}
