package io.onex.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The top-level {@code onex} command: only subcommands. */
@Command(
    name = "onex",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "ONEX: a git-native registry and execution pipeline for nodes.",
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  success",
      "  1  problems found (validation, hash lock, .tree)",
      "  2  usage error",
      "  3  environment error (unreadable file, not a repository)",
      "  4  internal error (a bug: rerun with ONEX_DEBUG=1 and report it)",
      "",
      "Documentation: docs/ in the ONEX repository; 'onex help <command>' for a command."
    },
    subcommands = {
      InitCommand.class,
      NewCommand.class,
      ValidateCommand.class,
      StampCommand.class,
      TreeCommand.class,
      RunCommand.class,
      TestCommand.class,
      CacheCommand.class,
      WhyCommand.class,
      DemoCommand.class,
      KeysCommand.class,
      SignCommand.class,
      VerifyCommand.class,
      TrustCommand.class,
      ReleaseCommand.class,
      HookCommand.class,
      HooksCommand.class,
      SyncCommand.class,
      LogCommand.class,
      ShowCommand.class,
      StoreCommand.class,
      AutoComplete.GenerateCompletion.class,
      HelpCommand.class
    })
final class OnexCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
