package io.onex.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs {@code onex} in-process in a given working directory and captures its output. */
record CliRun(int exit, String out, String err) {

  static CliRun in(Path cwd, String... args) {
    return in(cwd, Map.of(), args);
  }

  /** As {@link #in(Path, String...)} with extra environment variables. */
  static CliRun in(Path cwd, Map<String, String> extraEnv, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> env = new java.util.HashMap<>(Map.of("ONEX_CWD", cwd.toString(), "ONEX_AUTHOR", "CLI Test",
        "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")));
    env.putAll(extraEnv);
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
    return new CliRun(code, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
  }
}
