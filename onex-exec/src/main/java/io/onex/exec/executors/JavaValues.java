package io.onex.exec.executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jackson trees to the plain Java values a java node sees, and back.
 *
 * <p>To Java: object → {@code LinkedHashMap} (document order), array → {@code ArrayList},
 * string, boolean, null, integers as {@code Integer}/{@code Long}/{@code BigInteger} (by
 * size), other numbers as {@code Double} or {@code BigDecimal} as parsed. Every call makes a
 * fresh copy. Back to JSON: only {@code Map} with {@code String} keys, {@code List},
 * {@code String}, {@code Boolean}, {@code null} and the number classes {@code Integer},
 * {@code Long}, {@code Short}, {@code Byte}, {@code BigInteger}, {@code Double},
 * {@code Float} (by its decimal text), {@code BigDecimal}; integers become the smallest of
 * int, long or big integer nodes, as Jackson's parser would make them, so that outputs compare
 * equal to parsed JSON; finite numbers only; nested at most
 * {@value #MAX_DEPTH} levels (which also stops cycles). Anything else is {@link NotJson},
 * naming the {@code $.}-path of the offending value.
 */
final class JavaValues {
  static final int MAX_DEPTH = 500;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private JavaValues() {}

  /** A fresh mutable map of {@code object}'s fields; empty for anything but an object. */
  static Map<String, Object> toJava(JsonNode object) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (object != null && object.isObject()) {
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        out.put(e.getKey(), value(e.getValue()));
      }
    }
    return out;
  }

  private static Object value(JsonNode v) {
    switch (v.getNodeType()) {
      case OBJECT: return toJava(v);
      case ARRAY:
        List<Object> list = new ArrayList<>(v.size());
        v.forEach(item -> list.add(value(item)));
        return list;
      case STRING: return v.textValue();
      case BOOLEAN: return v.booleanValue();
      case NUMBER: return v.numberValue();
      case NULL: return null;
      default: return v.asText();
    }
  }

  /** The JSON object of a node's output map. */
  static ObjectNode toJson(Map<?, ?> map) throws NotJson {
    return object(map, new ArrayDeque<>());
  }

  private static ObjectNode object(Map<?, ?> map, Deque<Object> path) throws NotJson {
    if (path.size() >= MAX_DEPTH) {
      throw new NotJson(path, "is nested deeper than " + MAX_DEPTH + " levels (or contains itself)");
    }
    ObjectNode out = F.objectNode();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw new NotJson(path, "has a key that is not a String: " + describe(e.getKey()));
      }
      path.addLast(key);
      out.set(key, json(e.getValue(), path));
      path.removeLast();
    }
    return out;
  }

  private static JsonNode json(Object v, Deque<Object> path) throws NotJson {
    if (v == null) {
      return F.nullNode();
    }
    if (v instanceof String s) {
      return F.textNode(s);
    }
    if (v instanceof Boolean b) {
      return F.booleanNode(b);
    }
    if (v instanceof Number n) {
      return number(n, path);
    }
    if (v instanceof Map<?, ?> m) {
      return object(m, path);
    }
    if (v instanceof List<?> list) {
      if (path.size() >= MAX_DEPTH) {
        throw new NotJson(path, "is nested deeper than " + MAX_DEPTH + " levels (or contains itself)");
      }
      ArrayNode out = F.arrayNode(list.size());
      int i = 0;
      for (Object item : list) {
        path.addLast(i++);
        out.add(json(item, path));
        path.removeLast();
      }
      return out;
    }
    throw new NotJson(path, "is " + describe(v) + "; only Map, List, String, Number, Boolean and null can be output");
  }

  private static JsonNode number(Number n, Deque<Object> path) throws NotJson {
    if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return F.numberNode(n.intValue());
    }
    if (n instanceof Long l) {
      return l == l.intValue() ? F.numberNode(l.intValue()) : F.numberNode(l);
    }
    if (n instanceof BigInteger b) {
      return b.bitLength() < 32 ? F.numberNode(b.intValue()) : b.bitLength() < 64 ? F.numberNode(b.longValue()) : F.numberNode(b);
    }
    if (n instanceof BigDecimal d) {
      return F.numberNode(d);
    }
    if (n instanceof Double || n instanceof Float) {
      double d = n instanceof Float f ? Double.parseDouble(Float.toString(f)) : n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new NotJson(path, "is " + n + ", which JSON cannot represent");
      }
      return F.numberNode(d);
    }
    throw new NotJson(path, "is " + describe(n) + "; numbers must be Integer, Long, Short, Byte, BigInteger, Float, Double or BigDecimal");
  }

  private static String describe(Object v) {
    return v == null ? "null" : "a " + v.getClass().getName();
  }

  /** A value the output cannot hold; the message starts with its {@code $.}-path. */
  static final class NotJson extends Exception {
    private static final long serialVersionUID = 1L;

    NotJson(Deque<Object> path, String what) {
      super(text(path) + " " + what);
    }

    private static String text(Deque<Object> path) {
      StringBuilder sb = new StringBuilder("$");
      for (Object seg : path) {
        if (seg instanceof Integer) {
          sb.append('[').append(seg).append(']');
        } else if (((String) seg).matches("[A-Za-z_][A-Za-z0-9_]*")) {
          sb.append('.').append(seg);
        } else {
          sb.append("['").append(((String) seg).replace("\\", "\\\\").replace("'", "\\'")).append("']");
        }
      }
      return sb.toString();
    }
  }
}
