package io.onex.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/** How values and JSON types are shown in messages: short, escaped, one line. */
final class Values {
  private static final int MAX_SHOWN = 60;

  private Values() {}

  /** {@code "text"} (JSON-escaped, shortened), a number or boolean as written, or a noun. */
  static String show(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "nothing";
    }
    if (value.isTextual()) {
      String s = value.textValue();
      if (s.length() > MAX_SHOWN) {
        s = s.substring(0, MAX_SHOWN) + "...";
      }
      return new TextNode(s).toString();
    }
    if (value.isObject()) {
      return "a mapping";
    }
    if (value.isArray()) {
      return "a list";
    }
    return value.asText();
  }

  /** The JSON Schema type name of {@code value}. */
  static String typeOf(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "null";
    }
    if (value.isIntegralNumber()) {
      return "integer";
    }
    if (value.isNumber()) {
      return "number";
    }
    if (value.isTextual()) {
      return "string";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    return value.isArray() ? "array" : "object";
  }

  /** A JSON Schema type name in words, with an article: "a mapping (object)". */
  static String typeWords(String type) {
    switch (type) {
      case "object": return "a mapping (object)";
      case "array": return "a list (array)";
      case "string": return "a string";
      case "integer": return "an integer";
      case "number": return "a number";
      case "boolean": return "a boolean (true or false)";
      case "null": return "null (an empty value)";
      default: return type;
    }
  }

  /** The allowed types of a {@code type} keyword value, in words joined by "or". */
  static String typesWords(JsonNode typeKeyword) {
    List<String> words = new ArrayList<>();
    if (typeKeyword != null && typeKeyword.isArray()) {
      typeKeyword.forEach(t -> words.add(typeWords(t.asText())));
    } else if (typeKeyword != null && typeKeyword.isTextual()) {
      words.add(typeWords(typeKeyword.asText()));
    }
    return String.join(" or ", words);
  }

  /** The items of a JSON array (strings bare, others as shown), joined by {@code separator}. */
  static String list(JsonNode array, String separator) {
    List<String> items = new ArrayList<>();
    array.forEach(v -> items.add(v.isTextual() ? v.textValue() : show(v)));
    return String.join(separator, items);
  }
}
