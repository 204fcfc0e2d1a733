package io.onex.exec.contract;

import com.networknt.schema.JsonNodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A position in a state, kept as segments (String keys, Integer indexes) and printed as a
 * JSONPath: {@code $}, {@code $.user.name}, {@code $.tags[2]}; a key that is not an identifier
 * is written in brackets with RFC 9535 escapes, {@code $['a b']}.
 *
 * <p>Ordering (used to sort violations): segment by segment, indexes numerically and before
 * keys, keys by their UTF-16 order, a prefix before its extensions.
 */
final class Location implements Comparable<Location> {
  static final Location ROOT = new Location(List.of());
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final List<Object> segments;

  private Location(List<Object> segments) {
    this.segments = segments;
  }

  static Location of(JsonNodePath path) {
    List<Object> segs = new ArrayList<>(path.getNameCount());
    for (int i = 0; i < path.getNameCount(); i++) {
      Object e = path.getElement(i);
      segs.add(e instanceof Integer ? e : String.valueOf(e));
    }
    return new Location(List.copyOf(segs));
  }

  Location child(String key) {
    return append(key);
  }

  Location child(int index) {
    return append(index);
  }

  private Location append(Object segment) {
    List<Object> segs = new ArrayList<>(segments.size() + 1);
    segs.addAll(segments);
    segs.add(segment);
    return new Location(List.copyOf(segs));
  }

  /** The JSONPath text, e.g. {@code $.a.b[2]}. */
  String text() {
    StringBuilder sb = new StringBuilder("$");
    for (Object seg : segments) {
      if (seg instanceof Integer) {
        sb.append('[').append(seg).append(']');
      } else if (IDENTIFIER.matcher((String) seg).matches()) {
        sb.append('.').append(seg);
      } else {
        sb.append("['");
        quote((String) seg, sb);
        sb.append("']");
      }
    }
    return sb.toString();
  }

  private static void quote(String key, StringBuilder sb) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      switch (c) {
        case '\'': sb.append("\\'"); break;
        case '\\': sb.append("\\\\"); break;
        case '\b': sb.append("\\b"); break;
        case '\f': sb.append("\\f"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
  }

  @Override
  public int compareTo(Location o) {
    int n = Math.min(segments.size(), o.segments.size());
    for (int i = 0; i < n; i++) {
      int c = compare(segments.get(i), o.segments.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(segments.size(), o.segments.size());
  }

  private static int compare(Object a, Object b) {
    if (a instanceof Integer x && b instanceof Integer y) {
      return Integer.compare(x, y);
    }
    if (a instanceof Integer) {
      return -1;
    }
    if (b instanceof Integer) {
      return 1;
    }
    return ((String) a).compareTo((String) b);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Location l && l.segments.equals(segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }

  @Override
  public String toString() {
    return text();
  }
}
