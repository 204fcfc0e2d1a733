package io.onex.exec.sandbox;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;

/**
 * Copies a node directory into the sandbox working directory, never following a symlink out
 * of the node.
 *
 * <p>Rules: directories are recreated (owner-writable); regular files are copied with their
 * permissions and times; a symlink is replaced by a copy of the regular file it resolves to,
 * and only if that file (after resolving every link in the chain) lies inside the node
 * directory ({@code ONEX-E006} otherwise, also for dangling links and loops); a symlink to a
 * directory, a pipe, socket or device is refused ({@code ONEX-E007}); anything unreadable is
 * {@code ONEX-E008}. The copy stops at the first problem; the caller deletes the partial copy.
 */
final class NodeCopy extends SimpleFileVisitor<Path> {
  private final Path shown;
  private final Path source;
  private final Path target;
  private SandboxFailure failure;

  private NodeCopy(Path shown, Path source, Path target) {
    this.shown = shown;
    this.source = source;
    this.target = target;
  }

  /** Copies the contents of {@code nodeDir} into the existing, empty {@code target}. */
  static void copy(Path nodeDir, Path target) throws SandboxFailure {
    Path real;
    try {
      real = nodeDir.toRealPath();
    } catch (IOException e) {
      throw SandboxFailure.of(SandboxError.NODE_DIR_UNREADABLE, nodeDir.toString(),
          "node directory " + nodeDir + " cannot be read: " + WorkDir.describe(e));
    }
    if (!Files.isDirectory(real)) {
      throw SandboxFailure.of(SandboxError.NODE_DIR_UNREADABLE, nodeDir.toString(),
          "node directory " + nodeDir + " is not a directory");
    }
    NodeCopy visitor = new NodeCopy(nodeDir, real, target);
    try {
      Files.walkFileTree(real, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE,
          visitor);
    } catch (IOException e) {
      if (visitor.failure == null) {
        throw SandboxFailure.of(SandboxError.NODE_DIR_UNREADABLE, nodeDir.toString(),
            "node directory " + nodeDir + " cannot be copied: " + WorkDir.describe(e));
      }
    }
    if (visitor.failure != null) {
      throw visitor.failure;
    }
  }

  @Override
  public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
      throws IOException {
    if (!dir.equals(source)) {
      Files.createDirectory(destination(dir));
    }
    return FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
    if (attrs.isRegularFile()) {
      Files.copy(file, destination(file), StandardCopyOption.COPY_ATTRIBUTES,
          LinkOption.NOFOLLOW_LINKS);
      return FileVisitResult.CONTINUE;
    }
    if (attrs.isSymbolicLink()) {
      return copyLink(file);
    }
    return refuse(SandboxError.UNSUPPORTED_FILE, file, "'" + relative(file) + "' in node directory "
        + shown + " is not a regular file, directory or symlink (a pipe, socket or device)");
  }

  @Override
  public FileVisitResult visitFileFailed(Path file, IOException exc) {
    return refuse(SandboxError.NODE_DIR_UNREADABLE, file, "'" + relative(file)
        + "' in node directory " + shown + " cannot be read: " + WorkDir.describe(exc));
  }

  @Override
  public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
    if (exc != null) {
      return visitFileFailed(dir, exc);
    }
    return FileVisitResult.CONTINUE;
  }

  private FileVisitResult copyLink(Path link) throws IOException {
    String pointsTo = String.valueOf(Files.readSymbolicLink(link));
    Path resolved;
    try {
      resolved = link.toRealPath();
    } catch (IOException e) {
      return refuse(SandboxError.SYMLINK_OUTSIDE, link, "symlink '" + relative(link) + "' -> '"
          + pointsTo + "' in node directory " + shown + " is dangling or loops");
    }
    if (!resolved.startsWith(source)) {
      return refuse(SandboxError.SYMLINK_OUTSIDE, link, "symlink '" + relative(link) + "' -> '"
          + pointsTo + "' in node directory " + shown + " points outside the node (to "
          + resolved + ")");
    }
    if (!Files.isRegularFile(resolved, LinkOption.NOFOLLOW_LINKS)) {
      return refuse(SandboxError.UNSUPPORTED_FILE, link, "symlink '" + relative(link) + "' -> '"
          + pointsTo + "' in node directory " + shown + " does not point to a regular file");
    }
    Files.copy(resolved, destination(link), StandardCopyOption.COPY_ATTRIBUTES);
    return FileVisitResult.CONTINUE;
  }

  private FileVisitResult refuse(SandboxError code, Path file, String message) {
    failure = SandboxFailure.of(code, shown.resolve(source.relativize(file)).toString(), message);
    return FileVisitResult.TERMINATE;
  }

  private Path destination(Path p) {
    return target.resolve(source.relativize(p));
  }

  private String relative(Path p) {
    return source.relativize(p).toString();
  }
}
