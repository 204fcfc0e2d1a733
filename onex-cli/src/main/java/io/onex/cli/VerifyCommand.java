package io.onex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.git.release.Releases;
import io.onex.sign.policy.NodeSignatureCheck;
import io.onex.sign.release.LastRelease;
import io.onex.sign.release.ReleaseResult;
import io.onex.sign.release.ReleaseVerifier;
import io.onex.sign.trust.Role;
import io.onex.sign.trust.TrustChain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Verify node signatures, or signed releases, against the repository's trust root",
        "(.onex-store/trust/, version 1 pinned by --root-sha256 or by .git/onex/root-sha256).",
        "Every failure prints its reason code, the key involved and the fix; exit 1 when any fails."})
final class VerifyCommand implements Callable<Integer> {
  private static final java.util.regex.Pattern KEY_ID = java.util.regex.Pattern.compile("\\b[0-9a-f]{64}\\b");
  private final CliEnvironment env;

  @Parameters(arity = "0..*", paramLabel = "NODE", description = "node directories whose signature_block to verify")
  List<String> nodes = List.of();

  @Option(names = "--release", arity = "0..1", fallbackValue = "latest", paramLabel = "ID",
      description = "verify the release ref and release ID (a sequence number, or latest)")
  String release;

  @Option(names = "--chain", paramLabel = "DIR", description = "verify release envelope files of DIR (sorted by name), without git")
  String chain;

  @Option(names = "--last-release", paramLabel = "FILE", description = "with --chain: the last verified release state")
  String lastRelease;

  @Option(names = "--policy", paramLabel = "STAGE",
      description = "apply the signing policy of .onex-store/config.yaml as the pre-commit or pre-push hook would")
  String policy;

  @Option(names = "--rev", defaultValue = ":index", paramLabel = "REV",
      description = "with --policy: the revision whose git objects to check (default: the index)")
  String rev;

  @Option(names = "--trust-dir", paramLabel = "DIR", description = "trust root directory (default: .onex-store/trust)")
  String trustDir;

  @Option(names = "--root-sha256", paramLabel = "HEX", description = "SHA-256 of trust root version 1 (printed by onex trust init)")
  String rootSha256;

  @Option(names = "--role", defaultValue = "node-signer", paramLabel = "ROLE", description = "role whose keys sign nodes (default: ${DEFAULT-VALUE})")
  String role;

  @Mixin FormatOption format;

  VerifyCommand(CliEnvironment env) {
    this.env = env;
  }

  /** One verified thing and its problems. */
  private record Subject(String name, String key, List<Diagnostic> problems) {}

  @Override
  public Integer call() throws IOException {
    if (nodes.isEmpty() && release == null && chain == null && policy == null) {
      throw new OnexException(Diagnostic.error(CliError.USAGE, "", 0, 0, "", "name nodes to verify, or pass --release, --chain or --policy"));
    }
    io.onex.sign.policy.Stage stage = policy == null ? null : java.util.Arrays.stream(io.onex.sign.policy.Stage.values())
        .filter(x -> x.id().equals(policy)).findFirst().orElseThrow(() -> new OnexException(Diagnostic.error(CliError.USAGE,
            "", 0, 0, "--policy", "--policy takes pre-commit or pre-push")));
    Role r = Role.of(role).orElseThrow(() -> new OnexException(Diagnostic.error(CliError.USAGE, "", 0, 0, "--role",
        "role must be root, release or node-signer")));
    List<Subject> subjects = new ArrayList<>();
    try (Repository repo = SignSupport.repository(env)) {
      TrustChain trust;
      try {
        trust = SignSupport.trust(env, chain == null && trustDir == null ? repo : null, trustDir, rootSha256);
      } catch (OnexException e) {
        subjects.add(new Subject("trust root", "", e.diagnostics()));
        return print(subjects);
      }
      for (String n : nodes) {
        NodeSignatureCheck.Outcome o = NodeSignatureCheck.verify(env.resolve(n), trust.latest(), r);
        String key = o.result().flatMap(b -> b.keyId()).map(k -> k.hex()).orElse("");
        subjects.add(new Subject(n, key, o.problems()));
      }
      if (stage != null) {
        if (repo == null) {
          throw new OnexException(Diagnostic.error(CliError.USAGE, "", 0, 0, "--policy", "--policy needs a git repository"));
        }
        var pol = io.onex.git.release.PolicyGate.policy(repo.getWorkTree().toPath());
        subjects.add(new Subject("signing policy at " + stage.id() + " (" + rev + ")", "",
            io.onex.git.release.PolicyGate.check(repo, rev, pol, stage, trust.latest())));
      }
      if (chain != null) {
        subjects.add(new Subject("releases in " + chain, "", offline(trust)));
      } else if (release != null) {
        if (repo == null) {
          throw new OnexException(Diagnostic.error(CliError.USAGE, "", 0, 0, "--release", "--release needs a git repository"));
        }
        Releases.Report rep = Releases.verify(repo, trust, release, env.clock().instant());
        String name = "release " + rep.release().map(s -> s.sequence() + " (" + s.nodes().size() + " nodes, commit "
            + s.sourceCommit().substring(0, 12) + ")").orElse(release);
        subjects.add(new Subject(name, "", rep.problems()));
      }
    }
    return print(subjects);
  }

  private List<Diagnostic> offline(TrustChain trust) throws IOException {
    List<ReleaseVerifier.Entry> entries = new ArrayList<>();
    try (Stream<Path> s = Files.list(env.resolve(chain))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        entries.add(new ReleaseVerifier.Entry(chain + "/" + p.getFileName(), Files.readAllBytes(p)));
      }
    }
    Optional<LastRelease> last = Optional.empty();
    if (lastRelease != null) {
      last = Optional.of(LastRelease.parse(Files.readAllBytes(env.resolve(lastRelease)), lastRelease));
    }
    ReleaseResult res = ReleaseVerifier.verify(entries, trust, last, env.clock().instant());
    return res.problems();
  }

  private int print(List<Subject> subjects) {
    boolean ok = subjects.stream().allMatch(s -> s.problems().isEmpty());
    return format.print("onex.verify/1", o -> {
      o.put("ok", ok);
      ArrayNode arr = o.putArray("subjects");
      for (Subject s : subjects) {
        arr.addObject().put("subject", s.name()).put("ok", s.problems().isEmpty()).put("key", s.key())
            .set("diagnostics", Json.diagnostics(s.problems()));
      }
    }, out -> subjects.forEach(s -> printText(s, out)), ok ? ExitCodes.OK : ExitCodes.FINDINGS);
  }

  private static void printText(Subject s, java.io.PrintWriter out) {
    if (s.problems().isEmpty()) {
      out.println("ok    " + s.name() + (s.key().isEmpty() ? "" : "  signed by key " + s.key()));
      return;
    }
    out.println("FAIL  " + s.name());
    for (Diagnostic d : s.problems()) {
      out.println("  reason: " + d.code() + " " + d.message());
      java.util.regex.Matcher key = KEY_ID.matcher(d.message());
      if (!s.key().isEmpty() || key.find()) {
        out.println("  key:    " + (s.key().isEmpty() ? key.group() : s.key()));
      }
      out.println("  where:  " + d.file() + (d.field().isEmpty() ? "" : " [" + d.field() + "]"));
      out.println("  fix:    " + d.hint());
    }
  }
}
