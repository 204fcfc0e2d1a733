package io.onex.cli;

import io.onex.core.project.NodeScaffold;
import io.onex.core.project.ProjectLayout;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "new", mixinStandardHelpOptions = true,
    description = "Create a valid, hash-locked node skeleton with a state contract and one test case.")
final class NewCommand implements Callable<Integer> {
  private final CliEnvironment env;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "node name: lowercase letters, digits and _")
  String name;

  @Option(names = "--type", defaultValue = "python", paramLabel = "TYPE",
      description = "executor: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  NodeScaffold.Kind type;

  @Option(names = "--dir", paramLabel = "DIR", description = "parent directory (default: the current one)")
  String dir;

  @Option(names = "--namespace-prefix", defaultValue = "onex.nodes", paramLabel = "PREFIX",
      description = "namespace prefix (default: ${DEFAULT-VALUE})")
  String prefix;

  NewCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Path parent = dir == null ? env.workingDirectory() : env.resolve(dir);
    Path node = NodeScaffold.create(parent, name, type,
        new NodeScaffold.Context(env.author(), prefix, env.clock(), UUID::randomUUID));
    ProjectLayout layout = ProjectLayout.discover(parent);
    var out = spec.commandLine().getOut();
    out.println("created node " + layout.relativize(node) + " (" + type.name().toLowerCase(java.util.Locale.ROOT) + ")");
    out.println("next: edit it, then 'onex stamp " + layout.relativize(node) + "', 'onex tree' and 'onex validate'");
    return ExitCodes.OK;
  }
}
