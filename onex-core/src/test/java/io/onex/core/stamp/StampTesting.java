package io.onex.core.stamp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Shared fixtures: a fixed context and an independent way to cut a file into block and rest. */
final class StampTesting {
  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  static final String NOW_TEXT = "2025-06-01T12:00:00.000000Z";
  static final UUID NEW_UUID = UUID.fromString("00000000-0000-4000-8000-000000000001");
  static final StampContext CTX =
      new StampContext(Clock.fixed(NOW, ZoneOffset.UTC), "ONEX Test", () -> NEW_UUID);
  static final Set<String> OPENS = Set.of("<!-- === OmniNode:Metadata ===",
      "# === OmniNode:Metadata ===", "// === OmniNode:Metadata ===");
  static final Set<String> CLOSES = Set.of("<!-- === /OmniNode:Metadata === -->",
      "=== /OmniNode:Metadata === -->", "# === /OmniNode:Metadata ===",
      "// === /OmniNode:Metadata ===");

  private StampTesting() {}

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Lines with their terminators, so that joining them gives the text back. */
  static List<String> linesWithEol(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n'))) {
        out.add(s.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < s.length()) {
      out.add(s.substring(start));
    }
    return out;
  }

  static String bare(String lineWithEol) {
    return lineWithEol.replaceAll("[\\s]+$", "");
  }

  /** {first, last} line index of the first block (by delimiters), or null. */
  static int[] blockRange(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (OPENS.contains(bare(lines.get(i)))) {
        for (int j = i + 1; j < lines.size(); j++) {
          if (CLOSES.contains(bare(lines.get(j)))) {
            return new int[] {i, j};
          }
        }
      }
    }
    return null;
  }

  /** The block's lines minus the two volatile fields (what a restamp must keep). */
  static List<String> stableBlockLines(List<String> lines) {
    int[] r = blockRange(lines);
    List<String> out = new ArrayList<>();
    for (String l : lines.subList(r[0], r[1] + 1)) {
      if (!l.matches("(?s)^(# |// |<!-- )?(hash|last_modified_at):.*")) {
        out.add(l);
      }
    }
    return out;
  }

  /** The raw value of {@code key} in the block, or null. */
  static String field(String text, String key) {
    List<String> lines = linesWithEol(text);
    int[] r = blockRange(lines);
    for (String l : lines.subList(r[0], r[1] + 1)) {
      String b = bare(l).replaceFirst("^(# |// |<!-- )", "").replaceFirst(" -->$", "");
      if (b.startsWith(key + ": ")) {
        return b.substring(key.length() + 2);
      }
    }
    return null;
  }
}
