package io.onex.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.testing.SharedData;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlDocument;
import io.onex.core.yaml.YamlLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference implementation's real node.onex.yaml files violate the schema on purpose
 * (placeholders, lifecycle: template, dynamic trust data in the file): each must be rejected
 * with per-field S diagnostics, never an exception.
 */
class ConformanceNodesTest {

  static Stream<Path> nodeFiles() throws IOException {
    try (Stream<Path> files = Files.walk(SharedData.conformance("omnibase/nodes"))) {
      List<Path> list = files.filter(p -> p.getFileName().toString().equals("node.onex.yaml"))
          .sorted().collect(Collectors.toList());
      return list.stream();
    }
  }

  @Test
  void nodeFiles_areFound() throws IOException {
    assertTrue(nodeFiles().count() >= 6, "expected the six reference node.onex.yaml files");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nodeFiles")
  void validate_rejectsReferenceNode(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    boolean tagged = new String(bytes, StandardCharsets.UTF_8).contains("!!python/");
    YamlDocument doc;
    try {
      doc = StrictYaml.parse(bytes, file.toString(), YamlLimits.DEFAULT);
    } catch (OnexException | IllegalStateException | java.io.UncheckedIOException e) {
      if (tagged) {
        return; // the strict loader refuses tags: that is its job, not the schema's
      }
      throw e;
    }
    List<Diagnostic> diagnostics = SchemaValidator.validate(SchemaId.NODE_METADATA, doc);
    assertFalse(diagnostics.isEmpty(), file + " must be rejected");
    for (Diagnostic d : diagnostics) {
      assertTrue(d.code().startsWith("ONEX-S"), d.format());
      assertFalse(d.field().isEmpty(), "every problem names its field: " + d.format());
    }
  }

  @Test
  void validate_stamperNode_reportsEachPlaceholder() throws IOException {
    Path file = SharedData.conformance("omnibase/nodes/src/omnibase/nodes/stamper_node/v1_0_0/node.onex.yaml");
    YamlDocument doc = StrictYaml.parse(Files.readAllBytes(file), "node.onex.yaml", YamlLimits.DEFAULT);
    String summary = SchemaValidator.validate(SchemaId.NODE_METADATA, doc).stream()
        .map(d -> d.code() + " " + d.field()).sorted().collect(Collectors.joining("\n"));
    assertEquals(String.join("\n",
        "ONEX-S002 compatibility",
        "ONEX-S002 trust_score_stub",
        "ONEX-S005 hash"), summary);
  }
}
