package io.onex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.exec.Execution;
import io.onex.exec.cache.CacheAdmin;
import io.onex.store.Store;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code onex cache ls|show|clear|gc}: the memoized results in .onex-store (docs/formats/cache.md). */
@Command(name = "cache", mixinStandardHelpOptions = true,
    description = {"Inspect and maintain the cache of node results in .onex-store/outputs/.",
        "Records are never deleted: clearing drops stored outputs, so later runs miss and execute."},
    subcommands = {CacheCommand.Ls.class, CacheCommand.Show.class, CacheCommand.Clear.class, CacheCommand.Gc.class})
final class CacheCommand implements Runnable {
  private final CliEnvironment env;
  @Spec CommandSpec spec;

  CacheCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** What the cache subcommands share: the environment (from the parent command) and --format. */
  abstract static class CacheCmd implements Callable<Integer> {
    @ParentCommand CacheCommand parent;
    @Mixin FormatOption format;

    /** Opens the store, hands the cache API to {@code body}, closes the store. */
    <T> T withCache(Function<CacheAdmin, T> body) {
      CliEnvironment env = parent.env;
      try (Store store = env.openStore()) {
        return body.apply(Execution.open(env.workingDirectory(), env.runtimeOptions(), store, true).cache());
      }
    }
  }

  static String age(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 120) {
      return s + "s";
    }
    if (s < 7200) {
      return s / 60 + "m";
    }
    return s < 172_800 ? s / 3600 + "h" : s / 86_400 + "d";
  }

  static ObjectNode entry(CacheAdmin.Entry e) {
    ObjectNode o = Json.F.objectNode();
    o.put("key", e.key());
    o.put("node", e.producer().node().id());
    o.put("name", e.producer().node().name());
    o.put("version", e.producer().node().version());
    o.put("record_id", e.producer().recordId());
    o.put("output_hash", e.producer().outputHash().orElse(null));
    o.put("age_seconds", Math.max(0, e.age().getSeconds()));
    if (e.outputBytes().isPresent()) {
      o.put("output_bytes", e.outputBytes().get());
    } else {
      o.putNull("output_bytes");
    }
    o.put("nondeterministic", e.nondeterministic());
    return o;
  }

  @Command(name = "ls", mixinStandardHelpOptions = true, description = "List cache entries: node, key prefix, age, output size.")
  static final class Ls extends CacheCmd {
    @Override
    public Integer call() {
      List<CacheAdmin.Entry> entries = withCache(CacheAdmin::list);
      return format.print("onex.cache.ls/1", o -> {
        ArrayNode a = o.putArray("entries");
        entries.forEach(e -> a.add(entry(e)));
      }, out -> {
        for (CacheAdmin.Entry e : entries) {
          out.printf("%-40s %s  %6s  %s%s%n", e.producer().node().name() + "@" + e.producer().node().version(),
              e.key().substring(0, 12), age(e.age()), e.outputBytes().map(b -> b + " B").orElse("no output"),
              e.nondeterministic() ? "  nondeterministic" : "");
        }
        out.println(entries.size() + " cache entr" + (entries.size() == 1 ? "y" : "ies"));
      });
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one cache entry and its stored output.")
  static final class Show extends CacheCmd {
    @Parameters(index = "0", paramLabel = "KEY", description = "the cache key or a unique prefix of it (at least 4 hex digits)")
    String key;

    @Override
    public Integer call() {
      CacheAdmin.Shown s = withCache(c -> c.show(key));
      return format.print("onex.cache.show/1", o -> {
        o.set("entry", entry(s.entry()));
        o.set("output", s.output().orElse(null));
        o.set("problems", Json.diagnostics(s.problem().stream().toList()));
        o.set("record", s.entry().producer().toJson());
      }, out -> {
        CacheAdmin.Entry e = s.entry();
        out.println("key:      " + e.key());
        out.println("node:     " + e.producer().node().id() + "@" + e.producer().node().version() + " (" + e.producer().node().name() + ")");
        out.println("record:   " + e.producer().recordId() + ", " + age(e.age()) + " old");
        out.println("output:   " + e.producer().outputHash().orElse("none") + e.outputBytes().map(b -> " (" + b + " B)").orElse(" (missing)"));
        if (e.nondeterministic()) {
          out.println("warning:  this key gave different outputs; it is never served");
        }
        s.problem().ifPresent(d -> out.println(d.format()));
        s.output().ifPresent(o -> out.println(Json.write(o)));
      });
    }
  }

  @Command(name = "clear", mixinStandardHelpOptions = true,
      description = "Delete stored outputs (all, or of one node): later lookups miss; records stay.")
  static final class Clear extends CacheCmd {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NODE", description = "a node name, namespace or namespace@version")
    String node;

    @Override
    public Integer call() {
      int n = withCache(c -> c.clear(Optional.ofNullable(node)));
      return format.print("onex.cache.clear/1", o -> {
        o.put("node", node);
        o.put("removed_outputs", n);
      }, out -> out.println("cleared " + n + " stored output" + (n == 1 ? "" : "s") + (node == null ? "" : " of " + node)));
    }
  }

  @Command(name = "gc", mixinStandardHelpOptions = true,
      description = "Delete outputs no cache entry within its TTL references, and temp files of killed writers.")
  static final class Gc extends CacheCmd {
    @Override
    public Integer call() {
      CacheAdmin.GcReport r = withCache(CacheAdmin::gc);
      return format.print("onex.cache.gc/1", o -> {
        o.put("removed_outputs", r.removedOutputs());
        o.put("freed_bytes", r.freedBytes());
        o.put("removed_temp_files", r.removedTemps());
        o.put("kept_outputs", r.keptOutputs());
        o.put("nondeterministic_keys", r.nondeterministicKeys());
      }, out -> out.println("removed " + r.removedOutputs() + " output(s) (" + r.freedBytes() + " B) and " + r.removedTemps()
          + " temp file(s); kept " + r.keptOutputs() + "; nondeterministic keys: " + r.nondeterministicKeys()));
    }
  }
}
