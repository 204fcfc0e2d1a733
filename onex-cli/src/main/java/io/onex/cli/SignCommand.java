package io.onex.cli;

import io.onex.core.model.SignatureBlock;
import io.onex.sign.block.NodeSignatures;
import io.onex.sign.key.SigningKey;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "sign", mixinStandardHelpOptions = true,
    description = {"Sign nodes: write a signature_block over each node's hash lock (metadata and code).",
        "The node must be freshly stamped (onex stamp); the signature does not change the hash lock."})
final class SignCommand implements Callable<Integer> {
  private final CliEnvironment env;
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "NODE", description = "node directories")
  List<String> nodes;

  @Option(names = "--key", paramLabel = "ID", description = "key id or prefix (default: the key store's only private key)")
  String key;

  @Option(names = "--signer", paramLabel = "NAME", description = "who signs (default: ONEX_AUTHOR, GIT_AUTHOR_NAME or USER)")
  String signer;

  SignCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    SigningKey k = SignSupport.signingKeys(SignSupport.keyStore(env), key == null ? List.of() : List.of(key)).get(0);
    String who = signer != null ? signer : env.author();
    for (String n : nodes) {
      SignatureBlock b;
      try {
        b = NodeSignatures.signDirectory(env.resolve(n), k, who, env.clock());
      } catch (io.onex.core.diag.OnexException e) {
        SignSupport.printProblems(e.diagnostics(), spec.commandLine().getErr());
        return ExitCodes.FINDINGS;
      }
      spec.commandLine().getOut().println("signed " + n + " with key " + b.keyId() + " (" + who + ")");
    }
    return ExitCodes.OK;
  }
}
