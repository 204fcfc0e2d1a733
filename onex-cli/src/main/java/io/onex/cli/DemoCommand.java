package io.onex.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Show ONEX on a fresh git repository: create nodes, stamp, index and validate them,",
        "break one on purpose and show the error, fix it, and commit. Nothing outside DIR is touched."})
final class DemoCommand implements Callable<Integer> {
  private final CliEnvironment env;
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "DIR", description = "where to create the demo repository: a new or empty directory (default: a new temporary directory)")
  String dir;

  DemoCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    Path target = dir == null ? Files.createTempDirectory("onex-demo-") : env.resolve(dir);
    return new DemoScenario(env, spec.commandLine().getOut()).run(target);
  }
}
