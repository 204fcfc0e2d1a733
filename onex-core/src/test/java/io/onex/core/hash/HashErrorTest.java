package io.onex.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keeps {@link HashError} and {@code docs/errors/hash.md} in step. */
class HashErrorTest {

  private static Path doc() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path p = dir.resolve("docs/errors/hash.md");
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  @Test
  void ids_areUniqueAndWellFormed() {
    Set<String> ids = new HashSet<>();
    for (HashError e : HashError.values()) {
      assertTrue(e.id().matches("ONEX-H\\d{3}"), e.id());
      assertTrue(ids.add(e.id()), "duplicate " + e.id());
      assertTrue(!e.title().isBlank() && !e.hint().isBlank(), e.id());
    }
  }

  @Test
  void docs_listEveryCodeWithTitleAndFix() throws IOException {
    Path doc = doc();
    assertNotNull(doc, "docs/errors/hash.md not found above " + Path.of("").toAbsolutePath());
    List<String> lines = Files.readAllLines(doc);
    for (HashError e : HashError.values()) {
      String row = "| " + e.id() + " | " + e.title() + " | " + e.hint() + " |";
      assertEquals(1, lines.stream().filter(row::equals).count(), "missing or stale row: " + row);
    }
  }
}
