package io.onex.exec.sandbox;

import io.onex.core.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The per-run directory {@code <base>/onex-sandbox-<random>/} (mode 0700) with three
 * subdirectories: {@code work/} (the current directory, holding the copy of the node),
 * {@code home/} ({@code HOME}) and {@code tmp/} ({@code TMPDIR}).
 *
 * <p>{@link #delete()} removes the whole tree without following symlinks, first giving the
 * owner rwx on every directory so that read-only directories the node created can be emptied.
 */
final class WorkDir {
  private static final Set<PosixFilePermission> OWNER_RWX = EnumSet.of(
      PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_EXECUTE);

  private final Path root;

  private WorkDir(Path root) {
    this.root = root;
  }

  /** Creates a fresh run directory under {@code base}. */
  static WorkDir create(Path base) throws SandboxFailure {
    Path root;
    try {
      root = Files.createTempDirectory(base, "onex-sandbox-");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      throw SandboxFailure.of(SandboxError.WORKDIR_FAILED, base.toString(),
          "cannot create the sandbox directory under " + base + ": " + describe(e));
    }
    WorkDir dir = new WorkDir(root);
    try {
      Files.createDirectory(dir.work());
      Files.createDirectory(dir.home());
      Files.createDirectory(dir.tmp());
    } catch (IOException e) {
      dir.delete();
      throw SandboxFailure.of(SandboxError.WORKDIR_FAILED, root.toString(),
          "cannot create the sandbox directory " + root + ": " + describe(e));
    }
    return dir;
  }

  Path root() {
    return root;
  }

  Path work() {
    return root.resolve("work");
  }

  Path home() {
    return root.resolve("home");
  }

  Path tmp() {
    return root.resolve("tmp");
  }

  /**
   * Deletes the run directory. Never throws: a failure is returned as an {@code ONEX-E013}
   * warning naming the directory and the first problem.
   */
  List<Diagnostic> delete() {
    List<String> problems = new ArrayList<>();
    List<Path> dirs = new ArrayList<>();
    Deque<Path> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Path p = pending.pop();
      try {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class,
            LinkOption.NOFOLLOW_LINKS);
        if (a.isDirectory()) {
          openUp(p);
          dirs.add(p);
          try (DirectoryStream<Path> children = Files.newDirectoryStream(p)) {
            children.forEach(pending::push);
          }
        } else {
          Files.deleteIfExists(p);
        }
      } catch (NoSuchFileException e) {
        // already gone
      } catch (IOException | RuntimeException e) {
        problems.add(p + ": " + describe(e));
      }
    }
    for (int i = dirs.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(dirs.get(i));
      } catch (IOException | RuntimeException e) {
        problems.add(dirs.get(i) + ": " + describe(e));
      }
    }
    if (problems.isEmpty() && !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    String first = problems.isEmpty() ? "it still exists" : problems.get(0);
    return List.of(Diagnostic.warning(SandboxError.CLEANUP_FAILED, root.toString(), 0, 0, "",
        "sandbox directory " + root + " could not be removed (" + problems.size()
            + " problem(s), first: " + first + ")", SandboxError.CLEANUP_FAILED.hint()));
  }

  /** Gives the owner rwx on a directory (checked not to be a symlink by the caller). */
  private static void openUp(Path dir) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir,
          LinkOption.NOFOLLOW_LINKS);
      if (!perms.containsAll(OWNER_RWX)) {
        perms.addAll(OWNER_RWX);
        Files.setPosixFilePermissions(dir, perms);
      }
    } catch (IOException | UnsupportedOperationException e) {
      // not POSIX, or not ours: deletion reports what fails
    }
  }

  /** A short, user-facing description of an I/O failure (no exception class names). */
  static String describe(Exception e) {
    if (e instanceof NoSuchFileException f) {
      return "no such file or directory: " + f.getFile();
    }
    if (e instanceof java.nio.file.AccessDeniedException f) {
      return "permission denied: " + f.getFile();
    }
    if (e instanceof java.nio.file.FileSystemException f) {
      return (f.getReason() == null ? "file system error" : f.getReason()) + ": " + f.getFile();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
