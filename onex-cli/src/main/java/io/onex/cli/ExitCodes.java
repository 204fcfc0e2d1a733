package io.onex.cli;

import io.onex.core.diag.OnexException;
import picocli.CommandLine;

/**
 * The one place that decides exit codes (documented in README.md, "Exit codes").
 *
 * <ul>
 *   <li>0 — success, nothing to report
 *   <li>1 — the command ran and found problems (validation failures, hash mismatches, a stale
 *       {@code .tree})
 *   <li>2 — usage error: unknown option, missing argument, bad value
 *   <li>3 — environment error: a file or directory that cannot be read or written, not an ONEX
 *       repository, a missing tool
 *   <li>4 — internal error: a bug in ONEX; please report it with the output of
 *       {@code ONEX_DEBUG=1 onex ...}
 * </ul>
 */
public final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {
  public static final int OK = 0;
  public static final int FINDINGS = 1;
  public static final int USAGE = 2;
  public static final int ENVIRONMENT = 3;
  public static final int INTERNAL = 4;

  /** Codes that mean "the arguments were wrong", not "the surroundings were". */
  private static final java.util.Set<String> USAGE_CODES = java.util.Set.of("ONEX-P001", "ONEX-C002", "ONEX-C004", "ONEX-X016", "ONEX-X018",
      "ONEX-K006", "ONEX-K007",
      "ONEX-L001", "ONEX-L002", "ONEX-L003", "ONEX-L004");

  @Override
  public int getExitCode(Throwable exception) {
    return forThrowable(exception);
  }

  static int forThrowable(Throwable t) {
    if (t instanceof CommandLine.ParameterException) {
      return USAGE;
    }
    if (t instanceof OnexException oe) {
      boolean usage = !oe.diagnostics().isEmpty() && USAGE_CODES.contains(oe.diagnostics().get(0).code());
      return usage ? USAGE : ENVIRONMENT;
    }
    if (t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException) {
      return ENVIRONMENT;
    }
    return INTERNAL;
  }
}
