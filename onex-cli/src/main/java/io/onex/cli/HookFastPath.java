package io.onex.cli;

import io.onex.git.hooks.HookContext;
import io.onex.git.hooks.HookResult;
import io.onex.git.hooks.Hooks;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;

/**
 * {@code onex hook <name> [remote [url]]} exactly as the installed hook scripts call it, run
 * without building picocli's command tree (which loads and reflects over every command class:
 * a large share of a hook JVM's start-up, docs/formats/hooks.md "Hook JVM"). Any other form
 * (options such as {@code --format json} or {@code --help}) goes through picocli as usual; the
 * output, exit codes and error reports are the same as {@link HookCommand}'s text mode.
 */
final class HookFastPath {
  private static final Set<String> NAMES = Set.of("pre-commit", "post-commit", "pre-push", "run-pending");

  private HookFastPath() {}

  static boolean applies(String[] args) {
    if (args.length < 2 || !args[0].equals("hook") || !NAMES.contains(args[1])) {
      return false;
    }
    if (args.length > (args[1].equals("pre-push") ? 4 : 2)) {
      return false;
    }
    for (int i = 2; i < args.length; i++) {
      if (args[i].startsWith("-")) {
        return false;
      }
    }
    return true;
  }

  static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
    CliEnvironment e = CliEnvironment.of(env);
    try {
      HookContext ctx = HookCommand.context(e);
      HookResult r = switch (args[1]) {
        case "pre-commit" -> Hooks.preCommit(ctx);
        case "post-commit" -> Hooks.postCommit(ctx);
        case "pre-push" -> Hooks.prePush(ctx, HookCommand.PrePushCmd.remote(args.length > 2 ? args[2] : null, e.env()),
            HookCommand.PrePushCmd.input(e.env()));
        default -> Hooks.runPending(ctx);
      };
      r.lines().forEach(out::println);
      out.flush();
      return r.blocked() ? ExitCodes.FINDINGS : ExitCodes.OK;
    } catch (Exception ex) {
      return ErrorPrinter.report(ex, err, e.debug());
    }
  }
}
