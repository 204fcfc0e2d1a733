package io.onex.git.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verified list's writer: format, concurrent writers, validation helpers. */
class VerifiedTest {
  @TempDir Path dir;

  private static String hex(int i, int j) {
    return String.format("%08x%08x", i, j) + "0".repeat(24);
  }

  @Test
  void append_concurrentWritersLoseNoLineAndKeepTheFormat() throws Exception {
    Path list = dir.resolve("verified").resolve("ab".repeat(20));
    String ns = "ab".repeat(20);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      int writer = t;
      all.add(CompletableFuture.runAsync(() -> {
        for (int i = 0; i < 15; i++) {
          try {
            Verified.append(list, ns, Map.of(hex(writer, i), UUID.randomUUID().toString()));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      }));
    }
    all.forEach(CompletableFuture::join);
    List<String> lines = Files.readAllLines(list);
    assertEquals("onex.verified/1 " + ns, lines.get(0));
    Set<String> trees = new HashSet<>();
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(" ");
      assertEquals(2, f.length, l);
      assertTrue(Verified.validTree(f[0]) && Verified.validRecordId(f[1]), l);
      trees.add(f[0]);
    }
    assertEquals(90, trees.size(), "every id of every writer is there");
    assertTrue(Files.readString(list).endsWith("\n"));
    try (var s = Files.list(list.getParent())) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().contains(".tmp-")), "no temporary file left");
    }
  }

  @Test
  void append_reverifiedIdMovesToTheEndWithItsNewRecord() throws Exception {
    Path list = dir.resolve("l");
    Verified.append(list, "ns", Map.of(hex(1, 1), "a-1"));
    Verified.append(list, "ns", Map.of(hex(2, 2), "b-2"));
    Verified.append(list, "ns", Map.of(hex(1, 1), "c-3"));
    assertEquals(List.of("onex.verified/1 ns", hex(2, 2) + " b-2", hex(1, 1) + " c-3"), Files.readAllLines(list));
  }

  @Test
  void validTree_rejectsUppercaseShortAndForeignCharacters() {
    assertTrue(Verified.validTree("a".repeat(40)) && Verified.validTree("0".repeat(64)));
    assertFalse(Verified.validTree("A".repeat(40)) || Verified.validTree("a".repeat(39))
        || Verified.validTree("g".repeat(40)));
    assertFalse(Verified.validRecordId("") || Verified.validRecordId("ZZ!"));
  }
}
