package io.onex.core.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One execution of one node (record_version 1; schema {@code execution-record.schema.json},
 * docs/formats/execution-record.md). Immutable; {@link #toJson()} writes every key, absent
 * values as null, exactly as the schema requires.
 */
public record ExecutionRecord(
    String recordId,
    NodeRef node,
    String inputHash,
    String configHash,
    Optional<String> outputHash,
    String traceHash,
    String cacheKey,
    String status,
    Optional<Integer> exitCode,
    Optional<ErrorInfo> error,
    String startedAt,
    long durationMs,
    Optional<BigDecimal> costUsd,
    String executor,
    Environment environment,
    Optional<String> commit,
    Optional<String> parentRecordId,
    Optional<String> cachedFrom,
    Optional<BigDecimal> trustBefore,
    Optional<BigDecimal> trustAfter) {

  public static final String RECORD_VERSION = "1";

  /** The node as the record names it: namespace (its id), name, version and hash lock. */
  public record NodeRef(String id, String name, String version, String hash) {}

  /** Why an execution did not succeed. */
  public record ErrorInfo(String code, String message) {}

  /** Where it ran: OS, architecture, JDK and the interpreters the node used. */
  public record Environment(String os, String arch, String jdk, Map<String, String> interpreters) {
    public Environment {
      interpreters = Map.copyOf(interpreters);
    }
  }

  public JsonNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = f.objectNode();
    o.put("record_version", RECORD_VERSION);
    o.put("record_id", recordId);
    ObjectNode n = o.putObject("node");
    n.put("id", node.id());
    n.put("name", node.name());
    n.put("version", node.version());
    n.put("hash", node.hash());
    o.put("input_hash", inputHash);
    o.put("config_hash", configHash);
    o.put("output_hash", outputHash.orElse(null));
    o.put("trace_hash", traceHash);
    o.put("cache_key", cacheKey);
    o.put("status", status);
    if (exitCode.isPresent()) {
      o.put("exit_code", exitCode.get());
    } else {
      o.putNull("exit_code");
    }
    if (error.isPresent()) {
      ObjectNode e = o.putObject("error");
      e.put("code", error.get().code());
      e.put("message", error.get().message());
    } else {
      o.putNull("error");
    }
    o.put("started_at", startedAt);
    o.put("duration_ms", durationMs);
    o.put("cost_usd", costUsd.orElse(null));
    o.put("executor", executor);
    ObjectNode env = o.putObject("environment");
    env.put("os", environment.os());
    env.put("arch", environment.arch());
    env.put("jdk", environment.jdk());
    ObjectNode interp = env.putObject("interpreters");
    new TreeMap<>(environment.interpreters()).forEach(interp::put);
    o.put("commit", commit.orElse(null));
    o.put("parent_record_id", parentRecordId.orElse(null));
    o.put("cached_from", cachedFrom.orElse(null));
    o.put("trust_before", trustBefore.orElse(null));
    o.put("trust_after", trustAfter.orElse(null));
    return o;
  }
}
