package io.onex.git.testing;

import io.onex.core.project.ProjectLayout;
import io.onex.exec.RuntimeOptions;
import io.onex.git.hooks.HookContext;
import io.onex.git.hooks.HookInstaller;
import io.onex.git.hooks.HookResult;
import io.onex.git.hooks.Hooks;
import io.onex.git.sync.NotesSync;
import io.onex.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A stand-in for the {@code onex} launcher in git-level tests (onex-git cannot depend on the
 * CLI): {@code hook <name> [args]}, {@code hooks install|uninstall}, {@code sync <remote>},
 * calling the same API methods the CLI commands call.
 */
public final class HookMain {
  private HookMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    Path cwd = Path.of("").toAbsolutePath();
    Clock clock = Clock.systemUTC();
    HookContext ctx = new HookContext(cwd, env, clock,
        RuntimeOptions.defaults(clock, env, Path.of(System.getProperty("java.io.tmpdir"))),
        () -> ProjectLayout.discover(cwd).isInitialized()
            ? Optional.of(Store.open(ProjectLayout.discover(cwd).storeDir(), clock, Duration.ofSeconds(60)))
            : Optional.empty());
    int code = 0;
    try {
      if (args[0].equals("hook")) {
        HookResult r = switch (args[1]) {
          case "pre-commit" -> Hooks.preCommit(ctx);
          case "post-commit" -> Hooks.postCommit(ctx);
          case "pre-push" -> Hooks.prePush(ctx, args[2], new String(System.in.readAllBytes(), StandardCharsets.UTF_8));
          case "run-pending" -> Hooks.runPending(ctx);
          default -> throw new IllegalArgumentException(args[1]);
        };
        r.lines().forEach(System.err::println);
        code = r.exitCode();
      } else if (args[0].equals("hooks")) {
        var r = args[1].equals("install")
            ? HookInstaller.install(cwd, env, Optional.ofNullable(env.get("ONEX_LAUNCHER")))
            : HookInstaller.uninstall(cwd, env);
        r.lines().forEach(System.err::println);
      } else if (args[0].equals("sync")) {
        NotesSync.sync(cwd, env, clock, args[1], true).lines().forEach(System.err::println);
      }
    } catch (io.onex.core.diag.OnexException e) {
      e.diagnostics().forEach(d -> System.err.println(d.format()));
      code = 3;
    }
    System.exit(code);
  }
}
