package io.onex.exec.executors;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.model.Entrypoint;
import io.onex.exec.ExecError;
import io.onex.exec.ExecStatus;
import io.onex.exec.Executor;
import io.onex.exec.ExecutorOutcome;
import io.onex.exec.Invocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cli}: runs the executable {@code entrypoint.target} of the node (a copy of it, in the
 * sandbox) with {@code entrypoint.args}. The input state is JSON on stdin; in addition, an
 * argument that is exactly {@code {input}} or {@code {input.<dotted path>}} is replaced by the
 * value at that path of the input state (a string as is, any other value as compact JSON), so
 * that tools taking arguments can be wrapped. An argument naming a value the input lacks is
 * FAILURE X002 and nothing runs. The output state is the one JSON object on stdout.
 */
public final class CliExecutor implements Executor {
  /** An argument that is replaced by a value of the input state. */
  public static final Pattern INPUT_ARGUMENT = Pattern.compile("\\{input(?:\\.([^{}]+))?\\}");

  @Override
  public String type() {
    return "cli";
  }

  @Override
  public ExecutorOutcome execute(Invocation inv) {
    Entrypoint ep = inv.node().metadata().entrypoint();
    List<String> command = new ArrayList<>();
    command.add(ep.target().indexOf('/') >= 0 ? ep.target() : "./" + ep.target());
    for (String arg : ep.args()) {
      Matcher m = INPUT_ARGUMENT.matcher(arg);
      if (!m.matches()) {
        command.add(arg);
        continue;
      }
      String path = m.group(1) == null ? "" : m.group(1);
      Optional<JsonNode> value = ProcessStatePath.lookup(inv.input(), path);
      if (value.isEmpty()) {
        return ExecutorOutcome.failed(ExecStatus.FAILURE, ExecError.INPUT_CONTRACT,
            "entrypoint argument " + arg + " names '" + path + "', which the input state does not have", null, "");
      }
      command.add(value.get().isTextual() ? value.get().asText() : value.get().toString());
    }
    return ProcessRunner.run(inv, command, Map.of());
  }
}
