package io.onex.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.project.ProjectLayout;
import io.onex.core.registry.Registry;
import io.onex.core.registry.RegistryEntry;
import io.onex.core.yaml.SourceLocation;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlDocument;
import io.onex.core.yaml.YamlLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that need every node of the repository: dependency and subgraph URIs resolve (no
 * unresolved, ambiguous or cyclic references) and no uuid is used by two nodes. Each node is
 * read leniently here (strict YAML only): its own problems are the per-node validator's job.
 */
public final class RepositoryRules {
  private RepositoryRules() {}

  public static List<Diagnostic> check(ProjectLayout layout, List<Path> allNodes) {
    List<RegistryEntry> entries = new ArrayList<>();
    Map<String, String> uuids = new LinkedHashMap<>();
    List<Diagnostic> out = new ArrayList<>();
    for (Path meta : allNodes) {
      String display = layout.relativize(meta);
      YamlDocument doc;
      try {
        doc = StrictYaml.load(meta, display, YamlLimits.DEFAULT);
      } catch (OnexException e) {
        continue;
      }
      JsonNode t = doc.root();
      if (!t.isObject()) {
        continue;
      }
      entries.add(new RegistryEntry(t.path("namespace").asText(""), t.path("name").asText(""),
          t.path("version").asText(""), display, texts(t.path("dependencies")), subgraph(t.path("subgraph"))));
      String uuid = t.path("uuid").asText("");
      if (!uuid.isEmpty()) {
        String first = uuids.putIfAbsent(uuid.toLowerCase(java.util.Locale.ROOT), display);
        if (first != null) {
          SourceLocation loc = doc.locationOf("/uuid");
          out.add(Diagnostic.error(ValidationError.UUID_DUPLICATE, display, loc.line(), loc.column(), "uuid",
              "uuid " + uuid + " is also used by " + first));
        }
      }
    }
    for (Diagnostic d : Registry.of(entries).check()) {
      if (!d.code().startsWith("ONEX-U")) { // malformed URIs are reported per node, with their line
        out.add(d);
      }
    }
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(n -> {
        if (n.isTextual()) {
          out.add(n.asText());
        }
      });
    }
    return out;
  }

  private static List<String> subgraph(JsonNode steps) {
    List<String> out = new ArrayList<>();
    if (steps.isArray()) {
      for (JsonNode s : steps) {
        JsonNode uri = s.isObject() ? s.get("node") : s;
        if (uri != null && uri.isTextual()) {
          out.add(uri.asText());
        }
      }
    }
    return out;
  }
}
