package io.onex.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Prints a usage error in one line plus a pointer to the command's help; exit code 2. */
final class UsagePrinter implements CommandLine.IParameterExceptionHandler {
  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("onex: error ONEX-C002: " + ex.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("  fix: see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
    err.flush();
    return ExitCodes.USAGE;
  }
}
