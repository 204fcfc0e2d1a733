package io.onex.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Opens the repository a command or hook works in, the way git itself would: {@code GIT_DIR},
 * {@code GIT_WORK_TREE} and {@code GIT_INDEX_FILE} from the given environment (git sets them
 * for hooks; {@code git commit -a} and {@code git commit <paths>} point the index at a
 * temporary file), otherwise the repository containing {@code workDir}. The environment is a
 * parameter: nothing here reads the process environment.
 */
public final class GitRepos {
  private GitRepos() {}

  /** The repository for {@code workDir} and {@code env}; ONEX-J001 when there is none. */
  public static Repository open(Path workDir, Map<String, String> env) {
    FileRepositoryBuilder b = new FileRepositoryBuilder();
    String gitDir = env.get("GIT_DIR");
    String workTree = env.get("GIT_WORK_TREE");
    String index = env.get("GIT_INDEX_FILE");
    try {
      if (gitDir != null && !gitDir.isEmpty()) {
        b.setGitDir(resolve(workDir, gitDir));
        b.setWorkTree(workTree != null && !workTree.isEmpty() ? resolve(workDir, workTree) : workDir.toFile());
      } else {
        b.findGitDir(workDir.toFile());
        if (b.getGitDir() == null) {
          throw GitError.NOT_A_REPOSITORY.fail(workDir.toString(), workDir + " is not inside a git repository");
        }
      }
      if (index != null && !index.isEmpty()) {
        b.setIndexFile(resolve(workDir, index));
      }
      b.setMustExist(true);
      return b.build();
    } catch (IOException | IllegalArgumentException e) {
      throw GitError.NOT_A_REPOSITORY.fail(workDir.toString(), "cannot open the git repository of " + workDir + ": "
          + e.getMessage());
    }
  }

  /** The repository for {@code workDir} and {@code env}, or empty when there is none (no git). */
  public static java.util.Optional<Repository> find(Path workDir, Map<String, String> env) {
    String gitDir = env.get("GIT_DIR");
    if ((gitDir == null || gitDir.isEmpty()) && new FileRepositoryBuilder().findGitDir(workDir.toFile()).getGitDir() == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(open(workDir, env));
  }

  private static File resolve(Path workDir, String path) {
    return workDir.resolve(path).normalize().toFile();
  }
}
