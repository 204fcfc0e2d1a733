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

  /** This JVM and this jar, when the CLI runs from a jar (not from a class directory, as in tests). */
  static Optional<io.onex.git.hooks.HookJvm.Command> javaCommand() {
    try {
      java.nio.file.Path jar = java.nio.file.Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      java.nio.file.Path exe = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java");
      if (!java.nio.file.Files.isRegularFile(jar) || !jar.toString().endsWith(".jar") || !java.nio.file.Files.isExecutable(exe)) {
        return Optional.empty();
      }
      return Optional.of(new io.onex.git.hooks.HookJvm.Command(exe, java.util.List.of(jar), Optional.empty()));
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public Integer call() {
    HookInstaller.Report r = action == Action.install
        ? HookInstaller.install(env.workingDirectory(), env.env(), Optional.ofNullable(env.env().get("ONEX_LAUNCHER")),
            javaCommand())
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
