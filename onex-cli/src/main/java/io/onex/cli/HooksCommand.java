package io.onex.cli;

import io.onex.git.hooks.HookInstaller;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code onex hooks install|uninstall}. */
@Command(name = "hooks", mixinStandardHelpOptions = true,
    description = {"Install or remove ONEX's git hooks (pre-commit, post-commit, pre-push).",
        "An existing hook is kept as <name>.onex-chained and runs first; uninstall puts it back."})
final class HooksCommand implements Callable<Integer> {
  private final CliEnvironment env;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ACTION", description = "install or uninstall")
  Action action;

  enum Action { install, uninstall }

  @picocli.CommandLine.Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text or json (default: ${DEFAULT-VALUE})")
  OutputFormat format;

  HooksCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    HookInstaller.Report r = action == Action.install
        ? HookInstaller.install(env.workingDirectory(), env.env(), Optional.ofNullable(env.env().get("ONEX_LAUNCHER")))
        : HookInstaller.uninstall(env.workingDirectory(), env.env());
    var out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      var o = Json.F.objectNode();
      o.put("format", "onex.hooks/1");
      o.put("action", action.name());
      o.put("hooks_dir", r.hooksDir().toString());
      var lines = o.putArray("lines");
      r.lines().forEach(lines::add);
      out.println(Json.write(o));
    } else {
      r.lines().forEach(l -> out.println("onex: " + l));
    }
    return ExitCodes.OK;
  }
}
