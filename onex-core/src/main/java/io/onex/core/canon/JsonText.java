package io.onex.core.canon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.hash.HashError;
import java.io.IOException;
import java.math.BigInteger;

/**
 * Reads JSON text into a tree the I-JSON way (RFC 7493): every number becomes a double.
 *
 * <p>Invariants: exactly one JSON value and nothing after it; no duplicate object keys;
 * fractions and exponents are read as the nearest double (so {@code 1E30} is fine); an
 * integer literal that no double holds exactly (beyond 2^53) is refused rather than rounded;
 * nesting is capped like the writer's.
 */
final class JsonText {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(
          StreamReadConstraints.builder().maxNestingDepth(CanonicalWriter.MAX_DEPTH + 1).build())
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonParser parser;

  private JsonText(JsonParser parser) {
    this.parser = parser;
  }

  static JsonNode parse(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonText reader = new JsonText(p);
      JsonNode root = reader.value(p.nextToken(), 0);
      JsonToken extra = p.nextToken();
      if (extra != null) {
        throw reader.error(HashError.INVALID_JSON, "unexpected " + extra + " after the JSON value");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      throw new OnexException(Diagnostic.error(
          HashError.INVALID_JSON,
          "",
          loc == null ? 0 : Math.max(0, loc.getLineNr()),
          loc == null ? 0 : Math.max(0, loc.getColumnNr()),
          "",
          e.getOriginalMessage()));
    } catch (IOException e) {
      throw new OnexException(Diagnostic.error(HashError.INVALID_JSON, "", 0, 0, "", e.toString()));
    }
  }

  private JsonNode value(JsonToken token, int depth) throws IOException {
    if (token == null) {
      throw error(HashError.INVALID_JSON, "no JSON value");
    }
    return switch (token) {
      case START_OBJECT -> object(depth + 1);
      case START_ARRAY -> array(depth + 1);
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT -> integer();
      case VALUE_NUMBER_FLOAT -> decimal();
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw error(HashError.INVALID_JSON, "unexpected " + token);
    };
  }

  private ObjectNode object(int depth) throws IOException {
    checkDepth(depth);
    ObjectNode obj = NODES.objectNode();
    JsonToken t;
    while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      if (obj.has(name)) {
        throw error(HashError.INVALID_JSON, "duplicate object key \"" + name + "\"");
      }
      obj.set(name, value(parser.nextToken(), depth));
    }
    if (t != JsonToken.END_OBJECT) {
      throw error(HashError.INVALID_JSON, "unexpected " + t + " in an object");
    }
    return obj;
  }

  private ArrayNode array(int depth) throws IOException {
    checkDepth(depth);
    ArrayNode arr = NODES.arrayNode();
    JsonToken t;
    while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
      arr.add(value(t, depth));
    }
    return arr;
  }

  private JsonNode integer() throws IOException {
    BigInteger value = parser.getBigIntegerValue();
    try {
      CanonicalWriter.fromBigInteger(value);
    } catch (CanonFailure f) {
      throw error(HashError.INEXACT_INTEGER, f.getMessage());
    }
    return NODES.numberNode(value.doubleValue());
  }

  private JsonNode decimal() throws IOException {
    double d = parser.getDoubleValue();
    if (!Double.isFinite(d)) {
      throw error(HashError.NON_FINITE_NUMBER,
          "number " + parser.getText() + " is outside the range of an IEEE-754 double");
    }
    return NODES.numberNode(d);
  }

  private void checkDepth(int depth) {
    if (depth > CanonicalWriter.MAX_DEPTH) {
      throw error(HashError.TOO_DEEP,
          "more than " + CanonicalWriter.MAX_DEPTH + " nested arrays and objects");
    }
  }

  private OnexException error(HashError code, String message) {
    JsonLocation loc = parser.currentTokenLocation();
    return new OnexException(Diagnostic.error(
        code, "", Math.max(0, loc.getLineNr()), Math.max(0, loc.getColumnNr()),
        parser.getParsingContext().pathAsPointer().toString(), message));
  }
}
