package io.onex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.exec.Execution;
import io.onex.exec.cache.CacheExplainer;
import io.onex.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code onex why}: would this run hit the cache, and if not, which key component differs. */
@Command(name = "why", mixinStandardHelpOptions = true,
    description = {"Explain whether running a node on an input would be served from the cache.",
        "On a miss, names the first differing key component (node, input, config, environment)",
        "against the nearest earlier execution, or the reason (TTL expired, output missing, ...)."})
final class WhyCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Mixin NodeStateOptions state;

  @Mixin FormatOption format;

  WhyCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    JsonNode in = state.input(env);
    JsonNode cfg = state.config(env);
    CacheExplainer.Explanation e;
    try (Store store = env.openStore()) {
      e = Execution.open(env.workingDirectory(), env.runtimeOptions(), store, true).why(state.node(), in, cfg);
    }
    return format.print("onex.why/1", o -> {
      o.put("hit", e.hit());
      o.put("component", e.component());
      o.put("message", e.message());
      o.put("cache_key", e.cacheKey());
      o.put("earlier_record_id", e.earlierRecordId().orElse(null));
      o.put("earlier", e.earlier().orElse(null));
      o.put("current", e.current().orElse(null));
    }, out -> {
      out.println((e.hit() ? "hit: " : "miss (" + e.component() + "): ") + e.message());
      e.earlier().ifPresent(v -> out.println("  earlier" + e.earlierRecordId().map(id -> " (record " + RunCommand.shortId(id) + ")").orElse("")
          + ": " + v));
      e.current().ifPresent(v -> out.println("  now: " + v));
      out.println("  cache key: " + e.cacheKey());
    });
  }
}
