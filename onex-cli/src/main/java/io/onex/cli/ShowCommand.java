package io.onex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.model.NodeMetadata;
import io.onex.core.project.Workspace;
import io.onex.core.record.ExecutionRecord;
import io.onex.exec.LoadedNode;
import io.onex.exec.NodeCatalog;
import io.onex.store.BrowseError;
import io.onex.store.NodeMemory;
import io.onex.store.Store;
import io.onex.store.TrustParameters;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true,
    description = {"Show one execution record in full (by record id or trace hash, 4+ hex digits suffice),",
        "or a node's static contract beside its dynamic memory: runs, trust, profile, flags,",
        "or the executions of a commit (REF tried in that order)."})
final class ShowCommand implements Callable<Integer> {
  static final String FORMAT = "onex.show/1";
  private final CliEnvironment env;

  @Parameters(index = "0", paramLabel = "REF", description = "a record id, a trace hash or its prefix, a node (name or namespace, optionally @version), or a commit (its executions)")
  String ref;

  @Mixin FormatOption format;

  ShowCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Optional<ExecutionRecord> record;
    List<NodeMemory> memory = List.of();
    try (Store store = env.openStore()) {
      Reports.diagnostics(store.warnings(), format.err());
      record = store.lookup(ref);
      if (record.isEmpty()) {
        memory = store.memory(ref, TrustParameters.DEFAULTS);
      }
    }
    if (record.isPresent()) {
      printRecord(record.get());
      return ExitCodes.OK;
    }
    Optional<NodeMetadata> contract = contract(memory);
    if (memory.isEmpty() && contract.isEmpty()) {
      Optional<CliEnvironment.CommitView> commit = env.commitView(ref);
      if (commit.isPresent()) {
        printCommit(commit.get());
        return ExitCodes.OK;
      }
      throw new OnexException(Diagnostic.error(BrowseError.NOT_FOUND, "", 0, 0, "",
          "no record id, trace hash, node or commit matches '" + clip(ref) + "'"));
    }
    printNode(contract, memory);
    return ExitCodes.OK;
  }

  /** The node's static contract from the working tree, when a runnable node matches. */
  private Optional<NodeMetadata> contract(List<NodeMemory> memory) {
    try {
      NodeCatalog catalog = NodeCatalog.open(Workspace.open(env.workingDirectory()));
      String name = memory.isEmpty() ? ref : memory.get(memory.size() - 1).name();
      for (LoadedNode n : catalog.nodes()) {
        NodeMetadata m = n.metadata();
        boolean byMemory = memory.stream().anyMatch(x -> x.namespace().equals(m.namespace()) && x.version().equals(m.version()));
        boolean byName = memory.isEmpty() && (m.name().equals(name) || m.namespace().equals(name)
            || (m.name() + "@" + m.version()).equals(ref) || (m.namespace() + "@" + m.version()).equals(ref));
        if (byMemory || byName) {
          return Optional.of(m);
        }
      }
    } catch (OnexException e) {
      // not in a repository, or no runnable node: the memory alone is shown
    }
    return Optional.empty();
  }

  private void printCommit(CliEnvironment.CommitView c) {
    format.print(FORMAT, o -> {
      o.put("kind", "commit");
      o.put("commit", c.commit());
      o.put("subject", c.subject());
      ArrayNode a = o.putArray("executions");
      for (var e : c.entries()) {
        ObjectNode x = a.addObject();
        x.put("node", e.execution().node());
        x.put("record_id", e.execution().recordId());
        x.put("status", e.execution().status());
        x.set("record", e.record().map(ExecutionRecord::toJson).orElse(null));
      }
    }, out -> {
      RecordText text = new RecordText(env.colour());
      out.println("commit " + c.commit() + "  " + c.subject());
      if (c.entries().isEmpty()) {
        out.println("  no ONEX executions recorded for this commit");
      }
      for (var e : c.entries()) {
        out.println("  " + e.record().map(text::oneline).orElse(e.execution().node() + " " + e.execution().status() + " "
            + e.execution().recordId() + " (not in the store: onex store rebuild)"));
      }
    });
  }

  private void printRecord(ExecutionRecord r) {
    format.print(FORMAT, o -> o.put("kind", "record").set("record", r.toJson()), out -> {
      out.print(new RecordText(env.colour()).full(r));
      out.flush();
    });
  }

  private void printNode(Optional<NodeMetadata> contract, List<NodeMemory> memory) {
    format.print(FORMAT, o -> {
      o.put("kind", "node");
      o.set("contract", contract.map(ShowCommand::contractJson).orElse(null));
      ArrayNode a = o.putArray("memory");
      memory.forEach(m -> a.add(RecordText.memoryJson(m)));
    }, out -> {
      if (contract.isPresent()) {
        NodeMetadata m = contract.get();
        out.println("node " + m.name() + " " + m.version());
        out.println("  namespace:     " + m.namespace());
        out.println("  lifecycle:     " + m.lifecycle().name().toLowerCase(java.util.Locale.ROOT));
        out.println("  executor:      " + m.entrypoint().type() + " " + m.entrypoint().target());
        out.println("  input:         " + m.inputContract());
        out.println("  output:        " + m.outputContract());
        out.println("  tests:         " + m.tests().size());
      } else {
        out.println("node " + clip(ref) + " (no runnable node of this name in the working tree)");
      }
      if (memory.isEmpty()) {
        out.println("  no execution recorded yet");
      }
      RecordText text = new RecordText(env.colour());
      memory.forEach(m -> out.print(text.memory(m)));
      out.flush();
    });
  }

  private static ObjectNode contractJson(NodeMetadata m) {
    ObjectNode o = Json.F.objectNode();
    o.put("name", m.name());
    o.put("version", m.version());
    o.put("namespace", m.namespace());
    o.put("lifecycle", m.lifecycle().name().toLowerCase(java.util.Locale.ROOT));
    o.put("executor", m.entrypoint().type());
    o.put("target", m.entrypoint().target());
    ObjectNode in = o.putObject("input_contract");
    m.inputContract().forEach(in::put);
    ObjectNode outc = o.putObject("output_contract");
    m.outputContract().forEach(outc::put);
    o.put("tests", m.tests().size());
    return o;
  }

  private static String clip(String s) {
    String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    return t.replaceAll("\\p{Cntrl}", "?");
  }
}
