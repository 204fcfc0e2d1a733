package io.onex.core.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.hash.Sha256;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The content hashes of an execution (docs/formats/execution-record.md). All are SHA-256 over
 * RFC 8785 canonical JSON, so they are identical on every machine for the same content:
 *
 * <ul>
 *   <li>state hash: of the state object itself (input, config, output);
 *   <li>trace_hash: of {@code {node_id, version, node_hash, input_hash, config_hash,
 *       output_hash, exit_state: {status, exit_code}}} — no timestamps, no machine facts;
 *   <li>cache_key: of {@code {node_id, version, node_hash, input_hash, config_hash,
 *       environment}} where environment maps each declared variable to its value.
 * </ul>
 */
public final class TraceHashes {
  private TraceHashes() {}

  public static String state(JsonNode state) {
    return Sha256.hex(CanonicalJson.canonicalize(state));
  }

  public static String trace(ExecutionRecord.NodeRef node, String inputHash, String configHash,
      Optional<String> outputHash, String status, Optional<Integer> exitCode) {
    ObjectNode o = base(node, inputHash, configHash);
    o.put("output_hash", outputHash.orElse(null));
    ObjectNode exit = o.putObject("exit_state");
    exit.put("status", status);
    if (exitCode.isPresent()) {
      exit.put("exit_code", exitCode.get());
    } else {
      exit.putNull("exit_code");
    }
    return Sha256.hex(CanonicalJson.canonicalize(o));
  }

  public static String cacheKey(ExecutionRecord.NodeRef node, String inputHash, String configHash,
      Map<String, String> declaredEnvironment) {
    ObjectNode o = base(node, inputHash, configHash);
    ObjectNode env = o.putObject("environment");
    new TreeMap<>(declaredEnvironment).forEach(env::put);
    return Sha256.hex(CanonicalJson.canonicalize(o));
  }

  private static ObjectNode base(ExecutionRecord.NodeRef node, String inputHash, String configHash) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("node_id", node.id());
    o.put("version", node.version());
    o.put("node_hash", node.hash());
    o.put("input_hash", inputHash);
    o.put("config_hash", configHash);
    return o;
  }
}
