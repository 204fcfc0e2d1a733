package io.onex.cli;

import io.onex.git.sync.NotesSync;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code onex sync [remote]}: fetch, merge and push the ONEX notes refs. */
@Command(name = "sync", mixinStandardHelpOptions = true,
    description = {"Exchange the ONEX notes (records and commit summaries) with a remote:",
        "fetch into refs/notes/remotes/<remote>/onex/*, merge without dropping a local record, push (never forced)."})
final class SyncCommand implements Callable<Integer> {
  private final CliEnvironment env;
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", defaultValue = "origin", paramLabel = "REMOTE",
      description = "remote name or URL (default: ${DEFAULT-VALUE})")
  String remote;

  @Option(names = "--no-push", description = "fetch and merge only")
  boolean noPush;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE})")
  OutputFormat format;

  SyncCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    NotesSync.Report r = NotesSync.sync(env.workingDirectory(), env.env(), env.clock(), remote, !noPush);
    var out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      var o = Json.F.objectNode();
      o.put("format", "onex.sync/1");
      o.put("remote", r.remote());
      o.put("pushed", r.pushed());
      var lines = o.putArray("lines");
      r.lines().forEach(lines::add);
      out.println(Json.write(o));
    } else {
      r.lines().forEach(l -> out.println("onex: " + l));
    }
    return ExitCodes.OK;
  }
}
