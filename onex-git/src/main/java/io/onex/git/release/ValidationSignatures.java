package io.onex.git.release;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.project.ProjectLayout;
import io.onex.core.project.ValidationReport;
import io.onex.core.validate.NodeReport;
import io.onex.sign.policy.NodeSignatureCheck;
import io.onex.sign.policy.SigningPolicy;
import io.onex.sign.policy.Stage;
import io.onex.sign.trust.TrustRoot;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The signature step of {@code onex validate} (core's validator knows nothing of signing): a
 * node whose lifecycle the repository's {@code signing} policy names must verify against the
 * policy's role, whatever the policy's {@code enforce} stage (validation is what CI runs).
 * Without a policy that names a lifecycle the report is returned unchanged and neither git nor
 * the trust root is read. Working-tree bytes are checked, like the rest of {@code validate}.
 */
public final class ValidationSignatures {
  private ValidationSignatures() {}

  /**
   * {@code report} plus the signature problems of its nodes, for the repository around
   * {@code start}. A policy or trust root that cannot be read is a repository-level problem.
   */
  public static ValidationReport apply(Path start, ValidationReport report, Instant now) {
    ProjectLayout layout = ProjectLayout.discover(start);
    SigningPolicy policy;
    try {
      policy = SigningPolicy.load(layout.configFile());
    } catch (OnexException e) {
      return withRepository(report, e.diagnostics());
    }
    if (policy.require().isEmpty()) {
      return report;
    }
    TrustRoot root;
    try (Repository repo = repository(layout.root())) {
      root = RepositoryTrust.load(repo, RepositoryTrust.trustDir(layout.root()), Optional.empty(), now).latest();
    } catch (OnexException e) {
      return withRepository(report, e.diagnostics());
    }
    List<NodeReport> nodes = new ArrayList<>();
    for (NodeReport n : report.nodes()) {
      boolean required = n.metadata().map(m -> policy.requires(m.lifecycle().wireName(), Stage.PRE_PUSH)).orElse(false);
      if (!required) {
        nodes.add(n);
        continue;
      }
      List<Diagnostic> all = new ArrayList<>(n.diagnostics());
      all.addAll(NodeSignatureCheck.verify(n.metadataFile().getParent(), root, policy.role()).problems());
      nodes.add(new NodeReport(n.metadataFile(), n.displayName(), all, n.metadata(), n.computedHash()));
    }
    return new ValidationReport(nodes, report.repository());
  }

  private static ValidationReport withRepository(ValidationReport r, List<Diagnostic> more) {
    List<Diagnostic> all = new ArrayList<>(r.repository());
    all.addAll(more);
    return new ValidationReport(r.nodes(), all);
  }

  /** The git repository of {@code root}, or null (the trust pin then must come from elsewhere). */
  private static Repository repository(Path root) {
    FileRepositoryBuilder b = new FileRepositoryBuilder().findGitDir(root.toFile());
    if (b.getGitDir() == null) {
      return null;
    }
    try {
      return b.setMustExist(true).build();
    } catch (IOException e) {
      return null;
    }
  }
}
