package io.onex.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.diag.Diagnostic;
import java.util.Collection;

/**
 * The stable JSON shapes the CLI prints with {@code --format json} (docs/formats/cli-json.md,
 * schema {@code cli-output.schema.json}). Keys are fixed; new keys may be added, none removed.
 */
final class Json {
  static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private Json() {}

  static ObjectNode diagnostic(Diagnostic d) {
    ObjectNode o = F.objectNode();
    o.put("code", d.code());
    o.put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
    o.put("file", d.file());
    o.put("line", d.line());
    o.put("column", d.column());
    o.put("field", d.field());
    o.put("message", d.message());
    o.put("hint", d.hint());
    return o;
  }

  static ArrayNode diagnostics(Collection<Diagnostic> ds) {
    ArrayNode a = F.arrayNode();
    ds.forEach(d -> a.add(diagnostic(d)));
    return a;
  }

  static ArrayNode strings(Collection<String> values) {
    ArrayNode a = F.arrayNode();
    values.forEach(a::add);
    return a;
  }

  static com.fasterxml.jackson.databind.JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static String write(Object node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
