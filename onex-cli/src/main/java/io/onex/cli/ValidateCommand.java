package io.onex.cli;

import io.onex.core.project.ValidationReport;
import io.onex.core.project.Workspace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Validate nodes: strict YAML, schema, rules, hash lock, .tree, URIs, and the signatures",
        "the signing policy of .onex-store/config.yaml requires (any enforce stage).",
        "Reports every problem of every file; exit 1 when any error is found."})
final class ValidateCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "node directories, node.onex.yaml files or directories to search (default: the whole repository)")
  List<String> paths = List.of();

  @Mixin FormatOption format;

  ValidateCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Workspace ws = Workspace.open(env.workingDirectory());
    ValidationReport report = io.onex.git.release.ValidationSignatures.apply(env.workingDirectory(),
        ws.validate(paths.stream().map(env::resolve).toList()), env.clock().instant());
    Reports.print(report, format.get(), format.out());
    return report.ok() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }
}
