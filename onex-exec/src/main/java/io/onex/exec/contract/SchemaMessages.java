package io.onex.exec.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * From networknt's messages to findings with {@code $.}-style paths. A missing required field
 * and a field that {@code additionalProperties} forbids are reported at the field itself;
 * errors inside {@code oneOf}/{@code anyOf} branches are dropped (the combinator's own message
 * covers them); other keywords keep networknt's English text without its path prefix.
 */
final class SchemaMessages {
  private SchemaMessages() {}

  static List<Finding> map(Collection<ValidationMessage> messages) {
    List<Finding> out = new ArrayList<>();
    for (ValidationMessage m : messages) {
      if (!inBranch(m.getEvaluationPath())) {
        out.add(finding(m));
      }
    }
    return out;
  }

  private static Finding finding(ValidationMessage m) {
    Location at = Location.of(m.getInstanceLocation());
    String property = m.getProperty();
    switch (m.getType()) {
      case "required":
        return new Finding(property == null ? at : at.child(property), "required field missing");
      case "additionalProperties":
      case "unevaluatedProperties":
        return property == null ? new Finding(at, m.getError())
            : new Finding(at.child(property), "field not allowed by the state contract");
      case "type":
      case "unionType":
        return new Finding(at, "expected " + typeWords(m.getSchemaNode()) + ", found " + Values.schemaWords(m.getInstanceNode()));
      case "false":
        return new Finding(at, "no value is allowed here (the schema is false)");
      default:
        return new Finding(at, m.getError());
    }
  }

  private static String typeWords(JsonNode type) {
    if (type != null && type.isArray()) {
      List<String> names = new ArrayList<>();
      type.forEach(t -> names.add(t.asText()));
      return String.join(" or ", names);
    }
    return type == null ? "another type" : type.asText();
  }

  private static boolean inBranch(JsonNodePath evaluation) {
    for (int i = 0; i + 1 < evaluation.getNameCount(); i++) {
      Object e = evaluation.getElement(i);
      if (("oneOf".equals(e) || "anyOf".equals(e)) && evaluation.getElement(i + 1) instanceof Integer) {
        return true;
      }
    }
    return false;
  }
}
