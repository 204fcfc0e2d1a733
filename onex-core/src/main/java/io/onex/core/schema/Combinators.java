package io.onex.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages for {@code oneOf}/{@code anyOf} (S009). The branches' own errors are dropped by the
 * caller (they would blame the user for not matching alternatives they never meant), so the
 * message must stand alone. When every branch only requires fields ("exactly one of
 * expected_output / expected_error"), it names the fields and says which are present.
 */
final class Combinators {
  private Combinators() {}

  static Problem problem(String keyword, FieldPath field, JsonNode value, JsonNode branches) {
    List<String> names = requiredOnlyNames(branches);
    String n = Keywords.name(field);
    boolean one = "oneOf".equals(keyword);
    if (names != null && value != null && value.isObject()) {
      List<String> present = new ArrayList<>();
      names.forEach(k -> { if (value.has(k)) { present.add("`" + k + "`"); } });
      List<String> quoted = new ArrayList<>();
      names.forEach(k -> quoted.add("`" + k + "`"));
      String has = present.isEmpty() ? "none of them" : present.size() == names.size() && names.size() == 2
          ? "both" : String.join(" and ", present);
      return Problem.of(SchemaError.CONSTRAINT_FAILED, field,
          n + " must have " + (one ? "exactly one" : "at least one") + " of "
              + String.join(", ", quoted) + ", but has " + has,
          one && present.size() > 1 ? "keep only one of " + String.join(", ", present)
              : "add one of " + String.join(", ", quoted));
    }
    int count = branches == null ? 0 : branches.size();
    return Problem.of(SchemaError.CONSTRAINT_FAILED, field,
        n + " must match " + (one ? "exactly one" : "at least one") + " of the " + count
            + " allowed forms, and does not", "see the field's documentation in docs/formats/");
  }

  /** The field names when every branch is exactly {@code {"required": [one name]}}, else null. */
  private static List<String> requiredOnlyNames(JsonNode branches) {
    if (branches == null || !branches.isArray() || branches.isEmpty()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (JsonNode b : branches) {
      JsonNode req = b.path("required");
      if (b.size() != 1 || !req.isArray() || req.size() != 1) {
        return null;
      }
      names.add(req.get(0).asText());
    }
    return names;
  }
}
