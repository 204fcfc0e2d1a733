package io.onex.exec.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SandboxErrorTest {
  @Test
  void ids_areUniqueSequentialAndWellFormed() {
    Set<String> seen = new HashSet<>();
    SandboxError[] all = SandboxError.values();
    for (int i = 0; i < all.length; i++) {
      assertEquals(String.format("ONEX-E%03d", i + 1), all[i].id());
      assertTrue(seen.add(all[i].id()));
      assertFalse(all[i].title().isBlank());
      assertFalse(all[i].hint().isBlank());
    }
  }

  @Test
  void docs_listEveryCodeWithItsTitle() throws IOException {
    Path docs = Path.of("").toAbsolutePath().getParent().resolve("docs/errors/sandbox.md");
    String text = Files.readString(docs);
    for (SandboxError e : SandboxError.values()) {
      assertTrue(text.contains("| " + e.id() + " | " + e.title() + " |"), e.id() + " in " + docs);
    }
  }
}
