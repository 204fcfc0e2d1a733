package io.onex.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Date;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The few repository operations the demo and tests need (init, stage everything, commit),
 * through JGit. Identity and time are passed in: nothing is read from the user's config.
 */
public final class GitWorkspace implements AutoCloseable {
  private final Git git;
  private final PersonIdent author;
  private final Clock clock;

  private GitWorkspace(Git git, PersonIdent author, Clock clock) {
    this.git = git;
    this.author = author;
    this.clock = clock;
  }

  /** Creates a repository in {@code dir} (branch {@code main}) with a local identity. */
  public static GitWorkspace init(Path dir, String name, String email, Clock clock) {
    try {
      Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
      StoredConfig cfg = git.getRepository().getConfig();
      cfg.setString("user", null, "name", name);
      cfg.setString("user", null, "email", email);
      cfg.save();
      return new GitWorkspace(git, new PersonIdent(name, email), clock);
    } catch (GitAPIException e) {
      throw new IllegalStateException("git init failed in " + dir + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stages every change (additions, edits, deletions) and commits it; returns the commit id. */
  public String commitAll(String message) {
    try {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      PersonIdent when = new PersonIdent(author, Date.from(clock.instant()), TimeZone.getTimeZone("UTC"));
      RevCommit c = git.commit().setMessage(message).setAuthor(when).setCommitter(when).setSign(false).call();
      return c.getId().name();
    } catch (GitAPIException e) {
      throw new IllegalStateException("git commit failed: " + e.getMessage(), e);
    }
  }

  public Path directory() {
    return git.getRepository().getWorkTree().toPath();
  }

  @Override
  public void close() {
    git.close();
  }
}
