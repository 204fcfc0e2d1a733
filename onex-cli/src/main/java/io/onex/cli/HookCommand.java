package io.onex.cli;

import io.onex.git.hooks.HookContext;
import io.onex.git.hooks.HookResult;
import io.onex.git.hooks.Hooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code onex hook <name>}: what the installed git hook scripts call. */
@Command(name = "hook", mixinStandardHelpOptions = true,
    description = {"Run one git hook's ONEX work (called by the scripts 'onex hooks install' puts in place).",
        "Exit 1 blocks the commit or push; the report says why and how to fix it."},
    subcommands = {HookCommand.PreCommitCmd.class, HookCommand.PostCommitCmd.class, HookCommand.PrePushCmd.class,
        HookCommand.RunPendingCmd.class})
final class HookCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static HookContext context(CliEnvironment env) {
    return new HookContext(env.workingDirectory(), env.env(), env.clock(), env.runtimeOptions(),
        () -> io.onex.core.project.ProjectLayout.discover(env.workingDirectory()).isInitialized()
            ? Optional.of(env.openStore()) : Optional.empty());
  }

  static int print(HookResult r, CommandSpec spec, OutputFormat format) {
    var out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      com.fasterxml.jackson.databind.node.ObjectNode o = Json.F.objectNode();
      o.put("format", "onex.hook/1");
      o.put("hook", spec.name());
      o.put("ok", !r.blocked());
      o.put("exit_code", r.blocked() ? ExitCodes.FINDINGS : ExitCodes.OK);
      com.fasterxml.jackson.databind.node.ArrayNode lines = o.putArray("lines");
      r.lines().forEach(lines::add);
      o.set("diagnostics", Json.diagnostics(r.problems()));
      out.println(Json.write(o));
    } else {
      r.lines().forEach(out::println);
    }
    out.flush();
    return r.blocked() ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  @Command(name = "pre-commit", mixinStandardHelpOptions = true,
      description = "Validate and test the staged changed nodes and their dependents; records go to the notes and the store.")
  static final class PreCommitCmd implements java.util.concurrent.Callable<Integer> {
    private final CliEnvironment env;
    @Spec CommandSpec spec;

    @picocli.CommandLine.Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
        description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    PreCommitCmd(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      return print(Hooks.preCommit(context(env)), spec, format);
    }
  }

  @Command(name = "post-commit", mixinStandardHelpOptions = true,
      description = "Write the per-commit summary note of what pre-commit ran (idempotent; catches up after a crash).")
  static final class PostCommitCmd implements java.util.concurrent.Callable<Integer> {
    private final CliEnvironment env;
    @Spec CommandSpec spec;

    @picocli.CommandLine.Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
        description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    PostCommitCmd(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      return print(Hooks.postCommit(context(env)), spec, format);
    }
  }

  @Command(name = "pre-push", mixinStandardHelpOptions = true,
      description = {"Verify the hash locks of the pushed commits (ref lines on stdin, as git passes them),",
          "run pending nodes, and push the ONEX notes to the same remote."})
  static final class PrePushCmd implements java.util.concurrent.Callable<Integer> {
    private final CliEnvironment env;
    @Spec CommandSpec spec;

    @picocli.CommandLine.Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
        description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Parameters(index = "0", arity = "0..1", paramLabel = "REMOTE",
        description = "the remote name (or URL) git passes; default: PRE_COMMIT_REMOTE_NAME, else origin")
    String remote;

    @Parameters(index = "1", arity = "0..1", paramLabel = "URL", description = "the remote URL git passes")
    String url;

    PrePushCmd(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() throws IOException {
      return print(Hooks.prePush(context(env), remote(remote, env.env()), input(env.env())), spec, format);
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
  static final class RunPendingCmd implements java.util.concurrent.Callable<Integer> {
    private final CliEnvironment env;
    @Spec CommandSpec spec;

    @picocli.CommandLine.Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
        description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    RunPendingCmd(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      return print(Hooks.runPending(context(env)), spec, format);
    }
  }

}
