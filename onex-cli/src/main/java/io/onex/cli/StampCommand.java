package io.onex.cli;

import io.onex.core.project.StampReport;
import io.onex.core.project.Workspace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "stamp", mixinStandardHelpOptions = true,
    description = {"Write hash locks of nodes and OmniNode:Metadata blocks of files.",
        "A node directory (or its node.onex.yaml) gets its hash lock recomputed; a Markdown, Python,",
        "YAML, shell or Java file gets its metadata block. Only the hash and last_modified_at change.",
        "With --check nothing is written and exit 1 reports a stale lock or block."})
final class StampCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "nodes, files or directories (default: every node of the repository)")
  List<String> paths = List.of();

  @Option(names = "--check", description = "verify without writing")
  boolean check;

  @Mixin FormatOption format;

  StampCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Workspace ws = Workspace.open(env.workingDirectory());
    StampReport report = ws.stamp(paths.stream().map(env::resolve).toList(), check, env.clock(), env.author());
    Reports.print(report, check, format.get(), format.out());
    return report.ok() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }
}
