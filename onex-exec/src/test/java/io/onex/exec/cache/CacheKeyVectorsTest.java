package io.onex.exec.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.hash.Sha256;
import io.onex.core.model.NodeMetadata;
import io.onex.core.model.NodeMetadataReader;
import io.onex.core.record.TraceHashes;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlLimits;
import io.onex.exec.LoadedNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vectors under {@code vectors/cache-key/}: per case, node metadata ({@code nodes/*.yaml}) with
 * fixed hash locks ({@code hashes.json}), input, config and caller environment, the documented
 * pre-image ({@code preimage.json}, and {@code static_preimages.json} for composites) and the
 * expected key ({@code key.txt}). The key must equal both SHA-256 of the canonical pre-image and
 * what {@link CacheKeys} computes, so docs/formats/cache.md and the code cannot drift apart.
 */
class CacheKeyVectorsTest {
  static Stream<Path> cases() throws Exception {
    Path root = Path.of(CacheKeyVectorsTest.class.getResource("/vectors/cache-key").toURI());
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  private static JsonNode json(Path f) throws Exception {
    return CanonicalJson.parse(Files.readString(f, StandardCharsets.UTF_8));
  }

  private static String hash(JsonNode n) {
    return Sha256.hex(CanonicalJson.canonicalize(n));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void key_matchesPreimageAndImplementation(Path dir) throws Exception {
    String expected = Files.readString(dir.resolve("key.txt"), StandardCharsets.UTF_8).strip();
    JsonNode pre = json(dir.resolve("preimage.json"));
    assertEquals(expected, hash(pre), "key.txt is SHA-256 of the canonical preimage.json");
    if (Files.exists(dir.resolve("static_preimages.json"))) {
      List<String> statics = new java.util.ArrayList<>();
      json(dir.resolve("static_preimages.json")).elements().forEachRemaining(p -> statics.add(hash(p)));
      List<String> inPre = new java.util.ArrayList<>();
      pre.get("children").forEach(c -> inPre.add(c.get("static_key").asText()));
      assertEquals(statics, inPre, "children's static keys are the hashes of static_preimages.json");
    }
    JsonNode hashes = json(dir.resolve("hashes.json"));
    Map<String, LoadedNode> byUri = new HashMap<>();
    Map<String, LoadedNode> byName = new LinkedHashMap<>();
    try (Stream<Path> s = Files.list(dir.resolve("nodes"))) {
      for (Path y : s.sorted().toList()) {
        NodeMetadata m = NodeMetadataReader.read(StrictYaml.loadMapping(y, y.getFileName().toString(), YamlLimits.DEFAULT).root());
        LoadedNode n = new LoadedNode(m, dir, hashes.get(m.name()).asText());
        byUri.put("tool://" + m.namespace() + "@" + m.version(), n);
        byName.put(m.name(), n);
      }
    }
    Map<String, String> callerEnv = new HashMap<>();
    json(dir.resolve("environment.json")).fields().forEachRemaining(e -> callerEnv.put(e.getKey(), e.getValue().asText()));
    LoadedNode node = byName.get(Files.readString(dir.resolve("node.txt"), StandardCharsets.UTF_8).strip());
    String key = CacheKeys.key(node, TraceHashes.state(json(dir.resolve("input.json"))),
        TraceHashes.state(json(dir.resolve("config.json"))), m -> declared(m, callerEnv), u -> Optional.ofNullable(byUri.get(u)));
    assertEquals(expected, key);
    assertTrue(expected.matches("[0-9a-f]{64}"));
  }

  /** The runtime's rule: {@code NAME=value} literally, bare {@code NAME} from the caller ("" when unset). */
  private static Map<String, String> declared(NodeMetadata m, Map<String, String> caller) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String d : m.environment()) {
      int eq = d.indexOf('=');
      if (eq > 0) {
        env.put(d.substring(0, eq), d.substring(eq + 1));
      } else {
        env.put(d, caller.getOrDefault(d, ""));
      }
    }
    return env;
  }
}
