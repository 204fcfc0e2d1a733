package io.onex.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.hash.Sha256;
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

  String toJson() {
    return CanonicalJson.canonicalString(array());
  }

  String digest(long logPosition) {
    var o = JsonNodeFactory.instance.objectNode();
    o.put("log_position", logPosition);
    o.set("recent", array());
    return Sha256.hex(CanonicalJson.canonicalize(o));
  }

  private ArrayNode array() {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (Item i : items) {
      a.addArray().add(i.position()).add(i.id());
    }
    return a;
  }

  /** Parses {@link #toJson()}; throws {@link IllegalStateException} on any other text. */
  static RecentWindow parse(String json) {
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
