package io.onex.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one networknt {@link ValidationMessage} into a {@link Problem}: picks the code by the
 * keyword that failed and writes a message in plain words from the instance value and the
 * schema (allowed names, enum values, bounds), never from networknt's own English text except
 * as a last resort.
 */
final class Keywords {
  private static final Set<String> BOUNDS = Set.of(
      "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "multipleOf");
  private static final Set<String> ARRAYS = Set.of(
      "uniqueItems", "minItems", "maxItems", "contains", "minContains", "maxContains");
  private static final Map<String, String> FIELD_HINTS = Map.of(
      "hash", "run `onex stamp <node directory>`: it computes the hash and writes it here",
      "uuid", "use a random UUID v4 in lowercase, e.g. the output of"
          + " `python3 -c 'import uuid; print(uuid.uuid4())'`");

  private final SchemaId schemaId;

  Keywords(SchemaId schemaId) {
    this.schemaId = schemaId;
  }

  Problem map(ValidationMessage m) {
    String keyword = m.getType();
    FieldPath field = FieldPath.of(m.getInstanceLocation());
    JsonNode value = m.getInstanceNode();
    if (BOUNDS.contains(keyword)) {
      return Bounds.problem(keyword, field, value, schemaValue(m));
    }
    if (ARRAYS.contains(keyword)) {
      return Bounds.arrayProblem(keyword, field, value, schemaValue(m));
    }
    switch (keyword) {
      case "required": return required(m, field);
      case "additionalProperties":
      case "unevaluatedProperties": return unknown(m, field);
      case "type":
      case "unionType": return type(m, field, value);
      case "enum": return enumeration(m, field, value);
      case "pattern": return pattern(m, field, value);
      case "propertyNames": return propertyName(m, field);
      case "format": return format(m, field, value);
      case "oneOf":
      case "anyOf": return Combinators.problem(keyword, field, value, schemaValue(m));
      case "const": return Problem.of(SchemaError.CONSTRAINT_FAILED, field,
          name(field) + " must be " + Values.show(schemaValue(m)) + ", found " + Values.show(value),
          "write " + Values.show(schemaValue(m)));
      default: return generic(m, field);
    }
  }

  private Problem required(ValidationMessage m, FieldPath parent) {
    FieldPath missing = parent.child(m.getProperty());
    String where = parent.isRoot() ? "" : " in " + name(parent);
    return new Problem(SchemaError.REQUIRED_MISSING, missing, parent,
        "required field `" + m.getProperty() + "` is missing" + where + condition(m), null);
  }

  private Problem unknown(ValidationMessage m, FieldPath parent) {
    JsonNode owner = schemaObject(m);
    String key = m.getProperty() != null ? m.getProperty() : offendingKey(m.getInstanceNode(), owner);
    FieldPath field = parent.child(key);
    List<String> allowed = new ArrayList<>();
    owner.path("properties").fieldNames().forEachRemaining(allowed::add);
    boolean extensible = owner.path("patternProperties").has("^x-");
    String where = parent.isRoot() ? "" : " in " + name(parent);
    String message = "unknown field `" + key + "`" + where;
    String hint = Suggestions.nearest(key, allowed)
        .map(s -> "did you mean `" + s + "`?")
        .orElse(allowed.isEmpty()
            ? "remove it: no fields are allowed here"
            : "remove it" + (extensible ? ", or prefix it with `x-` if it is a custom extension" : "")
                + "; allowed here: " + String.join(", ", allowed));
    return Problem.of(SchemaError.UNKNOWN_FIELD, field, message, hint);
  }

  /**
   * The first key of {@code object} that {@code owner} neither lists in {@code properties} nor
   * matches with {@code patternProperties}: networknt reports an unknown key on its parent
   * object, and names it only in the message's property, which this recomputes when absent.
   */
  static String offendingKey(JsonNode object, JsonNode owner) {
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    for (String k : keys) {
      boolean patterned = false;
      for (String regex : (Iterable<String>) owner.path("patternProperties")::fieldNames) {
        patterned |= StrictRegexFactory.INSTANCE.getRegularExpression(regex).matches(k);
      }
      if (!owner.path("properties").has(k) && !patterned) {
        return k;
      }
    }
    return "?";
  }

  private Problem type(ValidationMessage m, FieldPath field, JsonNode value) {
    String found = Values.typeOf(value);
    JsonNode expected = schemaValue(m);
    String message = name(field) + " must be " + Values.typesWords(expected) + condition(m)
        + ", found " + Values.typeWords(found)
        + (value != null && value.isValueNode() && !value.isNull() ? " " + Values.show(value) : "");
    return Problem.of(SchemaError.WRONG_TYPE, field, message, typeHint(field, value, expected));
  }

  private static String typeHint(FieldPath field, JsonNode value, JsonNode expected) {
    String key = field.lastKey() == null ? "- " : field.lastKey() + ": ";
    if (allows(expected, "string") && value != null && (value.isNumber() || value.isBoolean())) {
      return "quote it so YAML reads it as text: " + key + "\"" + value.asText() + "\"";
    }
    if (value != null && value.isTextual() && !allows(expected, "string")) {
      String t = value.textValue().strip();
      boolean numeric = t.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
      if ((numeric && (allows(expected, "integer") || allows(expected, "number")))
          || (allows(expected, "boolean") && (t.equals("true") || t.equals("false")))) {
        return "remove the quotes: " + key + t;
      }
    }
    if (expected.isTextual() && "null".equals(expected.asText())) {
      return "set " + name(field) + " to null";
    }
    return "write " + Values.typesWords(expected) + " for " + name(field);
  }

  private Problem enumeration(ValidationMessage m, FieldPath field, JsonNode value) {
    JsonNode allowed = schemaValue(m);
    List<String> names = new ArrayList<>();
    allowed.forEach(v -> names.add(v.asText()));
    String message = name(field) + " is " + Values.show(value) + ": allowed values are "
        + Values.list(allowed, ", ") + condition(m);
    String hint = value != null && value.isTextual()
        ? Suggestions.nearest(value.textValue(), names).map(s -> "did you mean `" + s + "`?").orElse(null)
        : null;
    return Problem.of(SchemaError.NOT_ALLOWED_VALUE, field, message,
        hint != null ? hint : "use one of: " + String.join(", ", names));
  }

  private Problem pattern(ValidationMessage m, FieldPath field, JsonNode value) {
    String regex = schemaValue(m).asText();
    String words = PatternWords.describe(regex).orElse("a value matching the pattern " + regex);
    String fieldHint = schemaId == SchemaId.NODE_METADATA && field.lastKey() != null
        && field.dotted().equals(field.lastKey()) ? FIELD_HINTS.get(field.lastKey()) : null;
    return Problem.of(SchemaError.PATTERN_MISMATCH, field,
        name(field) + " must be " + words + ", found " + Values.show(value),
        fieldHint != null ? fieldHint : "the value must match the pattern " + regex);
  }

  private Problem propertyName(ValidationMessage m, FieldPath parent) {
    String key = m.getProperty();
    FieldPath field = parent.child(key);
    JsonNode rule = schemaValue(m);
    String regex = rule.path("pattern").asText("");
    String words = PatternWords.describe(regex).orElse("a name matching " + rule);
    return Problem.of(SchemaError.PATTERN_MISMATCH, field,
        "key \"" + key + "\" in " + name(parent) + " must be " + words, "rename the key");
  }

  private Problem format(ValidationMessage m, FieldPath field, JsonNode value) {
    String format = schemaValue(m).asText();
    if ("date-time".equals(format)) {
      String text = value == null ? "" : value.asText();
      boolean noZone = text.matches("\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?");
      return Problem.of(SchemaError.BAD_FORMAT, field,
          name(field) + " must be an RFC 3339 date-time such as \"2025-05-17T10:05:00Z\", found "
              + Values.show(value),
          noZone ? "add the time zone, e.g. \"" + text.replace(' ', 'T') + "Z\" for UTC" : null);
    }
    boolean regex = "regex".equals(format);
    return Problem.of(SchemaError.BAD_FORMAT, field,
        name(field) + " must be " + (regex ? "a valid regular expression" : "a valid " + format)
            + ", found " + Values.show(value),
        regex ? "check the brackets, parentheses and backslash escapes of the expression"
            : "write a valid " + format);
  }

  private Problem generic(ValidationMessage m, FieldPath field) {
    String text = m.getMessage();
    int colon = text.indexOf(": ");
    String rest = colon >= 0 ? text.substring(colon + 2) : text;
    return Problem.of(SchemaError.CONSTRAINT_FAILED, field,
        name(field) + ": " + rest + " (rule `" + m.getType() + "`)", null);
  }

  /** " when `status` is `error`" for a failure inside a then/else branch, else "". */
  private String condition(ValidationMessage m) {
    String pointer = fragment(m);
    int at = Math.max(pointer.lastIndexOf("/then/"), pointer.lastIndexOf("/else/"));
    if (at < 0) {
      return "";
    }
    boolean then = pointer.startsWith("/then/", at);
    JsonNode cond = tree(m).at(pointer.substring(0, at)).path("if").path("properties");
    List<String> parts = new ArrayList<>();
    cond.properties().forEach(e -> {
      JsonNode rule = e.getValue();
      JsonNode options = rule.has("const") ? rule.get("const") : rule.get("enum");
      if (options != null) {
        parts.add("`" + e.getKey() + "` is " + (options.isArray()
            ? Values.list(options, " or ") : options.asText()));
      }
    });
    return parts.isEmpty() ? "" : (then ? " when " : " unless ") + String.join(" and ", parts);
  }

  private static boolean allows(JsonNode typeKeyword, String type) {
    if (typeKeyword.isTextual()) {
      return type.equals(typeKeyword.asText());
    }
    for (JsonNode t : typeKeyword) {
      if (type.equals(t.asText())) {
        return true;
      }
    }
    return false;
  }

  /** {@code `tests[0].input`}, or "the document" for the root. */
  static String name(FieldPath field) {
    return field.isRoot() ? "the document" : "`" + field.dotted() + "`";
  }

  private JsonNode tree(ValidationMessage m) {
    SchemaId id = SchemaId.forUrn(String.valueOf(m.getSchemaLocation().getAbsoluteIri()));
    return Schemas.tree(id == null ? schemaId : id);
  }

  private static String fragment(ValidationMessage m) {
    String s = m.getSchemaLocation().toString();
    int hash = s.indexOf('#');
    return hash < 0 ? "" : s.substring(hash + 1);
  }

  /** The failing keyword's value in the schema, e.g. the enum array. */
  private JsonNode schemaValue(ValidationMessage m) {
    return tree(m).at(fragment(m));
  }

  /** The schema object holding the failing keyword. */
  private JsonNode schemaObject(ValidationMessage m) {
    String pointer = fragment(m);
    int slash = pointer.lastIndexOf('/');
    return tree(m).at(slash <= 0 ? "" : pointer.substring(0, slash));
  }
}
