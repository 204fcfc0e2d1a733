package io.onex.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.hash.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last {@link #SIZE} lines of the log that the index has consumed, as (position, record
 * id) pairs, and their digest. The digest is SHA-256 over the canonical JSON
 * {@code {"log_position": P, "recent": [[pos, id], ...]}}, so a flipped byte in the window or
 * in the log position is noticed, and the window proves on open that the index was built from
 * this very log up to P.
 */
final class RecentWindow {
  static final int SIZE = 64;

  record Item(long position, String id) {}

  private final ArrayDeque<Item> items = new ArrayDeque<>();

  void add(long position, String id) {
    items.addLast(new Item(position, id));
    if (items.size() > SIZE) {
      items.removeFirst();
    }
  }

  List<Item> items() {
    return new ArrayList<>(items);
  }

  /** The canonical JSON {@code [[pos,"id"],...]}, written directly (no JSON library on the open path). */
  String toJson() {
    StringBuilder b = new StringBuilder(items.size() * 48 + 2).append('[');
    for (Item i : items) {
      b.append(b.length() > 1 ? ",[" : "[").append(i.position()).append(",\"");
      escape(i.id(), b);
      b.append("\"]");
    }
    return b.append(']').toString();
  }

  /** SHA-256 of the canonical JSON {@code {"log_position":P,"recent":[...]}}. */
  String digest(long logPosition) {
    String json = "{\"log_position\":" + logPosition + ",\"recent\":" + toJson() + "}";
    return Sha256.hex(json.getBytes(StandardCharsets.UTF_8));
  }

  /** RFC 8785 string escaping: quote, backslash and control characters only. */
  private static void escape(String s, StringBuilder b) {
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
  }

  /**
   * Parses {@link #toJson()}; throws {@link IllegalStateException} on any other text. Texts with
   * escapes go through the JSON parser, plain ones (every id without quote, backslash or control
   * character) are read directly.
   */
  static RecentWindow parse(String json) {
    if (json.indexOf('\\') >= 0) {
      return parseJson(json);
    }
    RecentWindow w = new RecentWindow();
    int p = expect(json, 0, '[');
    while (p < json.length() && json.charAt(p) != ']') {
      p = expect(json, w.items.isEmpty() ? p : expect(json, p, ','), '[');
      int comma = json.indexOf(',', p);
      long pos;
      try {
        pos = Long.parseLong(json.substring(p, Math.max(p, comma)));
      } catch (NumberFormatException e) {
        throw new IllegalStateException("recent window item is not [position, id]");
      }
      int q = expect(json, comma + 1, '"');
      int end = json.indexOf('"', q);
      if (end < 0 || w.items.size() >= SIZE) {
        throw new IllegalStateException("recent window is not an array of at most " + SIZE + " [position, id]");
      }
      w.add(pos, json.substring(q, end));
      p = expect(json, end + 1, ']');
    }
    if (expect(json, p, ']') != json.length() || !w.toJson().equals(json)) {
      throw new IllegalStateException("recent window is not in canonical form");
    }
    return w;
  }

  private static int expect(String s, int at, char c) {
    if (at < 0 || at >= s.length() || s.charAt(at) != c) {
      throw new IllegalStateException("recent window: expected '" + c + "' at " + at);
    }
    return at + 1;
  }

  private static RecentWindow parseJson(String json) {
    RecentWindow w = new RecentWindow();
    JsonNode a = CanonicalJson.parse(json);
    if (!a.isArray() || a.size() > SIZE) {
      throw new IllegalStateException("recent window is not an array of at most " + SIZE);
    }
    for (JsonNode i : a) {
      if (!i.isArray() || i.size() != 2 || !i.get(0).isNumber() || !i.get(1).isTextual()) {
        throw new IllegalStateException("recent window item is not [position, id]");
      }
      w.add(i.get(0).asLong(), i.get(1).asText());
    }
    return w;
  }
}
