package io.onex.git.hooks;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.git.GitError;
import io.onex.git.index.ChangeSet;
import io.onex.git.release.PolicyGate;
import io.onex.git.release.ReleaseGuard;
import io.onex.git.release.ReleaseRef;
import io.onex.git.release.Releases;
import io.onex.git.release.RepositoryTrust;
import io.onex.sign.SignError;
import io.onex.sign.policy.SigningPolicy;
import io.onex.sign.policy.Stage;
import io.onex.sign.trust.TrustChain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Signatures and releases in the hooks (docs/formats/hooks.md "Signatures and releases").
 *
 * <p>pre-commit: when the staged {@code signing} policy enforces at pre-commit, every changed
 * node (every node when the configuration changed) whose lifecycle the policy names must verify
 * over its staged objects. pre-push: {@link ReleaseGuard} on the ref updates (a deleted or
 * rewritten {@value ReleaseRef#REF} is refused, ONEX-G099); a pushed release history must
 * verify ({@link Releases#verify}, ONEX-J021); every pushed branch or tag must satisfy the
 * policy of its own commit (any {@code enforce} value applies at pre-push). The trust root is
 * the working tree's {@code .onex-store/trust/}, pinned by {@code .git/onex/root-sha256}; a
 * root that cannot be loaded when the policy needs one blocks (fail closed).
 */
final class SignatureGate {
  private static final Pattern KEY_ID = Pattern.compile("\\b[0-9a-f]{64}\\b");

  private SignatureGate() {}

  /** The pre-commit check; null when the commit may go on. */
  static HookResult preCommit(HookContext ctx, Repository repo, ChangeSet changes) {
    List<Diagnostic> problems = new ArrayList<>();
    SigningPolicy policy;
    try {
      policy = PolicyGate.policy(repo, PolicyGate.INDEX);
      if (policy.require().isEmpty() || !policy.enforcedAt(Stage.PRE_COMMIT)) {
        return null;
      }
      Set<String> dirs = new TreeSet<>();
      changes.nodes().forEach(c -> c.after().ifPresent(n -> dirs.add(n.dir())));
      boolean all = changes.configChanged();
      if (!all && dirs.isEmpty()) {
        return null;
      }
      problems.addAll(PolicyGate.check(repo, PolicyGate.INDEX, policy, Stage.PRE_COMMIT, trust(ctx, repo).latest(),
          d -> all || dirs.contains(d)));
    } catch (OnexException e) {
      problems.addAll(e.diagnostics());
      policy = null;
    }
    return problems.isEmpty() ? null : blocked("commit", policy, problems);
  }

  /** The pre-push checks of {@code stdin}'s ref updates; null when the push may go on. */
  static HookResult prePush(HookContext ctx, Repository repo, String stdin) {
    List<ReleaseGuard.PushUpdate> updates = updates(stdin);
    List<Diagnostic> refused = ReleaseGuard.check(repo, updates);
    if (!refused.isEmpty()) {
      return report(List.of("onex: push blocked (" + SignError.RELEASE_REF_REWRITE.id() + "): " + ReleaseRef.REF
          + " is append-only"), refused);
    }
    List<Diagnostic> problems = new ArrayList<>();
    SigningPolicy last = null;
    try {
      for (ReleaseGuard.PushUpdate u : updates) {
        if (u.localId().equals(ObjectId.zeroId()) || u.remoteRef().startsWith("refs/notes/")) {
          continue;
        }
        if (u.remoteRef().equals(ReleaseRef.REF)) {
          Releases.Report r = Releases.verify(repo, trust(ctx, repo), "latest", ctx.clock().instant(), u.localId());
          if (!r.ok()) {
            return report(List.of("onex: push blocked (" + GitError.RELEASE_PUSH.id() + "): the release history at "
                + u.localId().name().substring(0, 12) + " does not verify"), r.problems());
          }
          continue;
        }
        SigningPolicy p = PolicyGate.policy(repo, u.localId().name());
        if (!p.require().isEmpty()) {
          last = p;
          problems.addAll(PolicyGate.check(repo, u.localId().name(), p, Stage.PRE_PUSH, trust(ctx, repo).latest()));
        }
      }
    } catch (OnexException e) {
      problems.addAll(e.diagnostics());
    }
    return problems.isEmpty() ? null : blocked("push", last, problems);
  }

  private static List<ReleaseGuard.PushUpdate> updates(String stdin) {
    List<ReleaseGuard.PushUpdate> out = new ArrayList<>();
    for (String line : stdin.split("\n")) {
      try {
        if (!line.isBlank()) {
          out.add(ReleaseGuard.PushUpdate.parse(line.trim().replaceAll("\\s+", " ")));
        }
      } catch (IllegalArgumentException e) {
        // not a ref line (the pre-commit framework's synthetic line uses names): nothing to guard
      }
    }
    return out;
  }

  private static TrustChain trust(HookContext ctx, Repository repo) {
    if (repo.isBare()) {
      throw GitError.NOT_A_REPOSITORY.fail(repo.getDirectory().toString(), "a bare repository has no working tree"
          + " holding .onex-store/trust/: verify signatures in a clone");
    }
    return RepositoryTrust.load(repo, RepositoryTrust.trustDir(repo.getWorkTree().toPath()), Optional.empty(),
        ctx.clock().instant());
  }

  private static HookResult blocked(String what, SigningPolicy policy, List<Diagnostic> problems) {
    String rule = policy == null ? "" : " (require: " + String.join(", ", policy.require()) + "; role: "
        + policy.role().id() + "; enforce: " + policy.enforce().id() + ")";
    return report(List.of("onex: " + what + " blocked (" + GitError.SIGNATURE_POLICY.id() + "): signing policy" + rule
        + ": " + problems.size() + " problem(s)"), problems);
  }

  /** The headline, then per problem: code and message, node file, key, fix. */
  private static HookResult report(List<String> head, List<Diagnostic> problems) {
    List<String> lines = new ArrayList<>(head);
    for (Diagnostic d : problems) {
      lines.add("  " + d.code() + ": " + d.message());
      lines.add("    node: " + d.file() + (d.field().isEmpty() ? "" : " [" + d.field() + "]"));
      Matcher key = KEY_ID.matcher(d.message());
      lines.add("    key:  " + (key.find() ? key.group() : "(none named)"));
      lines.add("    fix:  " + fix(d));
    }
    return new HookResult(1, lines, problems);
  }

  /** The code's fix with {@code <node>} replaced by the node's directory. */
  private static String fix(Diagnostic d) {
    String meta = "node.onex.yaml";
    if (!d.file().endsWith(meta)) {
      return d.hint();
    }
    String dir = d.file().substring(0, d.file().length() - meta.length()).replaceAll("/$", "");
    return d.hint().replace("<node>", dir.isEmpty() ? "." : dir) + " Then git add and commit again.";
  }
}
