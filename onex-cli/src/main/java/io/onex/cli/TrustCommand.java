package io.onex.cli;

import io.onex.core.diag.OnexException;
import io.onex.core.project.ProjectLayout;
import io.onex.git.release.LocalState;
import io.onex.git.release.RepositoryTrust;
import io.onex.sign.key.KeyStore;
import io.onex.sign.key.SigningKey;
import io.onex.sign.key.VerifyingKey;
import io.onex.sign.trust.Role;
import io.onex.sign.trust.RoleKeys;
import io.onex.sign.trust.TrustChain;
import io.onex.sign.trust.TrustFiles;
import io.onex.sign.trust.TrustRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "trust", mixinStandardHelpOptions = true,
    description = {"Manage the repository's trust root (.onex-store/trust/root-N.json): keys, roles",
        "(root, release, node-signer), thresholds, expiry and revocations."},
    subcommands = {TrustCommand.Init.class, TrustCommand.Rotate.class, TrustCommand.Verify.class})
final class TrustCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "init", mixinStandardHelpOptions = true,
      description = {"Create trust root version 1, signed by its root keys, and print its SHA-256:",
          "give that digest to every verifier (--root-sha256); it is the only thing they must trust."})
  static final class Init implements Callable<Integer> {
    private final CliEnvironment env;
    @Spec CommandSpec spec;

    @Option(names = "--key", paramLabel = "ID", description = "root key (repeatable; default: the key store's only private key)")
    List<String> rootKeys = new ArrayList<>();

    @Option(names = "--release-key", paramLabel = "ID", description = "release key (repeatable; default: the root keys)")
    List<String> releaseKeys = new ArrayList<>();

    @Option(names = "--node-key", paramLabel = "ID", description = "node-signer key (repeatable; default: the root keys)")
    List<String> nodeKeys = new ArrayList<>();

    @Option(names = "--threshold", defaultValue = "1", paramLabel = "N", description = "signatures needed for each role (default: ${DEFAULT-VALUE})")
    int threshold;

    @Option(names = "--registry", paramLabel = "NAME", description = "registry id (default: the repository directory's name)")
    String registry;

    @Option(names = "--expires-days", defaultValue = "365", paramLabel = "DAYS", description = "validity of the root (default: ${DEFAULT-VALUE})")
    long days;

    Init(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      KeyStore store = SignSupport.keyStore(env);
      List<SigningKey> signers = SignSupport.signingKeys(store, rootKeys);
      Path root = ProjectLayout.discover(env.workingDirectory()).root();
      Set<VerifyingKey> all = new LinkedHashSet<>();
      Map<Role, RoleKeys> roles = new EnumMap<>(Role.class);
      List<VerifyingKey> rootPub = signers.stream().map(SigningKey::publicKey).toList();
      roles.put(Role.ROOT, role(rootPub, all));
      roles.put(Role.RELEASE, role(releaseKeys.isEmpty() ? rootPub : pub(store, releaseKeys), all));
      roles.put(Role.NODE_SIGNER, role(nodeKeys.isEmpty() ? rootPub : pub(store, nodeKeys), all));
      String reg = registry != null ? registry : root.getFileName().toString();
      TrustRoot t = new TrustRoot(reg, 1, SignSupport.expiry(env, days),
          List.copyOf(all), roles, List.of());
      byte[] bytes = TrustFiles.write(RepositoryTrust.trustDir(root), t, signers);
      String pin = TrustChain.pinOf(bytes);
      try (Repository repo = SignSupport.repository(env)) {
        if (repo != null) {
          LocalState.saveRootPin(repo, pin);
        }
      }
      spec.commandLine().getOut().println("wrote " + ProjectLayout.STORE_DIR + "/trust/" + TrustChain.fileName(1)
          + " (registry " + reg + ", expires " + t.expires() + ")");
      spec.commandLine().getOut().println("root-sha256: " + pin);
      return ExitCodes.OK;
    }

    private RoleKeys role(List<VerifyingKey> keys, Set<VerifyingKey> all) {
      all.addAll(keys);
      return new RoleKeys(keys.stream().map(VerifyingKey::id).toList(), threshold);
    }

    private static List<VerifyingKey> pub(KeyStore store, List<String> ids) {
      return ids.stream().map(id -> store.publicKey(store.resolve(id))).toList();
    }
  }

  @Command(name = "verify", mixinStandardHelpOptions = true, description = "Verify the trust root chain from the pinned version 1.")
  static final class Verify implements Callable<Integer> {
    private final CliEnvironment env;
    @Spec CommandSpec spec;

    @Option(names = "--trust-dir", paramLabel = "DIR", description = "trust root directory (default: .onex-store/trust)")
    String trustDir;

    @Option(names = "--root-sha256", paramLabel = "HEX", description = "SHA-256 of trust root version 1")
    String rootSha256;

    Verify(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      try (Repository repo = SignSupport.repository(env)) {
        TrustChain c = SignSupport.trust(env, trustDir == null ? repo : null, trustDir, rootSha256);
        spec.commandLine().getOut().println("ok    trust root version " + c.latest().version() + " of registry "
            + c.latest().registry() + ", expires " + c.latest().expires());
        return ExitCodes.OK;
      } catch (OnexException e) {
        return SignSupport.fail("trust root", e, spec.commandLine().getOut(), spec.commandLine().getOut());
      }
    }
  }

  @Command(name = "rotate", mixinStandardHelpOptions = true,
      description = {"Write trust root version N+1: change role keys, thresholds, revoke keys, renew expiry.",
          "It must be signed by a threshold of version N's root keys AND of its own; it is verified",
          "from the pin before it is kept."})
  static final class Rotate implements Callable<Integer> {
    private final CliEnvironment env;
    @Spec CommandSpec spec;

    @Option(names = "--root-key", paramLabel = "ID", description = "new root keys (repeatable; default: unchanged)")
    List<String> rootKeys = new ArrayList<>();

    @Option(names = "--release-key", paramLabel = "ID", description = "new release keys (repeatable; default: unchanged)")
    List<String> releaseKeys = new ArrayList<>();

    @Option(names = "--node-key", paramLabel = "ID", description = "new node-signer keys (repeatable; default: unchanged)")
    List<String> nodeKeys = new ArrayList<>();

    @Option(names = "--revoke", paramLabel = "ID", description = "key to revoke (repeatable)")
    List<String> revoke = new ArrayList<>();

    @Option(names = "--checkpoint", defaultValue = "0", paramLabel = "SEQ",
        description = "last release sequence the revoked keys may have signed (default: ${DEFAULT-VALUE})")
    long checkpoint;

    @Option(names = "--sign-with", paramLabel = "ID", required = true, description = "root keys of versions N and N+1 that sign (repeatable)")
    List<String> signWith = new ArrayList<>();

    @Option(names = "--expires-days", defaultValue = "365", paramLabel = "DAYS", description = "validity (default: ${DEFAULT-VALUE})")
    long days;

    @Option(names = "--root-sha256", paramLabel = "HEX", description = "SHA-256 of trust root version 1")
    String rootSha256;

    Rotate(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      KeyStore store = SignSupport.keyStore(env);
      Path root = ProjectLayout.discover(env.workingDirectory()).root();
      try (Repository repo = SignSupport.repository(env)) {
        TrustChain chain = SignSupport.trust(env, repo, null, rootSha256);
        Map<Role, List<VerifyingKey>> roles = new EnumMap<>(Role.class);
        roles.put(Role.ROOT, Init.pub(store, rootKeys));
        roles.put(Role.RELEASE, Init.pub(store, releaseKeys));
        roles.put(Role.NODE_SIGNER, Init.pub(store, nodeKeys));
        List<io.onex.sign.trust.Revocation> rev = revoke.stream()
            .map(id -> new io.onex.sign.trust.Revocation(resolveAny(store, chain, id), checkpoint, "revoked by onex trust rotate")).toList();
        var change = new io.onex.sign.trust.TrustRotation.Change(roles, Map.of(), rev, SignSupport.expiry(env, days));
        TrustChain next = io.onex.sign.trust.TrustRotation.rotate(RepositoryTrust.trustDir(root), chain, change,
            SignSupport.signingKeys(store, signWith), env.clock().instant());
        spec.commandLine().getOut().println("wrote " + ProjectLayout.STORE_DIR + "/trust/" + TrustChain.fileName(next.latest().version())
            + " (expires " + next.latest().expires() + ")");
        return ExitCodes.OK;
      } catch (OnexException e) {
        return SignSupport.fail("trust rotate", e, spec.commandLine().getOut(), spec.commandLine().getOut());
      }
    }

    /** A full key id, or a prefix of a key the store or the trust root knows. */
    private static io.onex.sign.key.KeyId resolveAny(KeyStore store, TrustChain chain, String id) {
      return chain.latest().keys().keySet().stream().filter(k -> id.length() >= 8 && k.hex().startsWith(id)).findFirst()
          .orElseGet(() -> store.resolve(id));
    }
  }
}
