package io.onex.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.record.ExecutionRecord;
import io.onex.store.BrowseError;
import io.onex.store.LogQuery;
import io.onex.store.Store;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "log", mixinStandardHelpOptions = true,
    description = {"Show execution records, newest first, like git log (docs/formats/log.md).",
        "Through a pager on a terminal ($ONEX_PAGER, $PAGER, less -FRX); JSON lines for scripts."})
final class LogCommand implements Callable<Integer> {
  /** The format of every --format json line. */
  static final String FORMAT = "onex.log/1";

  /** Created only for --format json: an ObjectMapper costs ~150 ms of start-up. */
  private static final class Compact {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  enum Style { ONELINE, FULL, JSON }

  private final CliEnvironment env;
  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "NODE|RANGE", description = {"only these nodes: name or namespace, optionally @version;",
      "an argument with '..' is a revision range as in git log (main..feature, HEAD~5..): the executions of those commits"})
  List<String> nodes = new ArrayList<>();

  @Option(names = "--commit", paramLabel = "REV", description = "only the executions of this commit (its summary note): an id, branch, tag, HEAD~2")
  String commit;

  @Option(names = "--status", split = ",", paramLabel = "STATUS", description = "only these statuses: success, failure, error, skipped, cached")
  List<String> statuses = new ArrayList<>();

  @Option(names = "--since", paramLabel = "TIME", description = "records started at or after TIME: 2026-11-23T10:00:00Z, 2026-11-23, or an age: 2h, 3d")
  String since;

  @Option(names = "--until", paramLabel = "TIME", description = "records started at or before TIME (same forms as --since)")
  String until;

  @Option(names = {"-n", "--max-count"}, defaultValue = "100", paramLabel = "N", description = "at most N records (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--format", defaultValue = "oneline", paramLabel = "FORMAT", description = "oneline, full or json (JSON lines) (default: ${DEFAULT-VALUE})")
  Style format;

  @Option(names = "--no-pager", description = "never page the output")
  boolean noPager;

  LogCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    Optional<Instant> from = Optional.ofNullable(since).map(t -> LogQuery.parseTime(t, env.clock(), "--since"));
    Optional<Instant> to = Optional.ofNullable(until).map(t -> LogQuery.parseTime(t, env.clock(), "--until"));
    List<String> ranges = nodes.stream().filter(n -> n.contains("..")).toList();
    if (ranges.size() > 1 || (commit != null && !ranges.isEmpty())) {
      throw new OnexException(Diagnostic.error(CliError.USAGE, "", 0, 0, "", "give one revision range or --commit, not both or several"));
    }
    java.io.StringWriter text = new java.io.StringWriter();
    if (commit != null || !ranges.isEmpty()) {
      List<io.onex.git.history.CommitHistory.Entry> entries = env.commitLog(Optional.ofNullable(commit),
          ranges.stream().findFirst(), limit);
      try (PrintWriter buffer = new PrintWriter(text)) {
        printEntries(entries, buffer);
      }
    } else {
      LogQuery q = new LogQuery(nodes, new java.util.TreeSet<>(statuses), from, to, limit);
      List<ExecutionRecord> records;
      try (Store store = env.openStore()) {
        Reports.diagnostics(store.warnings(), spec.commandLine().getErr());
        records = store.log(q);
      }
      try (PrintWriter buffer = new PrintWriter(text)) {
        print(records, buffer);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Pager pager = !noPager && format != Style.JSON ? Pager.open(env, out, err) : Pager.none(out);
    pager.out().print(text);
    if (!pager.finish()) {
      err.println(Diagnostic.warning(BrowseError.PAGER_FAILED, "", 0, 0, "", "the pager '"
          + env.pager().orElse("") + "' could not be run", BrowseError.PAGER_FAILED.hint()).format());
      out.print(text);
      out.flush();
    }
    return ExitCodes.OK;
  }

  /** Git context: each execution with the commit it belongs to (its summary note). */
  private void printEntries(List<io.onex.git.history.CommitHistory.Entry> entries, PrintWriter out) throws Exception {
    RecordText text = new RecordText(format != Style.JSON && env.colour());
    for (var e : entries) {
      String c = e.commit().substring(0, 10);
      switch (format) {
        case ONELINE -> out.println(c + " " + e.record().map(text::oneline).orElse(e.execution().node() + " "
            + e.execution().status() + " " + e.execution().recordId() + " (not in the store: onex store rebuild)"));
        case FULL -> {
          out.println("commit " + e.commit());
          out.println(e.record().map(text::full).orElse("  " + e.execution().node() + " " + e.execution().status() + " "
              + e.execution().recordId() + " (not in the store: onex store rebuild)"));
        }
        default -> {
          ObjectNode o = Json.F.objectNode();
          o.put("format", FORMAT);
          o.put("commit", e.commit());
          ObjectNode sum = o.putObject("summary");
          sum.put("node", e.execution().node());
          sum.put("record_id", e.execution().recordId());
          sum.put("status", e.execution().status());
          o.set("record", e.record().map(ExecutionRecord::toJson).orElse(null));
          out.println(Compact.MAPPER.writeValueAsString(o));
        }
      }
    }
  }

  private void print(List<ExecutionRecord> records, PrintWriter out) throws Exception {
    RecordText text = new RecordText(format != Style.JSON && env.colour());
    for (ExecutionRecord r : records) {
      switch (format) {
        case ONELINE -> out.println(text.oneline(r));
        case FULL -> out.println(text.full(r));
        default -> {
          ObjectNode o = Json.F.objectNode();
          o.put("format", FORMAT);
          o.set("record", r.toJson());
          out.println(Compact.MAPPER.writeValueAsString(o));
        }
      }
    }
  }
}
