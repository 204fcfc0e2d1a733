package io.onex.core.canon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.OnexException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks {@code vectors/canon/}: each case directory holds {@code input.json}; a good case
 * holds the exact canonical bytes in {@code expected.json} (written by an independent
 * JavaScript serializer, {@code JSON.parse} plus sorted keys and {@code JSON.stringify}, the
 * RFC's reference approach); a case ending in {@code _fail} holds {@code expected.txt} whose
 * first line is the error code.
 */
class CanonicalJsonVectorsTest {

  static List<Path> cases() throws IOException, URISyntaxException {
    Path root = Path.of(CanonicalJsonVectorsTest.class.getResource("/vectors/canon").toURI());
    try (Stream<Path> s = Files.list(root)) {
      List<Path> dirs = s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
      assertFalse(dirs.isEmpty(), "no vectors under " + root);
      return dirs;
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void canonicalize_vector(Path dir) throws IOException {
    String input = Files.readString(dir.resolve("input.json"));
    String name = dir.getFileName().toString();
    if (name.endsWith("_fail")) {
      String code = Files.readAllLines(dir.resolve("expected.txt")).get(0).trim();
      OnexException e = assertThrows(OnexException.class, () -> CanonicalJson.canonicalize(input));
      assertEquals(code, e.diagnostics().get(0).code(), name);
    } else {
      Path expected = dir.resolve("expected.json");
      assertTrue(Files.isRegularFile(expected), name + " lacks expected.json");
      byte[] actual = CanonicalJson.canonicalize(input);
      assertArrayEquals(Files.readAllBytes(expected), actual,
          () -> name + ": got " + new String(actual, StandardCharsets.UTF_8));
    }
  }
}
