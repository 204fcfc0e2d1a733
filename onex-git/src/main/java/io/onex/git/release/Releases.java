package io.onex.git.release;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.project.ProjectConfig;
import io.onex.core.project.ProjectLayout;
import io.onex.sign.SignError;
import io.onex.sign.dsse.Envelope;
import io.onex.sign.key.SigningKey;
import io.onex.sign.release.LastRelease;
import io.onex.sign.release.ReleaseNode;
import io.onex.sign.release.ReleaseResult;
import io.onex.sign.release.ReleaseStatement;
import io.onex.sign.release.ReleaseVerifier;
import io.onex.sign.trust.TrustChain;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Signed releases of a repository ({@code docs/formats/release.md}): {@link #create} signs the
 * node set of HEAD and appends it to {@link ReleaseRef#REF}; {@link #verify} checks the whole
 * chain, the local rollback state and the selected release's nodes against git objects.
 *
 * <p>Invariants: hash locks are computed from git objects of the source commit, never from
 * the working tree; a release is only appended on top of a chain that verifies; the local
 * last-release state only moves forward, and only after a successful verification.
 */
public final class Releases {
  private Releases() {}

  /** What {@link #create} made. */
  public record Created(ReleaseStatement statement, String digest, ObjectId commit) {}

  /** What {@link #verify} found about the selected release. */
  public record Report(List<Diagnostic> problems, Optional<ReleaseStatement> release, Optional<String> digest, int releases) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * Signs the node set of HEAD as the next release.
   *
   * @param validity how long the release stays valid
   * @throws OnexException {@code ONEX-G053} for a node whose stored hash is not the lock of its
   *     committed objects, chain and trust failures, {@code ONEX-G036} if {@code keys} do not
   *     reach the release threshold
   */
  public static Created create(Repository repo, TrustChain trust, List<SigningKey> keys, String message,
      Duration validity, Clock clock) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    ObjectId tip = ReleaseRef.tip(repo);
    List<ReleaseVerifier.Entry> chain = ReleaseRef.read(repo, tip);
    ReleaseResult before = ReleaseVerifier.verify(chain, trust, LocalState.lastRelease(repo), now);
    List<Diagnostic> blocking = before.problems().stream()
        .filter(d -> !d.code().equals(SignError.RELEASE_EXPIRED.id()) && !d.code().equals(SignError.RELEASE_NOT_FOUND.id())).toList();
    if (!blocking.isEmpty()) {
      throw new OnexException(blocking);
    }
    RevCommit head = head(repo);
    List<ReleaseNode> nodes = nodes(repo, head);
    long seq = before.statements().size() + 1L;
    Optional<String> prev = before.digests().isEmpty() ? Optional.empty() : Optional.of(before.digests().get(before.digests().size() - 1));
    ReleaseStatement s = new ReleaseStatement(trust.latest().registry(), seq, prev, head.name(), trust.latest().version(),
        now, now.plus(validity), message == null ? "" : message, nodes);
    byte[] payload = s.toPayload();
    byte[] env = Envelope.sign(ReleaseStatement.PAYLOAD_TYPE, payload, keys).toJson();
    List<ReleaseVerifier.Entry> next = new ArrayList<>(chain);
    next.add(new ReleaseVerifier.Entry("new release " + seq, env));
    ReleaseResult check = ReleaseVerifier.verify(next, trust, Optional.empty(), now);
    if (!check.ok()) {
      throw new OnexException(check.problems());
    }
    ObjectId commit = ReleaseRef.append(repo, tip, env, seq, clock);
    String digest = ReleaseStatement.digest(payload);
    LocalState.saveLastRelease(repo, new LastRelease(s.registry(), seq, digest));
    return new Created(s, digest, commit);
  }

  /**
   * Verifies the release ref and the release {@code selector} ({@code "latest"} or a sequence
   * number). Never throws for a verification failure: each is a diagnostic of the report.
   */
  public static Report verify(Repository repo, TrustChain trust, String selector, Instant now) {
    return verify(repo, trust, selector, now, ReleaseRef.tip(repo));
  }

  /**
   * As {@link #verify(Repository, TrustChain, String, Instant)} for the release history ending
   * at commit {@code tip} instead of the local ref (the pre-push hook verifies what it pushes).
   */
  public static Report verify(Repository repo, TrustChain trust, String selector, Instant now, ObjectId tip) {
    List<ReleaseVerifier.Entry> chain = ReleaseRef.read(repo, tip);
    Optional<LastRelease> last = LocalState.lastRelease(repo);
    ReleaseResult r = ReleaseVerifier.verify(chain, trust, last, now);
    List<Diagnostic> problems = new ArrayList<>(r.problems());
    int index = r.statements().size() - 1;
    if (!"latest".equals(selector)) {
      index = selector.matches("[1-9][0-9]{0,9}") ? Integer.parseInt(selector) - 1 : -1;
      if (index < 0 || index >= r.statements().size()) {
        problems.add(Diagnostic.error(SignError.RELEASE_NOT_FOUND, ReleaseRef.REF, 0, 0, "", "no verified release \""
            + selector + "\" (the ref holds " + r.statements().size() + ")"));
        return new Report(problems, Optional.empty(), Optional.empty(), chain.size());
      }
    }
    if (index < 0) {
      return new Report(problems, Optional.empty(), Optional.empty(), chain.size());
    }
    ReleaseStatement s = r.statements().get(index);
    problems.addAll(checkNodes(repo, s));
    if (problems.isEmpty() && r.toLastRelease().isPresent()
        && last.map(l -> l.sequence() <= r.toLastRelease().get().sequence()).orElse(true)) {
      LocalState.saveLastRelease(repo, r.toLastRelease().get());
    }
    return new Report(problems, Optional.of(s), Optional.of(r.digests().get(index)), chain.size());
  }

  /** Every node of {@code s} against the objects of its source commit. */
  static List<Diagnostic> checkNodes(Repository repo, ReleaseStatement s) {
    List<Diagnostic> out = new ArrayList<>();
    RevCommit commit;
    try (RevWalk rw = new RevWalk(repo)) {
      commit = rw.parseCommit(ObjectId.fromString(s.sourceCommit()));
    } catch (IOException | RuntimeException e) {
      out.add(mismatch("release " + s.sequence() + ": source commit " + s.sourceCommit() + " is not in this repository (fetch it)", ""));
      return out;
    }
    for (ReleaseNode n : s.nodes()) {
      try {
        Optional<GitNodes.GitNode> g = GitNodes.read(repo, commit, n.path().equals(".") ? "" : n.path());
        if (g.isEmpty()) {
          out.add(mismatch("node " + n.path() + " of release " + s.sequence() + " is not in commit " + s.sourceCommit(), n.path()));
        } else if (!g.get().blob().name().equals(n.blob())) {
          out.add(mismatch("node " + n.path() + ": node.onex.yaml is blob " + g.get().blob().name() + " at " + s.sourceCommit()
              + ", the release signed blob " + n.blob(), n.path()));
        } else if (!g.get().computedLock().equals(n.hash())) {
          out.add(mismatch("node " + n.path() + ": its files at " + s.sourceCommit() + " give hash lock " + g.get().computedLock()
              + ", the release signed " + n.hash(), n.path()));
        }
      } catch (IOException e) {
        out.add(mismatch("node " + n.path() + " cannot be read: " + e.getMessage(), n.path()));
      } catch (OnexException e) {
        out.addAll(e.diagnostics());
      }
    }
    return out;
  }

  private static Diagnostic mismatch(String message, String field) {
    return Diagnostic.error(SignError.RELEASE_NODE_MISMATCH, ReleaseRef.REF, 0, 0, field, message);
  }

  private static RevCommit head(Repository repo) {
    try (RevWalk rw = new RevWalk(repo)) {
      ObjectId head = repo.resolve("HEAD^{commit}");
      if (head == null) {
        throw new OnexException(Diagnostic.error(SignError.RELEASE_NOT_FOUND, "HEAD", 0, 0, "", "the repository has no commit to release"));
      }
      return rw.parseCommit(head);
    } catch (IOException e) {
      throw GitNodes.io("HEAD", e);
    }
  }

  private static List<ReleaseNode> nodes(Repository repo, RevCommit head) {
    List<ReleaseNode> out = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    try {
      List<String> excluded = repo.isBare() ? List.of()
          : ProjectConfig.load(new ProjectLayout(repo.getWorkTree().toPath())).exclude();
      for (String dir : GitNodes.nodeDirs(repo, head.getTree(), excluded)) {
        GitNodes.GitNode g = GitNodes.read(repo, head, dir).orElseThrow();
        String stored = g.metadata().path("hash").asText("");
        String file = (dir.isEmpty() ? "" : dir + "/") + "node.onex.yaml";
        if (!stored.equals(g.computedLock())) {
          problems.add(Diagnostic.error(SignError.NODE_HASH_MISMATCH, file, 0, 0, "hash", "at " + head.name().substring(0, 12)
              + " the committed files give hash lock " + g.computedLock() + ", node.onex.yaml states " + stored
              + " (a working-tree file may differ from its blob, e.g. by line endings)",
              "Run `onex stamp " + (dir.isEmpty() ? "." : dir) + "`, commit, and release again."));
          continue;
        }
        out.add(new ReleaseNode(dir.isEmpty() ? "." : dir, g.metadata().path("uuid").asText(""),
            g.metadata().path("name").asText(""), g.metadata().path("version").asText(""), g.computedLock(), g.blob().name()));
      }
    } catch (IOException e) {
      throw GitNodes.io("HEAD", e);
    }
    if (!problems.isEmpty()) {
      throw new OnexException(problems);
    }
    return out;
  }
}
