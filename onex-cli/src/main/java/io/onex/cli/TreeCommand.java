package io.onex.cli;

import io.onex.core.project.TreeReport;
import io.onex.core.project.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "tree", mixinStandardHelpOptions = true,
    description = {"Generate the .tree discovery index at the repository root.",
        "With --check, verify that it lists exactly the nodes on disk (exit 1 if not)."})
final class TreeCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Option(names = "--check", description = "verify without writing")
  boolean check;

  @Mixin FormatOption format;

  TreeCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    TreeReport report = Workspace.open(env.workingDirectory()).tree(check);
    Reports.print(report, format.get(), format.out());
    return report.ok() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }
}
