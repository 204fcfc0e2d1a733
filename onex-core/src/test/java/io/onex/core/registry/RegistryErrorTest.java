package io.onex.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RegistryErrorTest {

  @Test
  void codes_areUniqueWellFormedAndDocumented() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "errors", "registry.md"));
    assertEquals(RegistryError.values().length,
        Arrays.stream(RegistryError.values()).map(RegistryError::id).distinct().count());
    for (RegistryError e : RegistryError.values()) {
      assertTrue(e.id().matches("ONEX-R\\d{3}"), e.id());
      assertFalse(e.title().isBlank());
      assertFalse(e.hint().isBlank());
      assertTrue(doc.contains("| `" + e.id() + "` | `" + e.name() + "` |"), e.id() + " documented");
    }
  }
}
