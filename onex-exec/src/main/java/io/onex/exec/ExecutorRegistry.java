package io.onex.exec;

import io.onex.exec.executors.CliExecutor;
import io.onex.exec.executors.CompositeExecutor;
import io.onex.exec.executors.NoopExecutor;
import io.onex.exec.executors.PythonExecutor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The executors by entrypoint type. Open: later types register here, no switch to edit. */
public final class ExecutorRegistry {
  private final Map<String, Executor> byType = new LinkedHashMap<>();

  /** The executors this version of ONEX ships. */
  public static ExecutorRegistry standard() {
    ExecutorRegistry r = new ExecutorRegistry();
    r.register(new NoopExecutor());
    r.register(new PythonExecutor());
    r.register(new CliExecutor());
    r.register(new CompositeExecutor());
    r.register(new io.onex.exec.executors.JavaExecutor());
    return r;
  }

  public ExecutorRegistry register(Executor executor) {
    byType.put(executor.type(), executor);
    return this;
  }

  public Optional<Executor> find(String type) {
    return Optional.ofNullable(byType.get(type));
  }
}
