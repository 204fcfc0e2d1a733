package io.onex.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AbsoluteIri;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The bundled schemas: identity, no network, every pattern described in words. */
class SchemasTest {
  /** The dialect identifiers: names, never fetched (the factory knows draft 2020-12 built in). */
  private static final Set<String> DIALECTS = Set.of(
      "https://json-schema.org/draft/2020-12/schema",
      "http://json-schema.org/draft-07/schema#",
      "http://json-schema.org/draft-07/schema");

  @ParameterizedTest
  @EnumSource(value = SchemaId.class, names = {"NODE_METADATA", "STATE_CONTRACT", "EXECUTION_RECORD"})
  void source_hasUrnIdAndNoNetworkUrl(SchemaId id) {
    JsonNode tree = Schemas.source(id);
    assertEquals(id.urn(), tree.get("$id").asText());
    assertTrue(id.urn().startsWith("urn:onex:schema:"));
    for (String s : strings(tree, new ArrayList<>())) {
      if (s.contains("http:") || s.contains("https:")) {
        assertTrue(DIALECTS.contains(s), id + " mentions a URL: " + s);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = SchemaId.class, names = {"NODE_METADATA", "STATE_CONTRACT", "EXECUTION_RECORD"})
  void patterns_allDescribedInWords(SchemaId id) {
    List<String> patterns = new ArrayList<>();
    collectPatterns(Schemas.source(id), patterns);
    assertTrue(!patterns.isEmpty());
    for (String p : patterns) {
      assertTrue(PatternWords.describe(p).isPresent(), id + ": no words for pattern " + p);
    }
  }

  @Test
  void source_isACopy() {
    assertNotSame(Schemas.source(SchemaId.NODE_METADATA), Schemas.source(SchemaId.NODE_METADATA));
    assertEquals(Schemas.source(SchemaId.NODE_METADATA), Schemas.tree(SchemaId.NODE_METADATA));
  }

  @Test
  void compiled_isCachedOnce() {
    assertTrue(Schemas.compiled(SchemaId.EXECUTION_RECORD) == Schemas.compiled(SchemaId.EXECUTION_RECORD));
  }

  @Test
  void loader_refusesRemoteAndUnknownSchemas() {
    for (String iri : List.of("https://example.com/schema.json", "urn:onex:schema:nope:1.0.0",
        "classpath:io/onex/core/schema/node-metadata.schema.json")) {
      IOException e = assertThrows(IOException.class,
          () -> BundledSchemaLoader.INSTANCE.getSchema(AbsoluteIri.of(iri)).getInputStream());
      assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }
  }

  @Test
  void loader_servesBundledSchemaByUrn() throws IOException {
    try (InputStream in = BundledSchemaLoader.INSTANCE
        .getSchema(AbsoluteIri.of(SchemaId.STATE_CONTRACT.urn())).getInputStream()) {
      assertTrue(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .contains(SchemaId.STATE_CONTRACT.urn()));
    }
  }

  @Test
  void forUrn_roundTrips() {
    for (SchemaId id : SchemaId.values()) {
      assertEquals(id, SchemaId.forUrn(id.urn()));
    }
    assertEquals(null, SchemaId.forUrn("urn:onex:schema:other:1.0.0"));
  }

  private static List<String> strings(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      out.add(node.textValue());
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      out.add(e.getKey());
      strings(e.getValue(), out);
    }
    if (node.isArray()) {
      node.forEach(n -> strings(n, out));
    }
    return out;
  }

  /** Values of the "pattern" keyword (not properties that happen to be named "pattern"). */
  private static void collectPatterns(JsonNode schema, List<String> out) {
    if (schema.isObject()) {
      schema.properties().forEach(e -> {
        if (e.getKey().equals("pattern") && e.getValue().isTextual()) {
          out.add(e.getValue().textValue());
        } else if (e.getKey().equals("properties") || e.getKey().equals("$defs")) {
          e.getValue().forEach(sub -> collectPatterns(sub, out));
        } else {
          collectPatterns(e.getValue(), out);
        }
      });
    } else if (schema.isArray()) {
      schema.forEach(n -> collectPatterns(n, out));
    }
  }
}
