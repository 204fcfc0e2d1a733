package io.onex.cli;

import io.onex.git.sync.NotesSync;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code onex sync [remote]}: fetch, merge and push the ONEX notes refs. */
@Command(name = "sync", mixinStandardHelpOptions = true,
    description = {"Exchange the ONEX notes (records and commit summaries) with a remote:",
        "fetch into refs/notes/remotes/<remote>/onex/*, merge without dropping a local record, push (never forced)."})
final class SyncCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Parameters(index = "0", arity = "0..1", defaultValue = "origin", paramLabel = "REMOTE",
      description = "remote name or URL (default: ${DEFAULT-VALUE})")
  String remote;

  @Option(names = "--no-push", description = "fetch and merge only")
  boolean noPush;

  @Mixin FormatOption format;

  SyncCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    NotesSync.Report r = NotesSync.sync(env.workingDirectory(), env.env(), env.clock(), remote, !noPush);
    return format.printLines("onex.sync/1", o -> o.put("remote", r.remote()).put("pushed", r.pushed()), r.lines());
  }
}
