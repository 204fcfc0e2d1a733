package io.onex.core.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.Diagnostic;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks {@code vectors/tree/}: each case holds {@code input.tree} or {@code input.tree.json};
 * a {@code _fail} case holds {@code expected.txt} whose first line is the first code reported.
 */
class TreeVectorsTest {

  static Stream<Path> cases() throws IOException, URISyntaxException {
    Path dir = Path.of(TreeVectorsTest.class.getResource("/vectors/tree").toURI());
    return Files.list(dir).filter(Files::isDirectory).sorted();
  }

  private static Path input(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> inputs = files.filter(p -> p.getFileName().toString().startsWith("input."))
          .collect(Collectors.toList());
      assertEquals(1, inputs.size(), "one input file in " + dir);
      return inputs.get(0);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void check_matchesVector(Path dir) throws IOException {
    Path input = input(dir);
    List<Diagnostic> problems = TreeFiles.check(Files.readAllBytes(input), input.getFileName().toString());
    if (!dir.getFileName().toString().endsWith("_fail")) {
      assertEquals(List.of(), problems);
      assertEquals(input.toString(), TreeFiles.read(input).file());
      return;
    }
    String expected = Files.readAllLines(dir.resolve("expected.txt")).get(0);
    assertFalse(problems.isEmpty(), "expected " + expected);
    assertEquals(expected, problems.get(0).code(),
        problems.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
    assertTrue(problems.stream().allMatch(d -> d.code().startsWith("ONEX-T")));
  }
}
