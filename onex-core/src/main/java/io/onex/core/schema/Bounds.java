package io.onex.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** Messages for numeric and length bounds (S007) and list problems (S008). */
final class Bounds {
  private static final Map<String, String> SYMBOLS = Map.of(
      "minimum", ">=", "maximum", "<=", "exclusiveMinimum", ">", "exclusiveMaximum", "<",
      "multipleOf", "that is a multiple of");

  private Bounds() {}

  static Problem problem(String keyword, FieldPath field, JsonNode value, JsonNode limit) {
    String n = Keywords.name(field);
    String bound = limit.asText();
    String found = value == null ? "nothing" : Values.show(value);
    String message;
    String hint = "use a value " + SYMBOLS.getOrDefault(keyword, "within the bound") + " " + bound;
    switch (keyword) {
      case "minimum": message = n + " must be at least " + bound + ", found " + found; break;
      case "maximum": message = n + " must be at most " + bound + ", found " + found; break;
      case "exclusiveMinimum": message = n + " must be greater than " + bound + ", found " + found; break;
      case "exclusiveMaximum": message = n + " must be less than " + bound + ", found " + found; break;
      case "multipleOf": message = n + " must be a multiple of " + bound + ", found " + found; break;
      case "minLength":
        message = limit.asInt() == 1 && value != null && value.asText().isEmpty()
            ? n + " must not be empty"
            : n + " must be at least " + bound + " characters long, found " + length(value);
        hint = "write a longer value, or remove the field if it is optional";
        break;
      default:
        message = n + " must be at most " + bound + " characters long, found " + length(value);
        hint = "shorten the value";
    }
    return Problem.of(SchemaError.OUT_OF_RANGE, field, message, hint);
  }

  static Problem arrayProblem(String keyword, FieldPath field, JsonNode value, JsonNode limit) {
    String n = Keywords.name(field);
    int size = value == null ? 0 : value.size();
    switch (keyword) {
      case "uniqueItems": return duplicate(field, value);
      case "minItems": return Problem.of(SchemaError.BAD_ARRAY, field,
          n + " must have at least " + limit.asText() + " item(s), found " + size, "add the missing items");
      case "maxItems": return Problem.of(SchemaError.BAD_ARRAY, field,
          n + " must have at most " + limit.asText() + " item(s), found " + size, "remove items");
      default: return Problem.of(SchemaError.BAD_ARRAY, field,
          n + " does not contain the required items (rule `" + keyword + "`)", null);
    }
  }

  /** Points at the first item that repeats an earlier one. */
  private static Problem duplicate(FieldPath field, JsonNode array) {
    Map<JsonNode, Integer> seen = new HashMap<>();
    for (int i = 0; array != null && i < array.size(); i++) {
      Integer first = seen.putIfAbsent(array.get(i), i);
      if (first != null) {
        FieldPath item = field.child(i);
        return Problem.of(SchemaError.BAD_ARRAY, item,
            Keywords.name(item) + " repeats " + Values.show(array.get(i)) + " (already at "
                + field.child(first).dotted() + "); items of " + Keywords.name(field) + " must be unique",
            "remove the duplicate item");
      }
    }
    return Problem.of(SchemaError.BAD_ARRAY, field, Keywords.name(field) + " must not repeat items",
        "remove the duplicate items");
  }

  private static String length(JsonNode value) {
    return value == null ? "nothing" : value.asText().codePointCount(0, value.asText().length()) + "";
  }
}
