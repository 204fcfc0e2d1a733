package io.onex.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code git} command line for what must behave exactly like git for the user: remote
 * transport (credentials, URLs, protocols) and hook paths. The environment is passed in; git
 * prompts are disabled, and a command that does not finish in ten minutes is killed.
 */
public final class GitCli {
  private static final long TIMEOUT_MINUTES = 10;

  private GitCli() {}

  /** What git did. */
  public record Result(int exit, String out, String err) {
    public boolean ok() {
      return exit == 0;
    }
  }

  /** Runs {@code git args} in {@code dir} with {@code env} (plus GIT_TERMINAL_PROMPT=0). */
  public static Result run(Path dir, Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("git");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.environment().put("GIT_TERMINAL_PROMPT", "0");
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    try {
      Process p = pb.start();
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
      if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw GitError.GIT_COMMAND_FAILED.fail("", "git " + String.join(" ", args) + " did not finish in "
            + TIMEOUT_MINUTES + " minutes");
      }
      return new Result(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw GitError.GIT_COMMAND_FAILED.fail("", "cannot run git " + String.join(" ", args) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw GitError.GIT_COMMAND_FAILED.fail("", "interrupted while running git " + String.join(" ", args));
    }
  }

  /** As {@link #run}, failing with ONEX-J012 (and git's own message) on a non-zero exit. */
  public static String check(Path dir, Map<String, String> env, String... args) {
    Result r = run(dir, env, args);
    if (!r.ok()) {
      throw GitError.GIT_COMMAND_FAILED.fail("", "git " + String.join(" ", args) + " failed (exit " + r.exit()
          + "): " + r.err().strip());
    }
    return r.out();
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
