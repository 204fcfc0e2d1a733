package io.onex.cli;

import io.onex.core.project.ProjectInit;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "init", mixinStandardHelpOptions = true,
    description = "Create .onex-store/ (configuration, .gitignore for the local index) in a repository.")
final class InitCommand implements Callable<Integer> {
  private final CliEnvironment env;
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "DIR", description = "repository directory (default: the current one)")
  String dir;

  InitCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Path target = dir == null ? env.workingDirectory() : env.resolve(dir);
    ProjectInit.Result r = ProjectInit.init(target);
    var out = spec.commandLine().getOut();
    if (r.created().isEmpty()) {
      out.println("onex: " + r.root() + " is already initialized; nothing changed");
    } else {
      r.created().forEach(p -> out.println("created " + r.root().relativize(p)));
      out.println("onex: initialized " + r.root());
    }
    io.onex.git.sync.NotesSync.configure(r.root()).forEach(c -> out.println("git config " + c));
    if (!r.gitRepository()) {
      out.println("note: " + r.root() + " is not a git repository; run 'git init' to let hooks and notes work");
    }
    return ExitCodes.OK;
  }
}
