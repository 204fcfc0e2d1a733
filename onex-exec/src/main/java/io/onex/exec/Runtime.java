package io.onex.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.onex.core.model.NodeMetadata;
import io.onex.core.record.ExecutionRecord;
import io.onex.core.record.RecordSink;
import io.onex.core.record.TraceHashes;
import io.onex.exec.contract.ContractChecker;
import io.onex.exec.contract.ContractViolation;
import io.onex.exec.record.EnvironmentProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  public Runtime(ExecutorRegistry executors, RuntimeOptions options, RecordSink sink, ExecContext.NodeResolver resolver) {
    this.executors = executors;
    this.options = options;
    this.sink = sink;
    this.resolver = resolver;
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
    ExecutorOutcome outcome = execute(node, input, config, timeout, recordId, depth);
    long durationMs = Math.max(0, Duration.between(start, options.clock().instant()).toMillis());
    ExecutionRecord record = record(node, input, config, outcome, recordId, start, durationMs, parent);
    sink.append(record);
    return new RunResult(record, outcome.output(), outcome.stderr());
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

  private ExecutionRecord record(LoadedNode node, JsonNode input, JsonNode config, ExecutorOutcome out, String recordId,
      Instant start, long durationMs, Optional<String> parent) {
    NodeMetadata m = node.metadata();
    ExecutionRecord.NodeRef ref = new ExecutionRecord.NodeRef(m.namespace(), m.name(), m.version(), node.hash());
    String inputHash = TraceHashes.state(input);
    String configHash = TraceHashes.state(config);
    Optional<String> outputHash = out.output().map(TraceHashes::state);
    String status = out.status().wireName();
    Map<String, String> interpreters = new LinkedHashMap<>();
    if (m.entrypoint().type().equals("python")) {
      String cmd = m.entrypoint().interpreter().orElse(options.pythonCommand());
      interpreters.put("python", EnvironmentProbe.version(cmd));
    }
    Optional<ExecutionRecord.ErrorInfo> error = out.errorCode().map(c -> new ExecutionRecord.ErrorInfo(c, out.errorMessage().orElse("")));
    return new ExecutionRecord(recordId, ref, inputHash, configHash, outputHash,
        TraceHashes.trace(ref, inputHash, configHash, outputHash, status, out.exitCode()),
        TraceHashes.cacheKey(ref, inputHash, configHash, declaredEnvironment(m)),
        status, out.exitCode(), error, start.toString(), durationMs, out.costUsd(), m.entrypoint().type(),
        EnvironmentProbe.of(interpreters), options.commit(), parent, Optional.empty(), Optional.empty(), Optional.empty());
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
