package io.onex.exec.executors;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.model.SubgraphStep;
import io.onex.core.record.ExecutionRecord;
import io.onex.exec.ExecError;
import io.onex.exec.ExecStatus;
import io.onex.exec.Executor;
import io.onex.exec.ExecutorOutcome;
import io.onex.exec.Invocation;
import io.onex.exec.LoadedNode;
import io.onex.exec.RunResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code composite}: runs the steps of {@code subgraph} in order, each through the runtime
 * ({@link io.onex.exec.ExecContext.ChildRunner}), so that every child gets its own contract
 * checks and its own record whose parent is this composite's record. Runs no process itself.
 *
 * <p>Rules (docs/formats/executors.md): every step's URI is resolved before anything runs
 * (ERROR X013 when one does not resolve); inputs are wired by {@link CompositeWiring} (FAILURE
 * X014 for a reference to nothing); every child gets the composite's config; the first child
 * that does not succeed stops the run (FAILURE X011 naming the step and the child's code,
 * with the child's stderr); the output is the last step's output (the input when the
 * subgraph is empty). The cost is the sum of the direct children's reported costs. Nesting
 * depth and cycles are bounded by the runtime (X012).
 */
public final class CompositeExecutor implements Executor {
  @Override
  public String type() {
    return "composite";
  }

  @Override
  public ExecutorOutcome execute(Invocation inv) {
    List<SubgraphStep> steps = inv.node().metadata().subgraph();
    List<LoadedNode> children = new ArrayList<>();
    for (SubgraphStep step : steps) {
      Optional<LoadedNode> child = inv.context().resolver().resolve(step.node());
      if (child.isEmpty()) {
        return ExecutorOutcome.failed(ExecStatus.ERROR, ExecError.UNRESOLVED_CHILD,
            "step '" + step.id() + "': " + step.node() + " does not resolve to a runnable node", null, "");
      }
      children.add(child.get());
    }
    Map<String, JsonNode> outputs = new HashMap<>();
    CompositeWiring wiring = new CompositeWiring(inv.input(), steps, outputs);
    JsonNode current = inv.input();
    BigDecimal cost = null;
    for (int i = 0; i < steps.size(); i++) {
      SubgraphStep step = steps.get(i);
      JsonNode input;
      try {
        input = wiring.inputOf(step, current);
      } catch (CompositeWiring.Missing e) {
        return ExecutorOutcome.failed(ExecStatus.FAILURE, ExecError.WIRING, e.getMessage(), null, "")
            .withCost(cost);
      }
      RunResult r = inv.context().children().run(children.get(i), input, inv.config(), inv.recordId(), inv.depth() + 1);
      cost = add(cost, r.record().costUsd());
      if (!r.succeeded() || r.output().isEmpty()) {
        return ExecutorOutcome.failed(ExecStatus.FAILURE, ExecError.CHILD_FAILED, childFailure(step, r.record()),
            null, r.stderr()).withCost(cost);
      }
      current = r.output().get();
      outputs.put(step.id(), current);
    }
    return ExecutorOutcome.success(current.deepCopy(), null, "").withCost(cost);
  }

  private static String childFailure(SubgraphStep step, ExecutionRecord child) {
    String why = child.error().map(e -> e.code() + ": " + e.message()).orElse("no output");
    return "step '" + step.id() + "' (" + step.node() + ") ended with status " + child.status() + ", " + why;
  }

  private static BigDecimal add(BigDecimal sum, Optional<BigDecimal> more) {
    if (more.isEmpty()) {
      return sum;
    }
    return sum == null ? more.get() : sum.add(more.get());
  }
}
