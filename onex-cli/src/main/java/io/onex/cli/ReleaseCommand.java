package io.onex.cli;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.git.release.Releases;
import io.onex.sign.trust.TrustChain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "release", mixinStandardHelpOptions = true,
    description = {"Sign the node set of HEAD as the next release and append it to refs/onex/releases.",
        "Hash locks are computed from the committed objects; the release names its predecessor's digest."})
final class ReleaseCommand implements Callable<Integer> {
  private final CliEnvironment env;
  @Spec CommandSpec spec;

  @Option(names = "--message", paramLabel = "TEXT", description = "release message")
  String message;

  @Option(names = "--key", paramLabel = "ID", description = "release key (repeatable; default: the key store's only private key)")
  List<String> keys = new ArrayList<>();

  @Option(names = "--valid-days", defaultValue = "90", paramLabel = "DAYS", description = "validity (default: ${DEFAULT-VALUE})")
  long days;

  @Option(names = "--root-sha256", paramLabel = "HEX", description = "SHA-256 of trust root version 1")
  String rootSha256;

  ReleaseCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try (Repository repo = SignSupport.repository(env)) {
      if (repo == null) {
        throw new OnexException(Diagnostic.error(CliError.USAGE, "", 0, 0, "", "onex release needs a git repository"));
      }
      Releases.Created c;
      try {
        TrustChain trust = SignSupport.trust(env, repo, null, rootSha256);
        c = Releases.create(repo, trust, SignSupport.signingKeys(SignSupport.keyStore(env), keys),
            message, Duration.ofDays(days), env.clock());
      } catch (OnexException e) {
        return SignSupport.fail("release", e, spec.commandLine().getOut(), spec.commandLine().getErr());
      }
      spec.commandLine().getOut().println("release " + c.statement().sequence() + ": " + c.statement().nodes().size()
          + " nodes at " + c.statement().sourceCommit() + ", digest " + c.digest() + ", expires " + c.statement().expires());
      return ExitCodes.OK;
    }
  }
}
