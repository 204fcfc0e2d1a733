package io.onex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.store.Store;
import io.onex.exec.Execution;
import io.onex.exec.TestRunner;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "test", mixinStandardHelpOptions = true,
    description = {"Run the declared test cases of nodes and compare with the expected output or error.",
        "Prints a diff per mismatching path and a summary; exit 1 when any case fails."})
final class TestCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Parameters(arity = "0..*", paramLabel = "NODE", description = "nodes by name, URI or directory")
  List<String> nodes = List.of();

  @Option(names = "--all", description = "test every node of the repository")
  boolean all;

  @Option(names = "--no-cache", description = "run every case even when a cached result exists (results are still stored)")
  boolean noCache;

  @Mixin FormatOption format;

  TestCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (all == !nodes.isEmpty()) {
      throw new OnexException(Diagnostic.error(CliError.USAGE, "", 0, 0, "",
          all ? "give either node names or --all, not both" : "name the nodes to test, or pass --all"));
    }
    return env.execute(!noCache, "onex test", d -> format.err().println(d.format()), exec -> {
      int code = test(exec);
      exec.cacheWarnings().forEach(d -> format.err().println(d.format()));
      return code;
    });
  }

  private int test(Execution exec) {
    PrintWriter out = format.out();
    PrintWriter err = format.err();
    boolean progress = !format.json() && System.console() != null && !"true".equals(env.env().get("CI"));
    int total = progress ? exec.countCases(nodes) : 0;
    AtomicInteger done = new AtomicInteger();
    TestRunner.Report report = exec.test(nodes, r -> {
      if (progress) {
        err.print("\r[" + done.incrementAndGet() + "/" + total + "] " + r.node().metadata().name() + " " + r.testCase().name() + "\u001b[K");
        err.flush();
      }
      if (!format.json()) {
        printCase(r, out, progress);
      }
    });
    if (progress) {
      err.print("\r\u001b[K");
      err.flush();
    }
    if (format.json()) {
      out.println(Json.write(json(report)));
    } else {
      out.println(report.cases().size() + " test cases: " + report.passed() + " passed, " + report.failed() + " failed");
    }
    return report.failed() == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  private static void printCase(TestRunner.CaseResult r, PrintWriter out, boolean progress) {
    String where = r.node().metadata().name() + " :: " + r.testCase().name();
    String took = r.run().record().cachedFrom().map(id -> "cached from " + RunCommand.shortId(id))
        .orElse(r.run().record().durationMs() + " ms");
    out.println((r.passed() ? "PASS " : "FAIL ") + where + "  (" + took + ")");
    r.problems().forEach(p -> out.println("     " + p));
    if (!r.passed() && !r.run().stderr().isBlank()) {
      out.println("     stderr:");
      r.run().stderr().lines().limit(10).forEach(l -> out.println("       " + l));
    }
  }

  private static ObjectNode json(TestRunner.Report report) {
    ObjectNode o = Json.F.objectNode();
    o.put("format", "onex.test/1");
    o.put("ok", report.failed() == 0);
    o.put("passed", report.passed());
    o.put("failed", report.failed());
    ArrayNode cases = o.putArray("cases");
    for (TestRunner.CaseResult r : report.cases()) {
      ObjectNode c = cases.addObject();
      c.put("node", r.node().metadata().name());
      c.put("case", r.testCase().name());
      c.put("passed", r.passed());
      ArrayNode problems = c.putArray("problems");
      r.problems().forEach(problems::add);
      c.set("record", r.run().record().toJson());
    }
    return o;
  }
}
