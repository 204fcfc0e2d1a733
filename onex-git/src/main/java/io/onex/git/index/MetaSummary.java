package io.onex.git.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * What the dependency graph needs of one {@code node.onex.yaml}: identity and the URIs it
 * refers to (dependencies and subgraph children). A file that does not parse gives empty
 * fields (validation reports it; the graph just has no edges for it).
 */
record MetaSummary(String namespace, String name, String version, String uuid, List<String> uris) {
  MetaSummary {
    uris = List.copyOf(uris);
  }

  static MetaSummary parse(byte[] yaml, String display) {
    JsonNode root;
    try {
      root = StrictYaml.parse(yaml, display, YamlLimits.DEFAULT).root();
    } catch (RuntimeException e) {
      return new MetaSummary("", "", "", "", List.of());
    }
    return of(root);
  }

  static MetaSummary of(JsonNode root) {
    List<String> uris = new ArrayList<>();
    root.path("dependencies").forEach(d -> {
      if (d.isTextual()) {
        uris.add(d.asText());
      }
    });
    root.path("subgraph").forEach(s -> {
      if (s.path("node").isTextual()) {
        uris.add(s.path("node").asText());
      }
    });
    return new MetaSummary(root.path("namespace").asText(""), root.path("name").asText(""),
        root.path("version").asText(""), root.path("uuid").asText(""), uris);
  }

  /** Reads back {@link #toJson()} (the cache's form). */
  static MetaSummary fromJson(JsonNode o) {
    List<String> uris = new ArrayList<>();
    o.path("uris").forEach(u -> uris.add(u.asText()));
    return new MetaSummary(o.path("namespace").asText(""), o.path("name").asText(""), o.path("version").asText(""),
        o.path("uuid").asText(""), uris);
  }

  ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("namespace", namespace).put("name", name).put("version", version).put("uuid", uuid);
    ArrayNode a = o.putArray("uris");
    uris.forEach(a::add);
    return o;
  }
}
