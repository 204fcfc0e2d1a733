package io.onex.core.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TreeErrorTest {

  @Test
  void codes_areUniqueWellFormedAndDocumented() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "errors", "tree.md"));
    assertEquals(TreeError.values().length,
        Arrays.stream(TreeError.values()).map(TreeError::id).distinct().count());
    for (TreeError e : TreeError.values()) {
      assertTrue(e.id().matches("ONEX-T\\d{3}"), e.id());
      assertFalse(e.title().isBlank());
      assertFalse(e.hint().isBlank());
      assertTrue(doc.contains("| `" + e.id() + "` | `" + e.name() + "` |"), e.id() + " documented");
    }
  }
}
