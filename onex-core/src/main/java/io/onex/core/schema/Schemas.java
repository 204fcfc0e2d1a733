package io.onex.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The bundled JSON Schemas (draft 2020-12), each read from the class path and compiled once
 * per JVM, then shared (a compiled networknt schema is immutable and thread-safe).
 *
 * <p>Invariants: no schema is ever fetched from the network (see {@link BundledSchemaLoader});
 * a schema's {@code $id} must equal its {@link SchemaId#urn()}; format assertions are on
 * (draft 2020-12 makes {@code format} an annotation by default); paths are JSON Pointers;
 * messages are English whatever the default locale. A missing or broken bundled schema is
 * an {@link OnexException} with {@link SchemaError#SCHEMA_INTERNAL}.
 */
public final class Schemas {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
      SpecVersion.VersionFlag.V202012,
      b -> b.schemaLoaders(l -> l.add(BundledSchemaLoader.INSTANCE)).enableSchemaCache(true));
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .pathType(PathType.JSON_POINTER)
      .formatAssertionsEnabled(true)
      .locale(Locale.ENGLISH)
      .regularExpressionFactory(StrictRegexFactory.INSTANCE)
      .build();
  private static final Map<SchemaId, Loaded> CACHE = new EnumMap<>(SchemaId.class);

  private Schemas() {}

  /** A copy of the schema document, e.g. for {@code onex schema show}. */
  public static JsonNode source(SchemaId id) {
    return loaded(id).tree().deepCopy();
  }

  /** The schema document itself (shared: callers must not modify it). */
  static JsonNode tree(SchemaId id) {
    return loaded(id).tree();
  }

  /** The compiled schema. */
  static JsonSchema compiled(SchemaId id) {
    return loaded(id).schema();
  }

  private static synchronized Loaded loaded(SchemaId id) {
    Loaded l = CACHE.get(id);
    if (l == null) {
      l = load(id);
      CACHE.put(id, l);
    }
    return l;
  }

  private static Loaded load(SchemaId id) {
    JsonNode tree;
    try (InputStream in = BundledSchemaLoader.open(id)) {
      tree = JSON.readTree(in);
    } catch (IOException | RuntimeException e) {
      throw internal(id, "cannot read " + id.resource() + ": " + e.getMessage());
    }
    String declared = tree.path("$id").asText("");
    if (!declared.equals(id.urn())) {
      throw internal(id, id.resource() + " declares $id `" + declared + "`, expected `" + id.urn() + "`");
    }
    try {
      JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(id.urn()), tree, CONFIG);
      schema.initializeValidators();
      return new Loaded(tree, schema);
    } catch (RuntimeException e) {
      throw internal(id, "cannot compile " + id.resource() + ": " + e.getMessage());
    }
  }

  static OnexException internal(SchemaId id, String message) {
    return new OnexException(Diagnostic.error(
        SchemaError.SCHEMA_INTERNAL, id.resource(), 0, 0, "", message));
  }

  private record Loaded(JsonNode tree, JsonSchema schema) {}
}
