package io.onex.cli;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.project.ProjectLayout;
import io.onex.git.release.RepositoryTrust;
import io.onex.sign.key.KeyId;
import io.onex.sign.key.KeyInfo;
import io.onex.sign.key.KeyStore;
import io.onex.sign.key.SigningKey;
import io.onex.sign.trust.TrustChain;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * What the signing commands share: the key store location (from the injected environment:
 * {@code ONEX_KEY_DIR}, else {@code $XDG_CONFIG_HOME/onex/keys}, else
 * {@code $HOME/.config/onex/keys}), the repository, the trust chain, and printing a failure
 * as reason, key and fix.
 */
final class SignSupport {
  private SignSupport() {}

  static Path keyDir(CliEnvironment env) {
    String explicit = env.env().get("ONEX_KEY_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return env.resolve(explicit);
    }
    String xdg = env.env().get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "onex", "keys");
    }
    String home = env.env().getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".config", "onex", "keys");
  }

  /** The key store; refused inside the working tree of the repository around the working directory. */
  static KeyStore keyStore(CliEnvironment env) {
    ProjectLayout layout = ProjectLayout.discover(env.workingDirectory());
    if (layout.isGitRepository() || layout.isInitialized()) {
      return KeyStore.open(keyDir(env), layout.root());
    }
    return KeyStore.open(keyDir(env));
  }

  /** The named keys, or the store's only private key when none is named. */
  static List<SigningKey> signingKeys(KeyStore store, List<String> ids) {
    if (ids.isEmpty()) {
      List<KeyInfo> priv = store.list().stream().filter(KeyInfo::hasPrivateKey).toList();
      if (priv.size() != 1) {
        throw new OnexException(Diagnostic.error(CliError.USAGE, store.directory().toString(), 0, 0, "--key",
            "the key store holds " + priv.size() + " private keys: name the key with --key <id>"));
      }
      return List.of(store.signingKey(priv.get(0).id()));
    }
    return ids.stream().map(id -> store.signingKey(store.resolve(id))).toList();
  }

  /** The git repository around the working directory, or null. */
  static Repository repository(CliEnvironment env) {
    FileRepositoryBuilder b = new FileRepositoryBuilder().findGitDir(env.workingDirectory().toFile());
    if (b.getGitDir() == null) {
      return null;
    }
    try {
      return b.setMustExist(true).build();
    } catch (IOException e) {
      return null;
    }
  }

  static TrustChain trust(CliEnvironment env, Repository repo, String trustDir, String pin) {
    Path dir = trustDir != null ? env.resolve(trustDir)
        : RepositoryTrust.trustDir(ProjectLayout.discover(env.workingDirectory()).root());
    return RepositoryTrust.load(repo, dir, Optional.ofNullable(pin), env.clock().instant());
  }

  /** Reports a failed step: {@code FAIL  what} on {@code out}, the problems on {@code problems}; exit 1. */
  static int fail(String what, OnexException e, PrintWriter out, PrintWriter problems) {
    out.println("FAIL  " + what);
    printProblems(e.diagnostics(), problems);
    return ExitCodes.FINDINGS;
  }

  /** {@code days} from now, to the second: the expiry of a trust root or a release. */
  static java.time.Instant expiry(CliEnvironment env, long days) {
    return env.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(java.time.Duration.ofDays(days));
  }

  static void printProblems(List<Diagnostic> problems, PrintWriter err) {
    for (Diagnostic d : problems) {
      err.println(d.format());
    }
  }

  static String shortId(KeyId id) {
    return id.shortForm();
  }
}
