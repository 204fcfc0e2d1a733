package io.onex.git.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The N codes are unique, well-formed, each with a title and a fix, and docs/errors/notes.md
 * is generated from them ({@code -Donex.updateDocs=true} rewrites it).
 */
class NotesErrorCatalogTest {
  @Test
  void codes_areUniqueWellFormedAndNumberedInOrder() {
    Set<String> seen = new HashSet<>();
    int n = 0;
    for (NotesError c : NotesError.values()) {
      assertEquals(String.format("ONEX-N%03d", ++n), c.id());
      assertTrue(seen.add(c.id()), c.id());
      assertTrue(!c.title().isBlank() && !c.hint().isBlank(), c.id());
    }
  }

  @Test
  void catalogue_isCurrent() throws IOException {
    StringBuilder sb = new StringBuilder("# Notes refs (ONEX-N)\n\nGenerated from `NotesError` by "
        + "`NotesErrorCatalogTest`; do not edit by hand. Format: [docs/formats/notes.md](../formats/notes.md).\n\n"
        + "| code | what | fix |\n|---|---|---|\n");
    for (NotesError c : NotesError.values()) {
      sb.append("| ").append(c.id()).append(" | ").append(c.title().replace("|", "\\|")).append(" | ")
          .append(c.hint().replace("|", "\\|")).append(" |\n");
    }
    Path doc = Paths.get(System.getProperty("onex.root.dir", "..")).resolve("docs/errors/notes.md");
    if (Boolean.getBoolean("onex.updateDocs")) {
      Files.writeString(doc, sb.toString(), StandardCharsets.UTF_8);
    }
    String committed = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
    assertEquals(sb.toString(), committed, "docs/errors/notes.md is stale: rerun with -Donex.updateDocs=true");
  }
}
