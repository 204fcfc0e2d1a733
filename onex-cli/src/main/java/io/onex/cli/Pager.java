package io.onex.cli;

import io.onex.core.diag.Diagnostic;
import io.onex.store.BrowseError;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Output through a pager as git does it: the command runs under {@code sh -c} with our output on
 * its standard input and the terminal as its output; {@code LESS=FRX} is set when the caller has
 * no {@code LESS}. Without a pager (not a terminal, CI, none configured) the output goes to
 * {@code out}. A pager that cannot start is reported once ({@code ONEX-L005}) and bypassed.
 */
final class Pager implements AutoCloseable {
  private final Process process;
  private final PrintWriter writer;

  private Pager(Process process, PrintWriter writer) {
    this.process = process;
    this.writer = writer;
  }

  static Pager open(CliEnvironment env, PrintWriter out, PrintWriter err) {
    Optional<String> cmd = env.pager();
    if (cmd.isEmpty()) {
      return new Pager(null, out);
    }
    try {
      ProcessBuilder pb = new ProcessBuilder(List.of("sh", "-c", cmd.get()))
          .redirectOutput(ProcessBuilder.Redirect.INHERIT)
          .redirectError(ProcessBuilder.Redirect.INHERIT);
      pb.environment().clear();
      pb.environment().putAll(env.env());
      pb.environment().putIfAbsent("LESS", "FRX");
      pb.directory(env.workingDirectory().toFile());
      Process p = pb.start();
      return new Pager(p, new PrintWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)));
    } catch (IOException | RuntimeException e) {
      err.println(Diagnostic.warning(BrowseError.PAGER_FAILED, "", 0, 0, "", "cannot start the pager '"
          + cmd.get() + "': " + e.getMessage(), BrowseError.PAGER_FAILED.hint()).format());
      return new Pager(null, out);
    }
  }

  /** No pager: everything goes to {@code out}. */
  static Pager none(PrintWriter out) {
    return new Pager(null, out);
  }

  PrintWriter out() {
    return writer;
  }

  /** Flushes; with a pager, closes its input and waits until the user quits it. */
  @Override
  public void close() {
    finish();
  }

  /**
   * {@link #close()}, telling whether the pager ran: false when the shell could not find or run
   * it (exit 126 or 127), so that the caller can print the output itself.
   */
  boolean finish() {
    writer.flush();
    if (process == null) {
      return true;
    }
    writer.close();
    try {
      int code = process.waitFor();
      return code != 126 && code != 127;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }
}
