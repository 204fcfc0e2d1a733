package io.onex.git.hooks;

/**
 * The hooks' entry points ({@code onex hook <name>}), one per git hook, plus the catch-up of
 * nodes the budget deferred. Each returns what to print and the exit code for git; problems of
 * the surroundings are thrown as {@link io.onex.core.diag.OnexException} (ONEX-J codes).
 */
public final class Hooks {
  private Hooks() {}

  /** {@code pre-commit}: validate and test what is staged; block on any problem. */
  public static HookResult preCommit(HookContext ctx) {
    return PreCommit.run(ctx);
  }

  /** {@code post-commit}: summary notes for what pre-commit ran (also catches up after a crash). */
  public static HookResult postCommit(HookContext ctx) {
    return PostCommit.run(ctx);
  }

  /** {@code pre-push <remote> <url>} with git's ref lines on {@code stdin}. */
  public static HookResult prePush(HookContext ctx, String remote, String stdin) {
    return PrePush.run(ctx, remote, stdin);
  }

  /** {@code run-pending}: run the nodes {@code hooks.budget_ms} moved out of the commit path. */
  public static HookResult runPending(HookContext ctx) {
    return RunPending.run(ctx);
  }
}
