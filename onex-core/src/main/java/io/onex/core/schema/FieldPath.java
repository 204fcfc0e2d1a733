package io.onex.core.schema;

import com.networknt.schema.JsonNodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A position in an instance document, kept as its segments (String keys, Integer indexes),
 * printed as a JSON Pointer for locations and as a dotted path for people:
 * {@code /tests/0/input} is {@code tests[0].input}; a key that is not a plain name is quoted,
 * {@code input_contract["a b"]}.
 */
final class FieldPath {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");
  static final FieldPath ROOT = new FieldPath(List.of());

  private final List<Object> segments;

  private FieldPath(List<Object> segments) {
    this.segments = List.copyOf(segments);
  }

  static FieldPath of(JsonNodePath path) {
    List<Object> segs = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      segs.add(path.getElement(i));
    }
    return new FieldPath(segs);
  }

  FieldPath child(Object segment) {
    List<Object> segs = new ArrayList<>(segments);
    segs.add(segment);
    return new FieldPath(segs);
  }

  boolean isRoot() {
    return segments.isEmpty();
  }

  /** The last key, or {@code null} at the root or when the last segment is an index. */
  String lastKey() {
    Object last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
    return last instanceof String s ? s : null;
  }

  /** RFC 6901 JSON Pointer ({@code ""} for the root). */
  String pointer() {
    StringBuilder sb = new StringBuilder();
    for (Object seg : segments) {
      sb.append('/').append(seg.toString().replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  /** Dotted form ({@code ""} for the root). */
  String dotted() {
    StringBuilder sb = new StringBuilder();
    for (Object seg : segments) {
      if (seg instanceof Integer) {
        sb.append('[').append(seg).append(']');
      } else if (PLAIN.matcher((String) seg).matches()) {
        sb.append(sb.length() == 0 ? "" : ".").append(seg);
      } else {
        sb.append("[\"").append(((String) seg).replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return dotted();
  }
}
