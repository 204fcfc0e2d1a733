package io.onex.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.uri.NodeUri;
import io.onex.core.yaml.SourceLocation;
import java.util.List;

/**
 * Every linking field must hold well-formed URIs {@code <type>://<namespace>@<version_spec>}:
 * dependencies, base_class, protocols_supported, variant_of and subgraph steps. Resolution
 * against the registry is a repository-level check ({@link RepositoryRules}).
 */
final class UriRule {
  private static final List<String> LISTS = List.of("dependencies", "base_class", "protocols_supported");

  private UriRule() {}

  static void check(JsonNode root, Findings f) {
    for (String field : LISTS) {
      JsonNode list = root.get(field);
      if (list != null && list.isArray()) {
        for (int i = 0; i < list.size(); i++) {
          one(list.get(i), "/" + field + "/" + i, f);
        }
      }
    }
    JsonNode variant = root.get("variant_of");
    if (variant != null) {
      one(variant, "/variant_of", f);
    }
    JsonNode subgraph = root.get("subgraph");
    if (subgraph != null && subgraph.isArray()) {
      for (int i = 0; i < subgraph.size(); i++) {
        JsonNode step = subgraph.get(i);
        if (step.isObject()) {
          one(step.get("node"), "/subgraph/" + i + "/node", f);
        } else {
          one(step, "/subgraph/" + i, f);
        }
      }
    }
  }

  private static void one(JsonNode value, String pointer, Findings f) {
    if (value == null || !value.isTextual()) {
      return; // the schema reports the wrong type
    }
    SourceLocation loc = f.location(pointer);
    f.addAll(NodeUri.check(value.asText(), f.fileName(), loc.line(), loc.column(), Findings.dotted(pointer)));
  }
}
