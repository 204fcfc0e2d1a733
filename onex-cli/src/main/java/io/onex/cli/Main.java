package io.onex.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/** Entry point of the {@code onex} command: builds the command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv()));
  }

  /** Runs {@code onex} in-process (tests call this) and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
    if (HookFastPath.applies(args)) {
      return HookFastPath.run(args, out, err, env);
    }
    CommandLine cmd = commandLine(env);
    cmd.setOut(out);
    cmd.setErr(err);
    return cmd.execute(args);
  }

  static CommandLine commandLine(Map<String, String> env) {
    CliEnvironment environment = CliEnvironment.of(env);
    CommandLine cmd = new CommandLine(new OnexCommand(), new CommandFactory(environment));
    cmd.setExitCodeExceptionMapper(new ExitCodes());
    cmd.setExecutionExceptionHandler(new ErrorPrinter(environment.debug()));
    cmd.setParameterExceptionHandler(new UsagePrinter());
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    return cmd;
  }
}
