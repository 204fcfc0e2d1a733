package io.onex.git.hooks;

import io.onex.core.diag.Diagnostic;
import java.util.List;

/**
 * The outcome of a hook: its exit code for git (0 lets the commit or push go on, 1 blocks it),
 * the report lines to print (short and exact), and the diagnostics behind a block.
 */
public record HookResult(int exitCode, List<String> lines, List<Diagnostic> problems) {
  public HookResult {
    lines = List.copyOf(lines);
    problems = List.copyOf(problems);
  }

  static HookResult ok(List<String> lines) {
    return new HookResult(0, lines, List.of());
  }

  public boolean blocked() {
    return exitCode != 0;
  }
}
