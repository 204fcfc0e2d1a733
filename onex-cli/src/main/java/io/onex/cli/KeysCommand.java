package io.onex.cli;

import io.onex.sign.key.KeyInfo;
import io.onex.sign.key.KeyStore;
import io.onex.sign.key.PublicKeyFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "keys", mixinStandardHelpOptions = true,
    description = {"Manage Ed25519 signing keys, kept outside the repository with mode 0600",
        "(ONEX_KEY_DIR, else $XDG_CONFIG_HOME/onex/keys, else ~/.config/onex/keys).",
        "A key id is the SHA-256 of the 32 public key bytes."},
    subcommands = {KeysCommand.Generate.class, KeysCommand.ListKeys.class, KeysCommand.Export.class, KeysCommand.Import.class})
final class KeysCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static void print(KeyInfo k, PrintWriter out) {
    out.println(k.id().hex() + "  " + k.algorithm() + "  " + (k.hasPrivateKey() ? "private+public" : "public")
        + k.label().map(l -> "  " + l).orElse(""));
  }

  @Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate a new Ed25519 key pair; prints its id.")
  static final class Generate implements Callable<Integer> {
    private final CliEnvironment env;
    @Spec CommandSpec spec;

    @Option(names = "--label", paramLabel = "TEXT", description = "who or what the key is for")
    String label;

    Generate(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      KeyInfo k = SignSupport.keyStore(env).generate(label, new SecureRandom(), env.clock());
      print(k, spec.commandLine().getOut());
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys of the key store.")
  static final class ListKeys implements Callable<Integer> {
    private final CliEnvironment env;
    @Spec CommandSpec spec;

    ListKeys(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      SignSupport.keyStore(env).list().forEach(k -> print(k, spec.commandLine().getOut()));
      return ExitCodes.OK;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true, description = "Print a public key (never the private key).")
  static final class Export implements Callable<Integer> {
    private final CliEnvironment env;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "key id or a prefix of at least 8 hex digits")
    String id;

    @Option(names = "--pem", description = "PEM SubjectPublicKeyInfo instead of onex-public-key-v1 JSON")
    boolean pem;

    Export(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      KeyStore store = SignSupport.keyStore(env);
      spec.commandLine().getOut().print(store.exportPublicKey(store.resolve(id), pem ? PublicKeyFormat.PEM : PublicKeyFormat.JSON));
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true, description = "Import a public key (JSON or PEM); a key id in it is checked.")
  static final class Import implements Callable<Integer> {
    private final CliEnvironment env;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the exported public key")
    String file;

    Import(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() throws IOException {
      byte[] text = Files.readAllBytes(env.resolve(file));
      print(SignSupport.keyStore(env).importPublicKey(text, file), spec.commandLine().getOut());
      return ExitCodes.OK;
    }
  }
}
