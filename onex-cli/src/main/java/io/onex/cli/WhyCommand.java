package io.onex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.exec.Execution;
import io.onex.exec.cache.CacheExplainer;
import io.onex.store.Store;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code onex why}: would this run hit the cache, and if not, which key component differs. */
@Command(name = "why", mixinStandardHelpOptions = true,
    description = {"Explain whether running a node on an input would be served from the cache.",
        "On a miss, names the first differing key component (node, input, config, environment)",
        "against the nearest earlier execution, or the reason (TTL expired, output missing, ...)."})
final class WhyCommand implements Callable<Integer> {
  private final CliEnvironment env;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NODE", description = "the node: its name, its URI (tool://ns@^1.0) or its directory")
  String node;

  @Option(names = "--input", defaultValue = "{}", paramLabel = "JSON|@FILE", description = "input state: a JSON object, or @file (default: {})")
  String input;

  @Option(names = "--config", defaultValue = "{}", paramLabel = "JSON|@FILE", description = "config state: a JSON object, or @file (default: {})")
  String config;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE})")
  OutputFormat format;

  WhyCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    JsonNode in = JsonArgs.read(input, "--input", env);
    JsonNode cfg = JsonArgs.read(config, "--config", env);
    CacheExplainer.Explanation e;
    try (Store store = env.openStore()) {
      e = Execution.open(env.workingDirectory(), env.runtimeOptions(), store, true).why(node, in, cfg);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      ObjectNode o = Json.F.objectNode();
      o.put("format", "onex.why/1");
      o.put("hit", e.hit());
      o.put("component", e.component());
      o.put("message", e.message());
      o.put("cache_key", e.cacheKey());
      o.put("earlier_record_id", e.earlierRecordId().orElse(null));
      o.put("earlier", e.earlier().orElse(null));
      o.put("current", e.current().orElse(null));
      out.println(Json.write(o));
      return ExitCodes.OK;
    }
    out.println((e.hit() ? "hit: " : "miss (" + e.component() + "): ") + e.message());
    e.earlier().ifPresent(v -> out.println("  earlier" + e.earlierRecordId().map(id -> " (record " + RunCommand.shortId(id) + ")").orElse("")
        + ": " + v));
    e.current().ifPresent(v -> out.println("  now: " + v));
    out.println("  cache key: " + e.cacheKey());
    return ExitCodes.OK;
  }
}
