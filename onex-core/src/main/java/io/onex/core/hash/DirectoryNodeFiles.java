package io.onex.core.hash;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link NodeFiles} over a directory of the file system.
 *
 * <p>The scan does not follow symbolic links (a link is an entry, mode 120000, whose content
 * is its target text) and does not descend into {@code .git}, {@code __pycache__} or a
 * subdirectory holding its own {@code node.onex.yaml} (a file or a link of that name). A
 * regular file is executable (100755) when its owner-execute bit is set, as git decides; on a
 * file system without POSIX permissions every regular file is 100644. Other file types
 * (sockets, pipes, devices) are skipped, as git skips them. A name that the JVM could not
 * decode (it holds U+FFFD) is refused rather than hashed under a wrong name.
 */
final class DirectoryNodeFiles implements NodeFiles {
  private final String origin;
  private final List<Entry> entries;

  private DirectoryNodeFiles(String origin, List<Entry> entries) {
    this.origin = origin;
    this.entries = List.copyOf(entries);
  }

  static NodeFiles scan(Path nodeDir) {
    String origin = nodeDir.toString();
    if (!Files.isDirectory(nodeDir)) {
      throw new OnexException(Diagnostic.error(HashError.NOT_A_DIRECTORY, origin, 0, 0, "",
          "not a directory: " + origin));
    }
    try {
      Path root = nodeDir.toRealPath();
      Scanner scanner = new Scanner(root, origin);
      Files.walkFileTree(root, scanner);
      return new DirectoryNodeFiles(origin, scanner.found);
    } catch (IOException e) {
      throw new OnexException(Diagnostic.error(HashError.READ_FAILED, origin, 0, 0, "",
          "cannot list the node directory: " + Sha256.describe(e)));
    }
  }

  @Override
  public String origin() {
    return origin;
  }

  @Override
  public List<Entry> entries() {
    return entries;
  }

  /** The walk; {@code found} receives one entry per node file. */
  private static final class Scanner extends SimpleFileVisitor<Path> {
    private final Path root;
    private final String origin;
    private final boolean posix;
    private final List<Entry> found = new ArrayList<>();

    Scanner(Path root, String origin) {
      this.root = root;
      this.origin = origin;
      this.posix = Files.getFileAttributeView(root, PosixFileAttributeView.class) != null;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      if (dir.equals(root)) {
        return FileVisitResult.CONTINUE;
      }
      String name = dir.getFileName().toString();
      if (NodePaths.excludedName(name) || isNestedNode(dir)) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      relative(dir);
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
      String rel = relative(file);
      if (NodePaths.excludedName(file.getFileName().toString())
          || rel.equals(NodeFiles.METADATA_FILE)) {
        return FileVisitResult.CONTINUE;
      }
      if (attrs.isSymbolicLink()) {
        found.add(new LinkEntry(rel, linkTarget(file, rel)));
      } else if (attrs.isRegularFile()) {
        found.add(new FileEntry(rel, executable(file) ? Mode.EXECUTABLE : Mode.REGULAR, file));
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      throw new OnexException(Diagnostic.error(HashError.READ_FAILED,
          origin + "/" + root.relativize(file), 0, 0, "", "cannot read: " + Sha256.describe(e)));
    }

    private static boolean isNestedNode(Path dir) {
      Path meta = dir.resolve(NodeFiles.METADATA_FILE);
      return Files.isRegularFile(meta, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(meta);
    }

    private boolean executable(Path file) throws IOException {
      return posix && Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)
          .contains(PosixFilePermission.OWNER_EXECUTE);
    }

    private byte[] linkTarget(Path link, String rel) throws IOException {
      String target = Files.readSymbolicLink(link).toString();
      checkDecoded(target, rel);
      return target.getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code /}-separated path of {@code p} below the root. */
    private String relative(Path p) {
      Path rel = root.relativize(p);
      StringBuilder sb = new StringBuilder();
      for (Path part : rel) {
        if (sb.length() > 0) {
          sb.append('/');
        }
        sb.append(part.toString());
      }
      String s = sb.toString();
      checkDecoded(s, s);
      return s;
    }

    private void checkDecoded(String text, String rel) {
      if (text.indexOf('\uFFFD') >= 0 || NodePaths.hasLoneSurrogate(text)) {
        throw new OnexException(Diagnostic.error(HashError.UNDECODABLE_NAME, origin + "/" + rel,
            0, 0, "", "the file name or link target is not valid UTF-8 (or not readable in the"
                + " JVM's file-name encoding, " + System.getProperty("sun.jnu.encoding") + ")"));
      }
    }
  }

  private record FileEntry(String path, Mode mode, Path file) implements Entry {
    @Override
    public InputStream open() throws IOException {
      return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
    }
  }

  private record LinkEntry(String path, byte[] target) implements Entry {
    @Override
    public Mode mode() {
      return Mode.SYMLINK;
    }

    @Override
    public InputStream open() {
      return new ByteArrayInputStream(target);
    }
  }
}
