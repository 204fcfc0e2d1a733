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
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "keys", mixinStandardHelpOptions = true,
    description = {"Manage Ed25519 signing keys, kept outside the repository with mode 0600",
        "(ONEX_KEY_DIR, else $XDG_CONFIG_HOME/onex/keys, else ~/.config/onex/keys).",
        "A key id is the SHA-256 of the 32 public key bytes."},
    subcommands = {KeysCommand.Generate.class, KeysCommand.ListKeys.class, KeysCommand.Export.class, KeysCommand.Import.class})
final class KeysCommand implements Runnable {
  private final CliEnvironment env;
  @Spec CommandSpec spec;

  KeysCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static void print(KeyInfo k, PrintWriter out) {
    out.println(k.id().hex() + "  " + k.algorithm() + "  " + (k.hasPrivateKey() ? "private+public" : "public")
        + k.label().map(l -> "  " + l).orElse(""));
  }

  /** What the key subcommands share: the environment (from the parent command), the key store, the output. */
  @Command
  abstract static class KeysCmd implements Callable<Integer> {
    @ParentCommand KeysCommand parent;
    @Spec CommandSpec spec;

    KeyStore keyStore() {
      return SignSupport.keyStore(parent.env);
    }

    PrintWriter out() {
      return spec.commandLine().getOut();
    }
  }

  @Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate a new Ed25519 key pair; prints its id.")
  static final class Generate extends KeysCmd {
    @Option(names = "--label", paramLabel = "TEXT", description = "who or what the key is for")
    String label;

    @Override
    public Integer call() {
      print(keyStore().generate(label, new SecureRandom(), parent.env.clock()), out());
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys of the key store.")
  static final class ListKeys extends KeysCmd {
    @Override
    public Integer call() {
      keyStore().list().forEach(k -> print(k, out()));
      return ExitCodes.OK;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true, description = "Print a public key (never the private key).")
  static final class Export extends KeysCmd {
    @Parameters(paramLabel = "ID", description = "key id or a prefix of at least 8 hex digits")
    String id;

    @Option(names = "--pem", description = "PEM SubjectPublicKeyInfo instead of onex-public-key-v1 JSON")
    boolean pem;

    @Override
    public Integer call() {
      KeyStore store = keyStore();
      out().print(store.exportPublicKey(store.resolve(id), pem ? PublicKeyFormat.PEM : PublicKeyFormat.JSON));
      out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true, description = "Import a public key (JSON or PEM); a key id in it is checked.")
  static final class Import extends KeysCmd {
    @Parameters(paramLabel = "FILE", description = "the exported public key")
    String file;

    @Override
    public Integer call() throws IOException {
      byte[] text = Files.readAllBytes(parent.env.resolve(file));
      print(keyStore().importPublicKey(text, file), out());
      return ExitCodes.OK;
    }
  }
}
