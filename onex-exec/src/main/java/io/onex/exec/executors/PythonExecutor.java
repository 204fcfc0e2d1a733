package io.onex.exec.executors;

import io.onex.core.model.Entrypoint;
import io.onex.exec.ExecError;
import io.onex.exec.ExecStatus;
import io.onex.exec.Executor;
import io.onex.exec.ExecutorOutcome;
import io.onex.exec.Invocation;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code python}: runs {@code <interpreter> <target> <args...>} in the sandbox, in a copy of
 * the node directory. The interpreter is {@code entrypoint.interpreter}, else the context's
 * python command ({@code python3}), looked up on the sandbox PATH. The input state is JSON on
 * stdin, the output state the one JSON object on stdout, logs go to stderr.
 * {@code PYTHONDONTWRITEBYTECODE=1} and {@code PYTHONUNBUFFERED=1} are set unless the node
 * declares otherwise. Protocol and status mapping: docs/formats/executors.md.
 */
public final class PythonExecutor implements Executor {
  /** Variables set for every python node (its declared variables override them). */
  public static final Map<String, String> DEFAULT_ENVIRONMENT =
      Map.of("PYTHONDONTWRITEBYTECODE", "1", "PYTHONUNBUFFERED", "1");

  @Override
  public String type() {
    return "python";
  }

  @Override
  public ExecutorOutcome execute(Invocation inv) {
    Entrypoint ep = inv.node().metadata().entrypoint();
    if (!isNodeFile(inv.node().directory(), ep.target())) {
      return ExecutorOutcome.failed(ExecStatus.ERROR, ExecError.START_FAILED,
          "entrypoint.target '" + ep.target() + "' is not a file of the node directory "
              + inv.node().directory(), null, "");
    }
    List<String> command = new ArrayList<>();
    command.add(ep.interpreter().orElse(inv.context().pythonCommand()));
    command.add(ep.target());
    command.addAll(ep.args());
    return ProcessRunner.run(inv, command, DEFAULT_ENVIRONMENT);
  }

  private static boolean isNodeFile(Path dir, String target) {
    try {
      return Files.isRegularFile(dir.resolve(target));
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
