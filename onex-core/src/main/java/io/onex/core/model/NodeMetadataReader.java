package io.onex.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a metadata tree that already passed the node-metadata schema onto {@link NodeMetadata}.
 * It does not validate: callers run the schema first and call this only on a clean result.
 * Missing optional fields get their documented defaults.
 */
public final class NodeMetadataReader {
  private NodeMetadataReader() {}

  public static NodeMetadata read(JsonNode t) {
    return new NodeMetadata(
        text(t, "schema_version"),
        text(t, "name"),
        text(t, "version"),
        text(t, "uuid"),
        text(t, "author"),
        text(t, "created_at"),
        text(t, "last_modified_at"),
        text(t, "description"),
        text(t, "state_contract"),
        Lifecycle.fromWire(text(t, "lifecycle")).orElseThrow(),
        text(t, "hash"),
        entrypoint(t.path("entrypoint")),
        text(t, "namespace"),
        MetaType.fromWire(text(t, "meta_type")).orElseThrow(),
        optText(t, "runtime_language_hint"),
        strings(t.path("tags")),
        strings(t.path("protocols_supported")),
        strings(t.path("base_class")),
        strings(t.path("dependencies")),
        strings(t.path("environment")),
        optText(t, "license"),
        signature(t.path("signature_block")),
        contract(t.path("input_contract")),
        contract(t.path("output_contract")),
        t.has("timeout_seconds") ? Optional.of(t.get("timeout_seconds").intValue()) : Optional.empty(),
        cache(t.path("cache")),
        subgraph(t.path("subgraph")),
        profiles(t.path("model_profiles")),
        optText(t, "variant_of"),
        tests(t.path("tests")),
        extensions(t),
        t.deepCopy());
  }

  private static String text(JsonNode t, String field) {
    return t.path(field).asText("");
  }

  private static Optional<String> optText(JsonNode t, String field) {
    JsonNode n = t.get(field);
    return n == null || n.isNull() ? Optional.empty() : Optional.of(n.asText());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Entrypoint entrypoint(JsonNode e) {
    return new Entrypoint(
        text(e, "type"), text(e, "target"), strings(e.path("args")), optText(e, "interpreter"));
  }

  private static Optional<SignatureBlock> signature(JsonNode s) {
    if (s.isMissingNode() || s.isNull()) {
      return Optional.empty();
    }
    return Optional.of(new SignatureBlock(
        text(s, "algorithm"), text(s, "key_id"), text(s, "signer"), text(s, "signed_at"),
        text(s, "signature")));
  }

  private static Map<String, String> contract(JsonNode c) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  private static CachePolicy cache(JsonNode c) {
    if (c.isMissingNode() || c.isNull()) {
      return CachePolicy.DEFAULT;
    }
    CachePolicy d = CachePolicy.DEFAULT;
    return new CachePolicy(
        c.path("enabled").asBoolean(d.enabled()),
        c.path("strategy").asText(d.strategy()),
        c.path("scope").asText(d.scope()),
        c.path("ttl_seconds").asLong(d.ttlSeconds()),
        c.path("memoization_tier").asText(d.memoizationTier()));
  }

  private static List<SubgraphStep> subgraph(JsonNode s) {
    List<SubgraphStep> out = new ArrayList<>();
    int i = 0;
    for (JsonNode step : s) {
      if (step.isTextual()) {
        out.add(new SubgraphStep("step" + i, step.asText(), Map.of()));
      } else {
        Map<String, JsonNode> inputs = new LinkedHashMap<>();
        step.path("inputs").fields().forEachRemaining(e -> inputs.put(e.getKey(), e.getValue()));
        out.add(new SubgraphStep(step.path("id").asText("step" + i), text(step, "node"), inputs));
      }
      i++;
    }
    return out;
  }

  private static List<ModelProfile> profiles(JsonNode p) {
    List<ModelProfile> out = new ArrayList<>();
    for (JsonNode m : p) {
      out.add(new ModelProfile(
          text(m, "model"),
          decimal(m.get("cost_per_1k_tokens")),
          optText(m, "context_limit"),
          decimal(m.get("success_rate"))));
    }
    return out;
  }

  private static Optional<BigDecimal> decimal(JsonNode n) {
    return n == null || !n.isNumber() ? Optional.empty() : Optional.of(n.decimalValue());
  }

  private static List<TestCase> tests(JsonNode tests) {
    List<TestCase> out = new ArrayList<>();
    for (JsonNode tc : tests) {
      Optional<TestCase.ExpectedError> err = Optional.empty();
      JsonNode e = tc.get("expected_error");
      if (e != null && e.isObject()) {
        err = Optional.of(new TestCase.ExpectedError(optText(e, "code"), optText(e, "message_contains")));
      }
      out.add(new TestCase(
          text(tc, "name"),
          tc.path("input").deepCopy(),
          Optional.ofNullable(tc.get("config")).map(JsonNode::deepCopy),
          Optional.ofNullable(tc.get("expected_output")).map(JsonNode::deepCopy),
          err));
    }
    return out;
  }

  private static Map<String, JsonNode> extensions(JsonNode t) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    t.fields().forEachRemaining(e -> {
      if (e.getKey().startsWith("x-")) {
        out.put(e.getKey(), e.getValue().deepCopy());
      }
    });
    return out;
  }
}
