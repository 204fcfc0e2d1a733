package io.onex.cli;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns any exception escaping a command into a short message: diagnostics for an
 * {@link OnexException}, one line for anything else. A stack trace is printed only when
 * {@code ONEX_DEBUG=1}.
 */
final class ErrorPrinter implements CommandLine.IExecutionExceptionHandler {
  private final boolean debug;

  ErrorPrinter(boolean debug) {
    this.debug = debug;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
    return report(ex, cmd.getErr(), debug);
  }

  /** Prints {@code ex} as {@link #handleExecutionException} does and returns its exit code. */
  static int report(Exception ex, PrintWriter err, boolean debug) {
    if (ex instanceof OnexException oe) {
      for (Diagnostic d : oe.diagnostics()) {
        err.println(d.format());
      }
    } else if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
      Throwable cause = ex instanceof java.io.UncheckedIOException u ? u.getCause() : ex;
      err.println("onex: error ONEX-C003: cannot read or write " + describe(cause));
      err.println("  fix: check that the path exists and that you may read and write it");
    } else {
      err.println("onex: internal error ONEX-C900: " + ex.getClass().getSimpleName()
          + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
      err.println("  fix: this is a bug in ONEX; rerun with ONEX_DEBUG=1 and report the output");
    }
    if (debug) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.forThrowable(ex);
  }

  private static String describe(Throwable t) {
    if (t instanceof java.nio.file.NoSuchFileException n) {
      return n.getFile() + " (no such file or directory)";
    }
    if (t instanceof java.nio.file.AccessDeniedException a) {
      return a.getFile() + " (permission denied)";
    }
    return String.valueOf(t.getMessage());
  }
}
