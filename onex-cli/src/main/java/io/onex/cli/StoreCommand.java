package io.onex.cli;

import io.onex.store.FsckResult;
import io.onex.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code onex store fsck|rebuild}: check or recreate the store index (docs/formats/store.md). */
@Command(name = "store", mixinStandardHelpOptions = true,
    description = "Check or rebuild the local store (.onex-store/store.db) against its record log.",
    subcommands = {StoreCommand.Fsck.class, StoreCommand.Rebuild.class})
final class StoreCommand implements Runnable {
  private final CliEnvironment env;
  @Spec CommandSpec spec;

  StoreCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "fsck", mixinStandardHelpOptions = true,
      description = {"Compare every index entry with the record log; change nothing.",
          "Exit 1 when a problem is found (each printed with its ONEX-D code)."})
  static final class Fsck implements Callable<Integer> {
    static final String FORMAT = "onex.store.fsck/1";
    @ParentCommand StoreCommand parent;
    @Mixin FormatOption format;

    @Override
    public Integer call() {
      FsckResult r;
      java.util.List<io.onex.core.diag.Diagnostic> warnings;
      try (Store store = parent.env.openStore()) {
        r = store.fsck();
        warnings = store.warnings();
      }
      return format.print(FORMAT, o -> {
        o.put("ok", r.clean());
        o.put("log_records", r.logRecords());
        o.put("indexed_records", r.indexedRecords());
        o.put("omitted", r.omitted());
        o.set("problems", Json.diagnostics(r.problems()));
        o.set("warnings", Json.diagnostics(warnings));
      }, out -> {
        Reports.diagnostics(warnings, format.err());
        Reports.diagnostics(r.problems(), out);
        out.println((r.clean() ? "ok: " : "problems: ") + r.logRecords() + " log line(s), " + r.indexedRecords()
            + " indexed record(s), " + (r.problems().size() + r.omitted()) + " problem(s)"
            + (r.omitted() > 0 ? " (" + r.omitted() + " not shown)" : ""));
      }, r.clean() ? ExitCodes.OK : ExitCodes.FINDINGS);
    }
  }

  @Command(name = "rebuild", mixinStandardHelpOptions = true,
      description = {"Recreate store.db from the record log, then (in a git repository) index every record of the notes refs",
          "that the log did not hold; report the counts. Deleting .onex-store/*.db or records/ loses nothing that reached the notes."})
  static final class Rebuild implements Callable<Integer> {
    static final String FORMAT = "onex.store.rebuild/1";
    @ParentCommand StoreCommand parent;
    @Mixin FormatOption format;

    @Override
    public Integer call() {
      long records;
      long position;
      int fromNotes;
      try (Store store = parent.env.openStore()) {
        Reports.diagnostics(store.warnings(), format.err());
        records = store.rebuild();
        fromNotes = parent.env.reindexNotes(store);
        position = store.logPosition();
      }
      return format.print(FORMAT, o -> {
        o.put("ok", true);
        o.put("records", records);
        o.put("log_bytes", position);
        o.put("notes_imported", fromNotes);
      }, out -> {
        out.println("rebuilt store.db from the record log: " + records + " record(s), " + position + " log byte(s)");
        out.println("indexed from the notes refs: " + fromNotes + " record(s) the log did not hold");
      });
    }
  }
}
