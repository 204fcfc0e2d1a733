package io.onex.exec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Differences between an expected and an actual JSON state, one line per differing path
 * ({@code $.a.b: expected "x", got "y"}; missing and unexpected keys; array lengths). Numbers
 * compare by value, so {@code 5} equals {@code 5.0}.
 */
public final class JsonDiff {
  private JsonDiff() {}

  public static List<String> diff(JsonNode expected, JsonNode actual) {
    List<String> out = new ArrayList<>();
    walk("$", expected, actual, out);
    return out;
  }

  private static void walk(String path, JsonNode e, JsonNode a, List<String> out) {
    if (e.isNumber() && a.isNumber()) {
      if (e.decimalValue().compareTo(a.decimalValue()) != 0) {
        out.add(path + ": expected " + e + ", got " + a);
      }
    } else if (e.isObject() && a.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      e.fieldNames().forEachRemaining(keys::add);
      a.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        String p = path + "." + k;
        if (!a.has(k)) {
          out.add(p + ": expected " + e.get(k) + ", missing");
        } else if (!e.has(k)) {
          out.add(p + ": unexpected " + a.get(k));
        } else {
          walk(p, e.get(k), a.get(k), out);
        }
      }
    } else if (e.isArray() && a.isArray()) {
      if (e.size() != a.size()) {
        out.add(path + ": expected " + e.size() + " items, got " + a.size());
      }
      Iterator<JsonNode> ei = e.elements();
      Iterator<JsonNode> ai = a.elements();
      for (int i = 0; ei.hasNext() && ai.hasNext(); i++) {
        walk(path + "[" + i + "]", ei.next(), ai.next(), out);
      }
    } else if (!e.equals(a)) {
      out.add(path + ": expected " + e + ", got " + a);
    }
  }
}
