package io.onex.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.onex.core.model.NodeMetadata;
import io.onex.core.record.ExecutionRecord;
import io.onex.core.record.RecordSink;
import io.onex.core.record.TraceHashes;
import io.onex.exec.contract.ContractChecker;
import io.onex.exec.contract.ContractViolation;
import io.onex.core.model.CachePolicy;
import io.onex.exec.cache.CacheKeys;
import io.onex.exec.cache.Memoizer;
import io.onex.exec.record.EnvironmentProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs nodes under contract: input contract → executor (looked up by entrypoint type) →
 * output contract → execution record (hashes, status, timings, environment) → record sink.
 * Every run yields exactly one record, whatever happens; composite children yield one each,
 * naming the composite as parent. The runtime never throws for node misbehaviour.
 */
public final class Runtime {
  /** Composite nesting cap: deeper is reported as ONEX-X012 (it is almost surely a cycle). */
  public static final int MAX_DEPTH = 16;

  private final ExecutorRegistry executors;
  private final RuntimeOptions options;
  private final RecordSink sink;
  private final ExecContext.NodeResolver resolver;
  private final Memoizer memo;
  /** Composite runs in flight, by record id: their cache key and tier, for their children. */
  private final Map<String, Frame> frames = new ConcurrentHashMap<>();

  private record Frame(String key, String tier) {}

  public Runtime(ExecutorRegistry executors, RuntimeOptions options, RecordSink sink, ExecContext.NodeResolver resolver) {
    this(executors, options, sink, resolver, Memoizer.disabled());
  }

  /** A runtime that memoizes through {@code memo} (docs/formats/cache.md). */
  public Runtime(ExecutorRegistry executors, RuntimeOptions options, RecordSink sink, ExecContext.NodeResolver resolver,
      Memoizer memo) {
    this.executors = executors;
    this.options = options;
    this.sink = sink;
    this.resolver = resolver;
    this.memo = memo;
  }

  /** Runs {@code node} on {@code input} and {@code config} (JSON objects) with its own or the default timeout. */
  public RunResult run(LoadedNode node, JsonNode input, JsonNode config) {
    return run(node, input, config, Optional.empty(), Optional.empty(), 0);
  }

  /** As {@link #run(LoadedNode, JsonNode, JsonNode)} with an explicit timeout. */
  public RunResult run(LoadedNode node, JsonNode input, JsonNode config, Duration timeout) {
    return run(node, input, config, Optional.of(timeout), Optional.empty(), 0);
  }

  private RunResult run(LoadedNode node, JsonNode input, JsonNode config, Optional<Duration> timeoutOverride,
      Optional<String> parent, int depth) {
    NodeMetadata m = node.metadata();
    String recordId = options.recordIds().get();
    Instant start = options.clock().instant();
    Duration timeout = timeoutOverride.orElse(m.timeoutSeconds().map(s -> Duration.ofSeconds(s)).orElse(options.defaultTimeout()));
    String inputHash = TraceHashes.state(input);
    String configHash = TraceHashes.state(config);
    Optional<Frame> frame = parent.map(frames::get);
    String key = cacheKey(node, inputHash, configHash, frame);
    if (lookupAllowed(m.cache(), frame)) {
      Optional<Memoizer.Hit> hit = memo.lookup(m.cache(), key);
      if (hit.isPresent()) {
        ExecutionRecord record = cached(node, hit.get().producer(), inputHash, configHash, key, recordId, start, parent);
        sink.append(record);
        return new RunResult(record, Optional.of(hit.get().output()), "");
      }
    }
    if (m.entrypoint().type().equals("composite")) {
      frames.put(recordId, new Frame(key, m.cache().memoizationTier()));
    }
    ExecutorOutcome outcome;
    memo.pause();
    try {
      outcome = execute(node, input, config, timeout, recordId, depth);
    } finally {
      frames.remove(recordId);
    }
    long durationMs = Math.max(0, Duration.between(start, options.clock().instant()).toMillis());
    ExecutionRecord record = record(node, inputHash, configHash, key, outcome, recordId, start, durationMs, parent);
    memo.remember(m.cache(), record, outcome.output());
    sink.append(record);
    return new RunResult(record, outcome.output(), outcome.stderr());
  }

  /** The effective cache key: leaf or Merkle key, scoped to the enclosing composite for scope composite. */
  private String cacheKey(LoadedNode node, String inputHash, String configHash, Optional<Frame> frame) {
    String key = CacheKeys.key(node, inputHash, configHash, this::declaredEnvironment, resolver);
    if (frame.isPresent() && node.metadata().cache().scope().equals("composite")) {
      return CacheKeys.scoped(frame.get().key(), key);
    }
    return key;
  }

  /** Top level: always; in a deep composite: always; in a shallow composite: only scope global. */
  private static boolean lookupAllowed(CachePolicy policy, Optional<Frame> frame) {
    return frame.isEmpty() || frame.get().tier().equals("deep") || policy.scope().equals("global");
  }

  /**
   * The record of a cache hit: the producer's output and trace hashes, no error, no duration,
   * no interpreter (none ran).
   */
  private ExecutionRecord cached(LoadedNode node, io.onex.store.CacheHit producer, String inputHash, String configHash, String key,
      String recordId, Instant start, Optional<String> parent) {
    return new ExecutionRecord(recordId, CacheKeys.ref(node), inputHash, configHash, producer.outputHash(),
        producer.traceHash(), key, ExecStatus.CACHED.wireName(), producer.exitCode(), Optional.empty(), start.toString(),
        0, Optional.of(java.math.BigDecimal.ZERO), "cache", EnvironmentProbe.of(Map.of()), options.commit(), parent,
        Optional.of(producer.recordId()), Optional.empty(), Optional.empty());
  }

  private ExecutorOutcome execute(LoadedNode node, JsonNode input, JsonNode config, Duration timeout, String recordId, int depth) {
    if (depth > MAX_DEPTH) {
      return ExecutorOutcome.failed(ExecStatus.ERROR, ExecError.COMPOSITE_DEPTH,
          "composite nesting deeper than " + MAX_DEPTH + " at " + node.metadata().coordinates(), null, "");
    }
    List<ContractViolation> in = ContractChecker.check(node, input, ContractChecker.Direction.INPUT);
    if (!in.isEmpty()) {
      return ExecutorOutcome.failed(ExecStatus.FAILURE, ExecError.INPUT_CONTRACT, describe(in), null, "");
    }
    String type = node.metadata().entrypoint().type();
    Optional<Executor> executor = executors.find(type);
    if (executor.isEmpty()) {
      return ExecutorOutcome.failed(ExecStatus.ERROR, ExecError.UNSUPPORTED_EXECUTOR,
          "entrypoint type '" + type + "' is not supported here", null, "");
    }
    ExecContext ctx = new ExecContext(options.clock(), options.parentEnvironment(), options.tempBase(),
        options.pythonCommand(), options.defaultTimeout(), resolver,
        (child, childInput, childConfig, parentId, childDepth) ->
            run(child, childInput, childConfig, Optional.empty(), Optional.of(parentId), childDepth));
    ExecutorOutcome out = executor.get().execute(new Invocation(node, input, config, timeout, ctx, recordId, depth));
    if (out.status() == ExecStatus.SUCCESS && out.output().isPresent()) {
      List<ContractViolation> violations = ContractChecker.check(node, out.output().get(), ContractChecker.Direction.OUTPUT);
      if (!violations.isEmpty()) {
        return new ExecutorOutcome(ExecStatus.FAILURE, out.output(), out.exitCode(), Optional.of(ExecError.OUTPUT_CONTRACT.id()),
            Optional.of(describe(violations)), out.stderr(), out.costUsd());
      }
    }
    return out;
  }

  private ExecutionRecord record(LoadedNode node, String inputHash, String configHash, String key, ExecutorOutcome out,
      String recordId, Instant start, long durationMs, Optional<String> parent) {
    NodeMetadata m = node.metadata();
    ExecutionRecord.NodeRef ref = CacheKeys.ref(node);
    Optional<String> outputHash = out.output().map(TraceHashes::state);
    String status = out.status().wireName();
    Optional<ExecutionRecord.ErrorInfo> error = out.errorCode().map(c -> new ExecutionRecord.ErrorInfo(c, out.errorMessage().orElse("")));
    return new ExecutionRecord(recordId, ref, inputHash, configHash, outputHash,
        TraceHashes.trace(ref, inputHash, configHash, outputHash, status, out.exitCode()), key,
        status, out.exitCode(), error, start.toString(), durationMs, out.costUsd(), m.entrypoint().type(),
        environment(m), options.commit(), parent, Optional.empty(), Optional.empty(), Optional.empty());
  }

  private ExecutionRecord.Environment environment(NodeMetadata m) {
    Map<String, String> interpreters = new LinkedHashMap<>();
    if (m.entrypoint().type().equals("python")) {
      String cmd = m.entrypoint().interpreter().orElse(options.pythonCommand());
      interpreters.put("python", EnvironmentProbe.version(cmd));
    }
    return EnvironmentProbe.of(interpreters);
  }

  /** The node's declared variables with their values: {@code NAME=value} literally, {@code NAME} from the caller. */
  public Map<String, String> declaredEnvironment(NodeMetadata m) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String decl : m.environment()) {
      int eq = decl.indexOf('=');
      if (eq > 0) {
        env.put(decl.substring(0, eq), decl.substring(eq + 1));
      } else {
        env.put(decl, options.parentEnvironment().getOrDefault(decl, ""));
      }
    }
    return env;
  }

  private static String describe(List<ContractViolation> violations) {
    StringBuilder sb = new StringBuilder();
    for (ContractViolation v : violations) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(v.path()).append(": ").append(v.message());
    }
    return sb.toString();
  }

  /** An empty JSON object, the default config. */
  public static JsonNode emptyObject() {
    return JsonNodeFactory.instance.objectNode();
  }
}
