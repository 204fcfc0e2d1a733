package io.onex.git.release;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.project.ProjectConfig;
import io.onex.core.project.ProjectLayout;
import io.onex.sign.SignError;
import io.onex.sign.policy.NodeSignatureCheck;
import io.onex.sign.policy.SigningPolicy;
import io.onex.sign.policy.Stage;
import io.onex.sign.trust.TrustRoot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;

/**
 * The signature step of validation, for the hooks: every node of a tree (the index at
 * pre-commit, a pushed commit at pre-push) whose lifecycle the {@link SigningPolicy} of
 * {@code .onex-store/config.yaml} names must carry a {@code signature_block} that verifies
 * against the policy's trust-root role, over the hash lock computed from the git objects
 * (never the working tree). Nodes the policy does not name are not checked.
 */
public final class PolicyGate {
  /** Selects the index (staged content) instead of a revision. */
  public static final String INDEX = ":index";

  private PolicyGate() {}

  /** The policy of the repository at {@code root} ({@code SigningPolicy.NONE} without one). */
  public static SigningPolicy policy(Path root) {
    return SigningPolicy.load(new ProjectLayout(root).configFile());
  }

  /**
   * The policy of {@code .onex-store/config.yaml} as it is in {@code rev} ({@link #INDEX}: as
   * staged), read from the git objects ({@code SigningPolicy.NONE} when the file is absent).
   *
   * @throws OnexException {@code ONEX-G060} for an invalid {@code signing} value, YAML codes
   */
  public static SigningPolicy policy(Repository repo, String rev) {
    String path = ProjectLayout.STORE_DIR + "/" + ProjectLayout.CONFIG_FILE;
    try {
      ObjectId tree = tree(repo, rev);
      try (org.eclipse.jgit.treewalk.TreeWalk tw = org.eclipse.jgit.treewalk.TreeWalk.forPath(repo, path, tree)) {
        if (tw == null) {
          return SigningPolicy.NONE;
        }
        byte[] bytes = repo.open(tw.getObjectId(0)).getBytes();
        return SigningPolicy.parse(bytes, (INDEX.equals(rev) ? "" : rev + ":") + path);
      }
    } catch (IOException e) {
      throw GitNodes.io(rev, e);
    }
  }

  /**
   * Checks the nodes of {@code rev} ({@link #INDEX} or any revision git resolves) at
   * {@code stage}. Returns one diagnostic per failure (ONEX-G05x, G021, G038), empty when every
   * node the policy names verifies.
   */
  public static List<Diagnostic> check(Repository repo, String rev, SigningPolicy policy, Stage stage, TrustRoot root) {
    return check(repo, rev, policy, stage, root, dir -> true);
  }

  /**
   * As {@link #check(Repository, String, SigningPolicy, Stage, TrustRoot)}, limited to the node
   * directories {@code dirs} accepts (repository-relative, {@code ""} for the root): the
   * pre-commit hook checks only the nodes a commit changes.
   */
  public static List<Diagnostic> check(Repository repo, String rev, SigningPolicy policy, Stage stage, TrustRoot root,
      java.util.function.Predicate<String> dirs) {
    List<Diagnostic> out = new ArrayList<>();
    if (policy.require().isEmpty() || !policy.enforcedAt(stage)) {
      return out;
    }
    try {
      ObjectId tree = tree(repo, rev);
      Path workTree = repo.isBare() ? null : repo.getWorkTree().toPath();
      List<String> excluded = workTree == null ? List.of() : ProjectConfig.load(new ProjectLayout(workTree)).exclude();
      for (String dir : GitNodes.nodeDirs(repo, tree, excluded)) {
        if (!dirs.test(dir)) {
          continue;
        }
        Optional<GitNodes.GitNode> g;
        try {
          g = GitNodes.read(repo, tree, rev, dir);
        } catch (OnexException e) {
          out.addAll(e.diagnostics());
          continue;
        }
        if (g.isEmpty() || !policy.require().contains(g.get().metadata().path("lifecycle").asText(""))) {
          continue;
        }
        String file = (dir.isEmpty() ? "" : dir + "/") + "node.onex.yaml";
        Path nodeDir = workTree == null ? Path.of(dir.isEmpty() ? "." : dir) : workTree.resolve(dir);
        out.addAll(NodeSignatureCheck.verify(nodeDir, g.get().metadata(), g.get().computedLock(), root, policy.role(), file).problems());
      }
    } catch (IOException e) {
      throw GitNodes.io(rev, e);
    }
    return out;
  }

  private static ObjectId tree(Repository repo, String rev) throws IOException {
    if (INDEX.equals(rev)) {
      DirCache dc = repo.readDirCache();
      try (ObjectInserter ins = repo.newObjectInserter()) {
        ObjectId id = dc.writeTree(ins);
        ins.flush();
        return id;
      }
    }
    ObjectId id = repo.resolve(rev + "^{tree}");
    if (id == null) {
      throw new OnexException(Diagnostic.error(SignError.RELEASE_NOT_FOUND, rev, 0, 0, "", "\"" + rev + "\" is not a revision of this repository"));
    }
    return id;
  }
}
