package io.onex.exec.executors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A java entrypoint target, {@code <jar or classes dir>#<fully qualified class>}, resolved
 * inside the node directory.
 *
 * <p>Invariants: the path is relative, without backslashes, control characters, empty,
 * {@code .}, {@code ..} or {@code .git} segments (one trailing {@code /} is allowed); its real
 * path (symbolic links followed) lies strictly inside the node directory's real path; it is a
 * directory or a regular file starting with the zip signature {@code PK\3\4}.
 */
record JavaTarget(Path location, boolean jar, String className) {
  private static final Pattern CLASS_NAME =
      Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

  static JavaTarget resolve(Path nodeDir, String target) throws JavaLoadException {
    int hash = target.indexOf('#');
    if (hash <= 0 || hash != target.lastIndexOf('#') || hash == target.length() - 1) {
      throw new JavaLoadException("entrypoint.target '" + target + "' is not <jar or classes dir>#<fully qualified class>");
    }
    String path = target.substring(0, hash);
    String cls = target.substring(hash + 1);
    if (!CLASS_NAME.matcher(cls).matches()) {
      throw new JavaLoadException("entrypoint.target '" + target + "': '" + cls + "' is not a fully qualified class name");
    }
    Path location = inside(nodeDir, path, target);
    boolean dir = Files.isDirectory(location);
    if (!dir && !isZip(location)) {
      throw new JavaLoadException("entrypoint.target '" + target + "': " + path + " is neither a directory nor a jar");
    }
    return new JavaTarget(location, !dir, cls);
  }

  private static Path inside(Path nodeDir, String path, String target) throws JavaLoadException {
    String rel = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    boolean bad = rel.isEmpty() || rel.startsWith("/") || rel.indexOf('\\') >= 0 || rel.chars().anyMatch(c -> c < 0x20);
    for (String seg : rel.split("/", -1)) {
      bad |= seg.isEmpty() || seg.equals(".") || seg.equals("..") || seg.equals(".git");
    }
    if (bad) {
      throw new JavaLoadException("entrypoint.target '" + target + "': " + path
          + " is not a relative path inside the node directory (no /, .., . or .git)");
    }
    Path real;
    Path root;
    try {
      root = nodeDir.toRealPath();
      real = nodeDir.resolve(rel).toRealPath();
    } catch (IOException e) {
      throw new JavaLoadException("entrypoint.target '" + target + "': " + path + " does not exist in the node directory");
    }
    if (!real.startsWith(root) || real.equals(root)) {
      throw new JavaLoadException("entrypoint.target '" + target + "': " + path
          + " leaves the node directory (through a symbolic link)");
    }
    return real;
  }

  private static boolean isZip(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4);
      return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    } catch (IOException e) {
      return false;
    }
  }
}
