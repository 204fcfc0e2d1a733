package io.onex.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs {@code onex} in-process in a given working directory and captures its output. */
record CliRun(int exit, String out, String err) {

  static CliRun in(Path cwd, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
        Map.of("ONEX_CWD", cwd.toString(), "ONEX_AUTHOR", "CLI Test", "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")));
    return new CliRun(code, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
  }
}
