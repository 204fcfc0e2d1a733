package io.onex.cli;

import io.onex.core.project.TreeReport;
import io.onex.core.project.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "tree", mixinStandardHelpOptions = true,
    description = {"Generate the .tree discovery index at the repository root.",
        "With --check, verify that it lists exactly the nodes on disk (exit 1 if not)."})
final class TreeCommand implements Callable<Integer> {
  private final CliEnvironment env;
  @Spec CommandSpec spec;

  @Option(names = "--check", description = "verify without writing")
  boolean check;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE})")
  OutputFormat format;

  TreeCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    TreeReport report = Workspace.open(env.workingDirectory()).tree(check);
    Reports.print(report, format, spec.commandLine().getOut());
    return report.ok() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }
}
