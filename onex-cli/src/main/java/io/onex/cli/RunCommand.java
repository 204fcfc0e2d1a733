package io.onex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.Diagnostic;
import java.util.List;
import io.onex.exec.RunResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run one node on an input state and print its output state and execution record.",
        "Exit 0 when the node succeeded, 1 when it failed or errored."})
final class RunCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Mixin NodeStateOptions state;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "override the node's timeout")
  Integer timeout;

  @Option(names = "--write-files", paramLabel = "DIR",
      description = "the node generates a node (like scaffold): write the files of its output under DIR and update the .tree")
  String writeFiles;

  @Option(names = "--no-cache", description = "run the node even when a cached result exists (the result is still stored)")
  boolean noCache;

  @Mixin FormatOption format;

  RunCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    JsonNode in = state.input(env);
    JsonNode cfg = state.config(env);
    return env.execute(!noCache, "onex run " + state.node(), d -> format.err().println(d.format()), exec -> {
      RunResult r = exec.run(state.node(), in, cfg, Optional.ofNullable(timeout).map(Duration::ofSeconds));
      exec.cacheWarnings().forEach(d -> format.err().println(d.format()));
      return print(r, exec.cacheWarnings());
    });
  }

  private int print(RunResult r, List<Diagnostic> warnings) {
    if (writeFiles != null && r.succeeded() && r.output().isPresent()) {
      Path dir = io.onex.core.project.Workspace.open(env.workingDirectory())
          .writeGeneratedNode(env.resolve(writeFiles), r.output().get());
      format.err().println("wrote node " + dir + " and updated the .tree");
    }
    return format.print("onex.run/1", o -> {
      o.put("ok", r.succeeded());
      o.set("output", r.output().orElse(null));
      o.set("record", r.record().toJson());
      o.put("stderr", r.stderr());
      o.set("warnings", Json.diagnostics(warnings));
    }, out -> {
      out.println("status: " + r.record().status() + r.record().cachedFrom().map(id -> " (from " + shortId(id) + ")").orElse("")
          + r.record().error().map(e -> " " + e.code() + ": " + e.message()).orElse(""));
      r.output().ifPresent(o -> out.println("output: " + o));
      if (!r.stderr().isBlank()) {
        out.println("stderr:");
        r.stderr().lines().limit(20).forEach(l -> out.println("  " + l));
      }
      out.println("record:");
      out.println(Json.write(r.record().toJson()));
    }, r.succeeded() ? ExitCodes.OK : ExitCodes.FINDINGS);
  }

  /** The first 8 characters of a record id, as {@code cached (from ...)} shows it. */
  static String shortId(String id) {
    return id.length() > 8 ? id.substring(0, 8) : id;
  }
}
