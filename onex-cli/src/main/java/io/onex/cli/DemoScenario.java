package io.onex.cli;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.project.NodeScaffold;
import io.onex.core.project.ProjectInit;
import io.onex.core.project.StampReport;
import io.onex.core.project.TreeReport;
import io.onex.core.project.ValidationReport;
import io.onex.core.project.Workspace;
import io.onex.git.GitWorkspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import io.onex.core.record.InMemoryRecordSink;
import io.onex.exec.Execution;
import io.onex.exec.RunResult;
import io.onex.exec.Runtime;
import io.onex.exec.TestRunner;
import io.onex.store.Store;

/**
 * The story {@code onex demo} tells, step by step, on a real git repository. Each step calls
 * the same API the commands call and prints what a user would see.
 */
final class DemoScenario {
  private final CliEnvironment env;
  private final PrintWriter out;
  private int step;

  DemoScenario(CliEnvironment env, PrintWriter out) {
    this.env = env;
    this.out = out;
  }

  int run(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var s = Files.list(dir)) {
        if (s.findAny().isPresent()) {
          throw new OnexException(Diagnostic.error(CliError.DEMO_DIR_NOT_EMPTY, dir.toString(), 0, 0, "",
              dir + " is not empty; the demo only writes into a new or empty directory"));
        }
      }
    }
    Files.createDirectories(dir);
    title("A fresh git repository at " + dir);
    try (GitWorkspace git = GitWorkspace.init(dir, "ONEX Demo", "demo@onex.invalid", env.clock())) {
      ProjectInit.Result init = ProjectInit.init(dir);
      init.created().forEach(p -> out.println("  created " + dir.relativize(p)));
      Workspace ws = Workspace.open(dir);

      title("Three nodes: python, cli and noop (onex new)");
      NodeScaffold.Context ctx = new NodeScaffold.Context("ONEX Demo", "onex.demo", env.clock(), UUID::randomUUID);
      Path nodes = dir.resolve("nodes");
      for (var e : List.of(
          new Object[] {"greet", NodeScaffold.Kind.PYTHON},
          new Object[] {"shout", NodeScaffold.Kind.CLI},
          new Object[] {"echo", NodeScaffold.Kind.NOOP})) {
        Path node = NodeScaffold.create(nodes, (String) e[0], (NodeScaffold.Kind) e[1], ctx);
        out.println("  " + dir.relativize(node) + "/  (" + e[1].toString().toLowerCase(java.util.Locale.ROOT) + ", hash-locked, one test case)");
      }
      show("nodes/greet/node.onex.yaml", dir.resolve("nodes/greet/node.onex.yaml"), 16);

      title("The discovery index (onex tree)");
      TreeReport tree = ws.tree(false);
      Reports.print(tree, OutputFormat.TEXT, indented());
      show(".tree", dir.resolve(".tree"), 20);

      title("Validate everything (onex validate)");
      validate(ws, List.of());
      String c1 = git.commitAll("Add three ONEX nodes");
      out.println("  committed " + c1.substring(0, 12) + ": the repository is the registry");

      title("Break one on purpose: change one byte of nodes/shout/run.sh without stamping");
      Path script = dir.resolve("nodes/shout/run.sh");
      Files.writeString(script, Files.readString(script, StandardCharsets.UTF_8).replace("upper-cased.", "upper-cased!"), StandardCharsets.UTF_8);
      boolean broken = !validate(ws, List.of());

      title("Fix it the way the error says (onex stamp nodes/shout)");
      StampReport stamp = ws.stamp(List.of(dir.resolve("nodes/shout")), false, env.clock(), "ONEX Demo");
      Reports.print(stamp, false, OutputFormat.TEXT, indented());
      boolean fixed = validate(ws, List.of());
      String c2 = git.commitAll("Reword the shout node's comment");
      out.println("  committed " + c2.substring(0, 12));

      title("A typo in a contract is caught too: 'lifecycel: active' in nodes/echo/node.onex.yaml");
      Path echo = dir.resolve("nodes/echo/node.onex.yaml");
      String original = Files.readString(echo, StandardCharsets.UTF_8);
      Files.writeString(echo, original + "lifecycel: active\n", StandardCharsets.UTF_8);
      boolean typoCaught = !validate(ws, List.of(dir.resolve("nodes/echo")));
      Files.writeString(echo, original, StandardCharsets.UTF_8);
      out.println("  (typo reverted)");
      boolean built = nodeThatBuildsANode(dir, ws, git);
      boolean loop = new DemoGitLoop(env, out, this::title).run(dir);
      boolean ok = broken && fixed && typoCaught && built && loop;

      title("Where to look next");
      out.println("  the demo repository:   " + dir);
      String onex = env.env().getOrDefault("ONEX_LAUNCHER", "onex");
      out.println("  try:                   cd " + dir + " && " + onex + " validate --format json");
      out.println("                         " + onex + " new my_node --type cli --dir nodes && " + onex + " tree && " + onex + " validate");
      out.println("  the formats:           docs/formats/ (node-metadata.md, hash-lock.md, tree.md, ...)");
      out.println("  the history:           onex log, onex show HEAD, git log --notes=onex/commits");
      out.println("  every error code:      docs/errors/");
      out.println("  all commands:          onex --help, docs/cli.md");
      out.println();
      out.println(ok ? "demo finished: the broken node was caught and fixed, a failing commit was blocked, a verified one was served from the cache, and a clone fetched the history"
          : "demo finished with unexpected results: see above");
      return ok ? ExitCodes.OK : ExitCodes.INTERNAL;
    }
  }

  /** Installs the scaffold node, runs it to generate a node, runs that node and its test. */
  private boolean nodeThatBuildsANode(Path dir, Workspace ws, GitWorkspace git) {
    title("The node that builds a node: install nodes/scaffold and run it");
    ScaffoldBundle.install(dir.resolve("nodes/scaffold"));
    ws.tree(false);
    out.println("  onex run scaffold --input '" + SCAFFOLD_INPUT + "' --write-files nodes");
    InMemoryRecordSink sink = new InMemoryRecordSink();
    RunResult gen = Execution.open(dir, env.runtimeOptions(), sink)
        .run("scaffold", Json.parse(SCAFFOLD_INPUT), Runtime.emptyObject(), Optional.empty());
    if (!gen.succeeded() || gen.output().isEmpty()) {
      out.println("  the scaffold node failed: " + gen.record().error().map(e -> e.code() + " " + e.message()).orElse("?"));
      return false;
    }
    Path node = ws.writeGeneratedNode(dir.resolve("nodes"), gen.output().get());
    out.println("  generated " + dir.relativize(node) + "/ (hash lock " + gen.output().get().path("hash").asText().substring(0, 12)
        + ", computed by the scaffold itself) and updated .tree");
    boolean valid = validate(ws, List.of());
    boolean ok;

    title("Run the generated node and show its execution record");
    try (Store store = Store.open(io.onex.core.project.ProjectLayout.discover(dir).storeDir(), env.clock(), env.lockWait());
        io.onex.git.record.InvocationRecords records = io.onex.git.record.InvocationRecords.open(dir, Map.of(), env.clock(), store,
            d -> out.println("  " + d.format()))) {
      // records go to the notes refs (then the store), as with onex run: nothing lives only in the store
      Execution exec = Execution.open(dir, env.runtimeOptions(), records.sink(), store, true);
      String input = "{\"text\": \"hello world\"}";
      RunResult run = exec.run("word_count", Json.parse(input), Runtime.emptyObject(), Optional.empty());
      records.finish("onex demo: run word_count", exec::metadataFileOf);
      out.println("  onex run word_count --input '" + input + "'");
      out.println("  status: " + run.record().status() + ", output: " + run.output().map(Object::toString).orElse("none"));
      Json.write(run.record().toJson()).lines().forEach(l -> out.println("  | " + l));

      title("Run it again: the same key is served from the cache (.onex-store/outputs/)");
      RunResult again = exec.run("word_count", Json.parse(input), Runtime.emptyObject(), Optional.empty());
      records.finish("onex demo: run word_count again", exec::metadataFileOf);
      out.println("  onex run word_count --input '" + input + "'");
      out.println("  status: " + again.record().status() + again.record().cachedFrom().map(id -> " (from " + RunCommand.shortId(id) + ")").orElse("")
          + ", output: " + again.output().map(Object::toString).orElse("none"));
      out.println("  cache key " + again.record().cacheKey().substring(0, 12) + ", same trace_hash: "
          + again.record().traceHash().equals(run.record().traceHash()));
      boolean cached = again.record().status().equals("cached") && again.output().equals(run.output());
      TestRunner.Report tests = exec.test(List.of(), r -> out.println("  " + (r.passed() ? "PASS " : "FAIL ")
          + r.node().metadata().name() + " :: " + r.testCase().name()));
      out.println("  " + tests.cases().size() + " test cases: " + tests.passed() + " passed, " + tests.failed() + " failed");
      records.finish("onex demo: onex test", exec::metadataFileOf);
      ok = run.succeeded() && cached && tests.failed() == 0;
    }
    String c3 = git.commitAll("Add the scaffold node and the word_count node it generated");
    out.println("  committed " + c3.substring(0, 12));
    return valid && ok;
  }

  private static final String SCAFFOLD_INPUT =
      "{\"name\": \"word_count\", \"type\": \"python\", \"description\": \"Counts words.\", "
          + "\"inputs\": {\"text\": \"str\"}, \"outputs\": {\"count\": \"int\"}}";

  private boolean validate(Workspace ws, List<Path> targets) {
    ValidationReport r = ws.validate(targets);
    Reports.print(r, OutputFormat.TEXT, indented());
    return r.ok();
  }

  private void title(String s) {
    out.println();
    out.println("== " + (++step) + ". " + s);
  }

  private void show(String label, Path file, int maxLines) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    out.println("  --- " + label);
    lines.stream().limit(maxLines).forEach(l -> out.println("  | " + l));
    if (lines.size() > maxLines) {
      out.println("  | ... (" + (lines.size() - maxLines) + " more lines)");
    }
  }

  private PrintWriter indented() {
    return new PrintWriter(new java.io.Writer() {
      private boolean lineStart = true;

      @Override
      public void write(char[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
          if (lineStart) {
            out.print("  ");
          }
          out.print(buf[i]);
          lineStart = buf[i] == '\n';
        }
      }

      @Override
      public void flush() {
        out.flush();
      }

      @Override
      public void close() {}
    }, true);
  }
}
