package io.onex.git.release;

import io.onex.core.project.ProjectLayout;
import io.onex.sign.trust.TrustChain;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;

/**
 * The trust root of a repository: {@code .onex-store/trust/} verified from the pinned version 1.
 * The pin is the one given (for example {@code --root-sha256}) or, failing that, the one this
 * clone remembered in {@code .git/onex/root-sha256}; never the first root seen (no TOFU). A
 * given pin that verifies is remembered when none was.
 */
public final class RepositoryTrust {
  private RepositoryTrust() {}

  /** The trust directory of the repository whose working tree is {@code root}. */
  public static Path trustDir(Path root) {
    return root.resolve(ProjectLayout.STORE_DIR).resolve("trust");
  }

  /**
   * Loads and verifies the chain.
   *
   * @param trustDir usually {@link #trustDir}; a test or offline check may pass another
   * @throws io.onex.core.diag.OnexException the chain's failure ({@code ONEX-G07x/G08x})
   */
  public static TrustChain load(Repository repo, Path trustDir, Optional<String> pin, Instant now) {
    Optional<String> saved = repo == null ? Optional.empty() : LocalState.rootPin(repo);
    String use = pin.or(() -> saved).orElse(null);
    TrustChain chain = TrustChain.load(trustDir, use, now);
    if (repo != null && saved.isEmpty()) {
      LocalState.saveRootPin(repo, chain.pin());
    }
    return chain;
  }
}
