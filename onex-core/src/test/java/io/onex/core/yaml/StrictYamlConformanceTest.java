package io.onex.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.onex.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The strict loader against the reference implementation's real files. */
class StrictYamlConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  private static List<Path> files(String dir, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(SharedData.conformance(dir))) {
      return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted()
          .collect(Collectors.toList());
    }
  }

  @Test
  void loadMapping_acceptsEveryReferenceYamlFile() throws IOException {
    List<Path> yaml = files("omnibase", ".yaml");
    assertTrue(yaml.size() >= 20, "only " + yaml.size() + " files");
    for (Path file : yaml) {
      YamlDocument doc = StrictYaml.loadMapping(file, file.toString(), YamlLimits.DEFAULT);
      assertTrue(doc.root().size() > 0, file.toString());
    }
  }

  @Test
  void load_keepsReferenceTimestampsAndVersionsAsStrings() throws IOException {
    int checked = 0;
    for (Path file : files("omnibase", ".yaml")) {
      JsonNode root = StrictYaml.load(file, file.toString(), YamlLimits.DEFAULT).root();
      for (String field : List.of("created_at", "last_modified_at", "version", "schema_version")) {
        if (root.has(field)) {
          assertTrue(root.get(field).isTextual(), file + " " + field + " = " + root.get(field));
          checked++;
        }
      }
    }
    assertTrue(checked >= 40, "only " + checked + " fields checked");
  }

  @Test
  void load_readsReferenceJsonAsJacksonDoes() throws IOException {
    List<Path> json = files("omnibase", ".json");
    assertTrue(json.size() >= 20, "only " + json.size() + " files");
    for (Path file : json) {
      JsonNode expected = JSON.readTree(file.toFile());
      assertEquals(expected, StrictYaml.load(file, file.toString(), YamlLimits.DEFAULT).root(),
          file.toString());
    }
  }
}
