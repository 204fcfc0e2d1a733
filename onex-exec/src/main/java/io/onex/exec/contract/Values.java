package io.onex.exec.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** How found values are shown in violation messages: a type name, and the value if it is short. */
final class Values {
  private static final int MAX_TEXT = 40;

  private Values() {}

  /** In contract words: {@code int 5}, {@code str "x"}, {@code null}, {@code object}, {@code array}. */
  static String contractWords(JsonNode v) {
    return withValue(contractType(v), v);
  }

  /** In JSON Schema words: {@code integer 5}, {@code string "x"}, {@code null}, {@code object}. */
  static String schemaWords(JsonNode v) {
    return withValue(schemaType(v), v);
  }

  static String contractType(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "null";
    }
    if (v.isTextual()) {
      return "str";
    }
    if (v.isIntegralNumber()) {
      return "int";
    }
    if (v.isNumber()) {
      return "float";
    }
    if (v.isBoolean()) {
      return "bool";
    }
    return v.isArray() ? "array" : v.isObject() ? "object" : v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  static String schemaType(JsonNode v) {
    switch (contractType(v)) {
      case "str": return "string";
      case "int": return "integer";
      case "float": return "number";
      case "bool": return "boolean";
      default: return contractType(v);
    }
  }

  private static String withValue(String type, JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode() || v.isContainerNode()) {
      return type;
    }
    if (v.isTextual()) {
      String s = v.textValue();
      return type + " " + new TextNode(s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "..." : s);
    }
    return type + " " + v.asText();
  }
}
