package io.onex.cli;

import io.onex.git.hooks.HookContext;
import io.onex.git.hooks.HookResult;
import io.onex.git.hooks.Hooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code onex hook <name>}: what the installed git hook scripts call. */
@Command(name = "hook", mixinStandardHelpOptions = true,
    description = {"Run one git hook's ONEX work (called by the scripts 'onex hooks install' puts in place).",
        "Exit 1 blocks the commit or push; the report says why and how to fix it."},
    subcommands = {HookCommand.PreCommitCmd.class, HookCommand.PostCommitCmd.class, HookCommand.PrePushCmd.class,
        HookCommand.RunPendingCmd.class})
final class HookCommand implements Runnable {
  private final CliEnvironment env;
  @Spec CommandSpec spec;

  HookCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static HookContext context(CliEnvironment env) {
    return new HookContext(env.workingDirectory(), env.env(), env.clock(), env.runtimeOptions(),
        () -> io.onex.core.project.ProjectLayout.discover(env.workingDirectory()).isInitialized()
            ? Optional.of(env.openStore()) : Optional.empty());
  }

  /**
   * What every hook subcommand shares: the environment (from the parent command), --format, and
   * the report (the lines as text, or an {@code onex.hook/1} object); exit 1 when the hook blocks.
   */
  abstract static class HookRun implements java.util.concurrent.Callable<Integer> {
    private final java.util.function.Function<HookContext, HookResult> work;
    @ParentCommand HookCommand parent;
    @Mixin FormatOption format;

    HookRun(java.util.function.Function<HookContext, HookResult> work) {
      this.work = work;
    }

    /** The hook's work. */
    HookResult run(HookContext context, CliEnvironment env) throws IOException {
      return work.apply(context);
    }

    @Override
    public Integer call() throws IOException {
      HookResult r = run(context(parent.env), parent.env);
      int exit = r.blocked() ? ExitCodes.FINDINGS : ExitCodes.OK;
      format.print("onex.hook/1", o -> {
        o.put("hook", format.commandName());
        o.put("ok", !r.blocked());
        o.put("exit_code", exit);
        o.set("lines", Json.strings(r.lines()));
        o.set("diagnostics", Json.diagnostics(r.problems()));
      }, out -> r.lines().forEach(out::println));
      format.out().flush();
      return exit;
    }
  }

  @Command(name = "pre-commit", mixinStandardHelpOptions = true,
      description = "Validate and test the staged changed nodes and their dependents; records go to the notes and the store.")
  static final class PreCommitCmd extends HookRun { PreCommitCmd() { super(Hooks::preCommit); } }

  @Command(name = "post-commit", mixinStandardHelpOptions = true,
      description = "Write the per-commit summary note of what pre-commit ran (idempotent; catches up after a crash).")
  static final class PostCommitCmd extends HookRun { PostCommitCmd() { super(Hooks::postCommit); } }

  @Command(name = "pre-push", mixinStandardHelpOptions = true,
      description = {"Verify the hash locks of the pushed commits (ref lines on stdin, as git passes them),",
          "run pending nodes, and push the ONEX notes to the same remote."})
  static final class PrePushCmd extends HookRun {
    @Parameters(index = "0", arity = "0..1", paramLabel = "REMOTE",
        description = "the remote name (or URL) git passes; default: PRE_COMMIT_REMOTE_NAME, else origin")
    String remote;

    @Parameters(index = "1", arity = "0..1", paramLabel = "URL", description = "the remote URL git passes")
    String url;

    PrePushCmd() {
      super(null);
    }

    @Override
    HookResult run(HookContext context, CliEnvironment env) throws IOException {
      return Hooks.prePush(context, remote(remote, env.env()), input(env.env()));
    }

    /** The remote git passed, else the pre-commit framework's, else origin. */
    static String remote(String given, Map<String, String> e) {
      return given != null ? given : e.getOrDefault("PRE_COMMIT_REMOTE_NAME", "origin");
    }

    /** git's ref lines from stdin, or the pre-commit framework's range (it passes no stdin). */
    static String input(Map<String, String> e) throws IOException {
      String to = e.get("PRE_COMMIT_TO_REF");
      if (to != null && !to.isEmpty()) {
        String from = e.getOrDefault("PRE_COMMIT_FROM_REF", "");
        return "HEAD " + to + " " + (e.getOrDefault("PRE_COMMIT_REMOTE_BRANCH", "HEAD")) + " "
            + (from.isEmpty() ? "0".repeat(40) : from) + "\n";
      }
      return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Command(name = "run-pending", mixinStandardHelpOptions = true,
      description = "Run the nodes that hooks.budget_ms moved out of the commit path (as committed at HEAD).")
  static final class RunPendingCmd extends HookRun { RunPendingCmd() { super(Hooks::runPending); } }
}
