package io.onex.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.OnexException;
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
 * Walks {@code vectors/hash/}: each case holds a node directory {@code node/} (metadata read
 * from its {@code node.onex.yaml} with Jackson's YAML reader). A good case holds the expected
 * hash in {@code expected-hash.txt}, computed with the Python reference script of
 * {@code docs/formats/hash-lock.md}; a case ending in {@code _fail} holds {@code expected.txt}
 * whose first line is the error code.
 */
class HashLockVectorsTest {

  static List<Path> cases() throws IOException, URISyntaxException {
    Path root = Path.of(HashLockVectorsTest.class.getResource("/vectors/hash").toURI());
    try (Stream<Path> s = Files.list(root)) {
      List<Path> dirs = s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
      assertFalse(dirs.isEmpty(), "no vectors under " + root);
      return dirs;
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void compute_vector(Path dir) throws IOException {
    Path node = dir.resolve("node");
    JsonNode metadata = NodeDirs.YAML.readTree(node.resolve(NodeFiles.METADATA_FILE).toFile());
    String name = dir.getFileName().toString();
    if (name.endsWith("_fail")) {
      String code = Files.readAllLines(dir.resolve("expected.txt")).get(0).trim();
      OnexException e = assertThrows(OnexException.class,
          () -> HashLock.compute(metadata, NodeFiles.ofDirectory(node)));
      assertEquals(code, e.diagnostics().get(0).code(), name);
    } else {
      String expected = Files.readAllLines(dir.resolve("expected-hash.txt")).get(0).trim();
      assertEquals(expected, HashLock.compute(metadata, NodeFiles.ofDirectory(node)), name);
    }
  }
}
