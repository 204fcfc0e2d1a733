package io.onex.exec.executors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.onex.core.diag.OnexException;
import io.onex.core.model.NodeMetadata;
import io.onex.exec.ExecError;
import io.onex.exec.ExecStatus;
import io.onex.exec.ExecutorOutcome;
import io.onex.exec.Invocation;
import io.onex.exec.sandbox.Sandbox;
import io.onex.exec.sandbox.SandboxResult;
import io.onex.exec.sandbox.SandboxSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a process node (python, cli) once through the {@link Sandbox}: the node's directory is
 * copied, its input state is written as JSON to stdin, the environment is the sandbox
 * allowlist taken from the caller's environment plus the executor's defaults plus the node's
 * declared variables, the timeout is the invocation's. Never throws: settings the sandbox
 * refuses (a declared {@code HOME}, ...) and interruption are ERROR X015.
 */
final class ProcessRunner {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private ProcessRunner() {}

  /**
   * Runs {@code command} for the invocation's node.
   *
   * @param defaults variables the executor sets (e.g. {@code PYTHONUNBUFFERED=1}); the node's
   *     declared variables win over them
   */
  /** The environment variable that carries the config state to process nodes. */
  static final String CONFIG_VARIABLE = "ONEX_CONFIG";

  static ExecutorOutcome run(Invocation inv, List<String> command, Map<String, String> defaults) {
    SandboxSpec spec;
    try {
      Map<String, String> env = new LinkedHashMap<>(defaults);
      env.putAll(declared(inv.node().metadata(), inv.context().parentEnvironment()));
      // the config state, as compact JSON (docs/formats/executors.md); ONEX sets it, always
      env.put(CONFIG_VARIABLE, MAPPER.writeValueAsString(inv.config()));
      spec = SandboxSpec.of(command, inv.node().directory())
          .withStdin(MAPPER.writeValueAsBytes(inv.input()))
          .withEnvironment(env)
          .withParentEnvironment(inv.context().parentEnvironment())
          .withTimeout(inv.timeout())
          .withTempBase(inv.context().tempBase())
          .withClock(inv.context().clock());
    } catch (OnexException e) {
      return ProcessOutcomes.sandboxFailure(e);
    } catch (JsonProcessingException e) {
      return ExecutorOutcome.failed(ExecStatus.ERROR, ExecError.SANDBOX,
          "the input state cannot be written as JSON: " + e.getOriginalMessage(), null, "");
    }
    SandboxResult result;
    try {
      result = Sandbox.run(spec);
    } catch (OnexException e) {
      return ProcessOutcomes.sandboxFailure(e);
    }
    return ProcessOutcomes.of(result);
  }

  /**
   * The node's declared variables: {@code NAME=value} literally; a bare {@code NAME} with the
   * caller's value, and not at all when the caller has none.
   */
  static Map<String, String> declared(NodeMetadata m, Map<String, String> parent) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String decl : m.environment()) {
      int eq = decl.indexOf('=');
      if (eq > 0) {
        env.put(decl.substring(0, eq), decl.substring(eq + 1));
      } else if (parent.containsKey(decl)) {
        env.put(decl, parent.get(decl));
      }
    }
    return env;
  }
}
