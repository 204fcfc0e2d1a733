package io.onex.core.uri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UriErrorTest {

  @Test
  void codes_areUniqueWellFormedAndDocumented() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "errors", "uri.md"));
    assertEquals(UriError.values().length,
        Arrays.stream(UriError.values()).map(UriError::id).distinct().count());
    for (UriError e : UriError.values()) {
      assertTrue(e.id().matches("ONEX-U\\d{3}"), e.id());
      assertFalse(e.title().isBlank());
      assertFalse(e.hint().isBlank());
      assertTrue(doc.contains("| `" + e.id() + "` | `" + e.name() + "` |"), e.id() + " documented");
    }
  }
}
