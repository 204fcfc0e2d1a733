package io.onex.core.validate;

import io.onex.core.model.NodeMetadata;
import io.onex.core.model.SubgraphStep;
import io.onex.core.model.TestCase;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Cross-field rules the schema cannot say: unique names, composite wiring, contract types. */
final class StructureRule {
  private static final Pattern CONTRACT_TYPE =
      Pattern.compile("(str|int|float|bool|object|any|\\[(str|int|float|bool|object|any)])\\??");

  private StructureRule() {}

  static void check(NodeMetadata m, Findings f) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < m.tests().size(); i++) {
      TestCase tc = m.tests().get(i);
      if (!names.add(tc.name())) {
        f.error(ValidationError.TEST_NAME_DUPLICATE, "/tests/" + i + "/name", "test case name '" + tc.name() + "' is used twice");
      }
    }
    if (!m.subgraph().isEmpty() && !m.isComposite()) {
      f.error(ValidationError.SUBGRAPH_ON_NON_COMPOSITE, "/subgraph",
          "subgraph is declared but entrypoint.type is '" + m.entrypoint().type() + "'");
    }
    if (m.isComposite() && m.subgraph().isEmpty()) {
      f.error(ValidationError.COMPOSITE_WITHOUT_SUBGRAPH, "/entrypoint/type", "entrypoint.type is composite but there is no subgraph");
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < m.subgraph().size(); i++) {
      SubgraphStep s = m.subgraph().get(i);
      if (!ids.add(s.id())) {
        f.error(ValidationError.SUBGRAPH_STEP_DUPLICATE, "/subgraph/" + i, "subgraph step id '" + s.id() + "' is used twice");
      }
    }
    contract(m.inputContract(), "/input_contract", f);
    contract(m.outputContract(), "/output_contract", f);
    if (m.lastModifiedAt().compareTo(m.createdAt()) < 0 && sameShape(m.createdAt(), m.lastModifiedAt())) {
      f.error(ValidationError.DATE_ORDER, "/last_modified_at",
          "last_modified_at " + m.lastModifiedAt() + " is before created_at " + m.createdAt());
    }
  }

  private static void contract(Map<String, String> c, String base, Findings f) {
    for (Map.Entry<String, String> e : c.entrySet()) {
      if (!CONTRACT_TYPE.matcher(e.getValue()).matches()) {
        f.error(ValidationError.CONTRACT_TYPE_INVALID, base + "/" + e.getKey().replace("~", "~0").replace("/", "~1"),
            "contract type '" + e.getValue() + "' of '" + e.getKey() + "' is unknown");
      }
    }
  }

  /** Timestamps compare as text only when both are UTC 'Z' forms of the same length. */
  private static boolean sameShape(String a, String b) {
    return a.length() == b.length() && a.endsWith("Z") && b.endsWith("Z");
  }
}
