package io.onex.git.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Real repositories for tests, driven by the {@code git} command line and opened with JGit.
 *
 * <p>Hermetic: every repository gets its own {@code user.name}/{@code user.email} in its local
 * config, and every {@code git} process runs with an environment built from scratch (no
 * system config, HOME and XDG_CONFIG_HOME under the test home that surefire sets, fixed
 * identity and dates, C locale, no prompts).
 */
public final class GitFixtures {
  public static final String NAME = "ONEX Test";
  public static final String EMAIL = "test@onex.invalid";
  /** The instant of every commit the fixtures make, and the default clock of code under test. */
  public static final Instant NOW = Instant.parse("2025-05-17T10:00:00Z");
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final long TIMEOUT_SECONDS = 120;

  private GitFixtures() {}

  /** What a git process did. */
  public record Run(int exitCode, byte[] stdout, String stderr) {
    public String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }
  }

  /** {@code git init -b main} of a working repository in {@code dir}, with a local identity. */
  public static Path init(Path dir) {
    mkdirs(dir);
    git(dir, "init", "-q", "-b", "main");
    identity(dir);
    return dir;
  }

  /** A bare repository in {@code dir}, with a local identity. */
  public static Path initBare(Path dir) {
    mkdirs(dir);
    git(dir, "init", "-q", "--bare", "-b", "main");
    identity(dir);
    return dir;
  }

  /** {@code git clone} of {@code from} into {@code to}, with a local identity. */
  public static Path cloneOf(Path from, Path to) {
    mkdirs(to.getParent());
    git(to.getParent(), "clone", "-q", from.toString(), to.toString());
    identity(to);
    return to;
  }

  /** Sets the repository's own identity (and no signing) in its local config. */
  public static void identity(Path dir) {
    git(dir, "config", "user.name", NAME);
    git(dir, "config", "user.email", EMAIL);
    git(dir, "config", "commit.gpgsign", "false");
  }

  /** A new JGit repository instance over {@code dir} (a working tree or a bare repository). */
  public static Repository open(Path dir) {
    Path gitDir = Files.isDirectory(dir.resolve(".git")) ? dir.resolve(".git") : dir;
    try {
      return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code path} (UTF-8) under the working tree and stages it; returns its blob id. */
  public static ObjectId stage(Path dir, String path, String content) {
    Path file = dir.resolve(path);
    mkdirs(file.getParent());
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    git(dir, "add", "--", path);
    return ObjectId.fromString(git(dir, "rev-parse", ":" + path).trim());
  }

  /** Commits what is staged; returns the commit id. */
  public static ObjectId commit(Path dir, String message) {
    git(dir, "commit", "-q", "--no-verify", "-m", message);
    return ObjectId.fromString(git(dir, "rev-parse", "HEAD").trim());
  }

  /** Inserts a blob with JGit (as staging would) and returns its id. */
  public static ObjectId blob(Repository repo, byte[] content) {
    try (ObjectInserter ins = repo.newObjectInserter()) {
      ObjectId id = ins.insert(Constants.OBJ_BLOB, content);
      ins.flush();
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code git args} in {@code dir}; fails the test on a non-zero exit. Returns stdout (UTF-8). */
  public static String git(Path dir, String... args) {
    return new String(gitBytes(dir, null, args), StandardCharsets.UTF_8);
  }

  /** Runs git with {@code stdin}; fails the test on a non-zero exit. Returns the exact stdout bytes. */
  public static byte[] gitBytes(Path dir, byte[] stdin, String... args) {
    Run r = run(dir, stdin, args);
    if (r.exitCode() != 0) {
      throw new AssertionError("git " + String.join(" ", args) + " failed (" + r.exitCode() + "): " + r.stderr());
    }
    return r.stdout();
  }

  /** Runs git and returns what happened, whatever the exit code. */
  public static Run run(Path dir, byte[] stdin, String... args) {
    return runWith(dir, stdin, Map.of(), args);
  }

  /** Runs git with {@code extraEnv} on top of {@link #cleanEnv()}, whatever the exit code. */
  public static Run runWith(Path dir, byte[] stdin, Map<String, String> extraEnv, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("git");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(cleanEnv());
    pb.environment().putAll(extraEnv);
    try {
      Process p = pb.start();
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
      CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
      try (OutputStream in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin);
        }
      }
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("git " + String.join(" ", args) + " did not finish");
      }
      return new Run(p.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The environment of every git process: nothing inherited but PATH. */
  public static Map<String, String> cleanEnv() {
    String home = System.getProperty("user.home");
    String date = NOW.toString();
    return Map.ofEntries(
        Map.entry("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")),
        Map.entry("HOME", home),
        Map.entry("XDG_CONFIG_HOME", Path.of(home, ".config").toString()),
        Map.entry("GIT_CONFIG_NOSYSTEM", "1"),
        Map.entry("GIT_TERMINAL_PROMPT", "0"),
        Map.entry("LC_ALL", "C"),
        Map.entry("GIT_AUTHOR_NAME", NAME),
        Map.entry("GIT_AUTHOR_EMAIL", EMAIL),
        Map.entry("GIT_COMMITTER_NAME", NAME),
        Map.entry("GIT_COMMITTER_EMAIL", EMAIL),
        Map.entry("GIT_AUTHOR_DATE", date),
        Map.entry("GIT_COMMITTER_DATE", date));
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void mkdirs(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
