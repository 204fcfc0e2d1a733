package io.onex.exec.executors;

import io.onex.exec.Executor;
import io.onex.exec.ExecutorOutcome;
import io.onex.exec.Invocation;

/**
 * {@code noop}: the output state is the input state, or, when {@code x-noop-output} is
 * declared in the metadata, that constant. Runs no process: useful for wiring and tests.
 */
public final class NoopExecutor implements Executor {
  @Override
  public String type() {
    return "noop";
  }

  @Override
  public ExecutorOutcome execute(Invocation inv) {
    var constant = inv.node().metadata().extensions().get("x-noop-output");
    return ExecutorOutcome.success(constant != null ? constant.deepCopy() : inv.input().deepCopy(), null, "");
  }
}
