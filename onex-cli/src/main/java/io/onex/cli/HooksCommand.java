package io.onex.cli;

import io.onex.git.hooks.HookInstaller;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code onex hooks install|uninstall}. */
@Command(name = "hooks", mixinStandardHelpOptions = true,
    description = {"Install or remove ONEX's git hooks (pre-commit, post-commit, pre-push).",
        "An existing hook is kept as <name>.onex-chained and runs first; uninstall puts it back."})
final class HooksCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Parameters(index = "0", paramLabel = "ACTION", description = "install or uninstall")
  Action action;

  enum Action { install, uninstall }

  @Mixin FormatOption format;

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
    return format.printLines("onex.hooks/1", o -> o.put("action", action.name()).put("hooks_dir", r.hooksDir().toString()),
        r.lines());
  }
}
