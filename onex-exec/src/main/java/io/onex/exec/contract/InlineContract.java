package io.onex.exec.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Checks a state against an inline contract ({@code input_contract} / {@code output_contract}):
 * a map from dotted field path to {@link FieldType}. Every field is checked, so every violation
 * is found; extra fields are allowed.
 *
 * <p>Rules: the state is an object; each dotted segment but the last must be an object when
 * present; a required field must be present and not null; an optional field may be absent or
 * null, or lie under an absent or null parent; a present value must have the type, and each
 * element of a list type must have the element type ({@code null} elements only for
 * {@code [any]}). A contract entry that is not a known type or path is itself reported (the
 * schema normally catches it first), never thrown.
 */
final class InlineContract {
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

  private InlineContract() {}

  static List<Finding> check(Map<String, String> contract, JsonNode state) {
    List<Finding> out = new ArrayList<>();
    if (state == null || !state.isObject()) {
      out.add(new Finding(Location.ROOT, "expected object, found " + Values.contractWords(state)));
      return out;
    }
    for (Map.Entry<String, String> e : new TreeMap<>(contract).entrySet()) {
      checkField(e.getKey(), e.getValue(), state, out);
    }
    return out;
  }

  private static void checkField(String key, String typeText, JsonNode state, List<Finding> out) {
    Optional<FieldType> type = FieldType.parse(typeText);
    if (!KEY.matcher(key).matches()) {
      out.add(new Finding(Location.ROOT, "contract key '" + key + "' is not a dotted field path"));
      return;
    }
    String[] segments = key.split("\\.");
    Location at = Location.ROOT;
    for (String s : segments) {
      at = at.child(s);
    }
    if (type.isEmpty()) {
      out.add(new Finding(at, "contract type '" + typeText + "' is not str, int, float, bool, object, any or [T], with an optional ?"));
      return;
    }
    JsonNode parent = state;
    Location parentAt = Location.ROOT;
    for (int i = 0; i < segments.length - 1; i++) {
      parentAt = parentAt.child(segments[i]);
      JsonNode next = parent.get(segments[i]);
      if (next == null || next.isNull()) {
        if (!type.get().optional()) {
          out.add(new Finding(at, "required field missing"));
        }
        return;
      }
      if (!next.isObject()) {
        out.add(new Finding(parentAt, "expected object, found " + Values.contractWords(next)));
        return;
      }
      parent = next;
    }
    checkValue(type.get(), parent.get(segments[segments.length - 1]), at, out);
  }

  private static void checkValue(FieldType type, JsonNode v, Location at, List<Finding> out) {
    if (v == null) {
      if (!type.optional()) {
        out.add(new Finding(at, "required field missing"));
      }
      return;
    }
    if (v.isNull()) {
      if (!type.optional()) {
        out.add(new Finding(at, "expected " + type.name() + ", found null"));
      }
      return;
    }
    if (!type.array()) {
      if (!type.baseMatches(v)) {
        out.add(new Finding(at, "expected " + type.name() + ", found " + Values.contractWords(v)));
      }
      return;
    }
    if (!v.isArray()) {
      out.add(new Finding(at, "expected " + type.name() + ", found " + Values.contractWords(v)));
      return;
    }
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      if (!type.baseMatches(item)) {
        out.add(new Finding(at.child(i), "expected " + type.base() + ", found " + Values.contractWords(item)));
      }
    }
  }
}
