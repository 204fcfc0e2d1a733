package io.onex.core.validate;

import io.onex.core.model.Entrypoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The entrypoint must stay inside its node: no absolute path, no {@code ..} segment, nothing
 * under {@code .git}, no symlink (anywhere on the way) that resolves outside the node
 * directory; the target must exist, be a regular file, and be executable for {@code cli}.
 * Checks run on the path text first, so hostile input is rejected before the file system is
 * touched.
 */
final class EntrypointRule {
  private static final String PTR = "/entrypoint/target";

  private EntrypointRule() {}

  static void check(Entrypoint ep, Path nodeDir, Findings f) {
    if (!Entrypoint.KNOWN_TYPES.contains(ep.type())) {
      f.warning(ValidationError.ENTRYPOINT_TYPE_UNKNOWN, "/entrypoint/type",
          "entrypoint.type '" + ep.type() + "' is not run by this ONEX (known: " + String.join(", ", Entrypoint.KNOWN_TYPES) + ")",
          ValidationError.ENTRYPOINT_TYPE_UNKNOWN.hint());
    }
    if (!ep.targetIsFile()) {
      return;
    }
    String target = ep.targetPath();
    if (!textIsSafe(target, f)) {
      return;
    }
    Path resolved = nodeDir.resolve(target).normalize();
    Path real;
    try {
      Path realNode = nodeDir.toRealPath();
      Path escape = escapingLink(nodeDir, target, realNode);
      if (escape != null) {
        f.error(ValidationError.ENTRYPOINT_SYMLINK_ESCAPE, PTR,
            "entrypoint.target '" + target + "' passes through the symlink " + nodeDir.relativize(escape)
                + ", which leads outside the node directory (to " + escape.toRealPath() + ")");
        return;
      }
      if (!Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
        f.error(ValidationError.ENTRYPOINT_MISSING, PTR, "entrypoint.target '" + target + "' does not exist in the node directory");
        return;
      }
      real = resolved.toRealPath();
    } catch (IOException e) {
      f.error(ValidationError.ENTRYPOINT_MISSING, PTR,
          "entrypoint.target '" + target + "' cannot be resolved (a dangling symlink?)");
      return;
    }
    boolean javaDir = ep.type().equals("java") && Files.isDirectory(real);
    if (!Files.isRegularFile(real) && !javaDir) {
      f.error(ValidationError.ENTRYPOINT_NOT_FILE, PTR, "entrypoint.target '" + target + "' is not a regular file");
      return;
    }
    if (ep.type().equals("cli") && !Files.isExecutable(real)) {
      f.error(ValidationError.ENTRYPOINT_NOT_EXECUTABLE, PTR,
          "entrypoint.target '" + target + "' is not executable, and type cli runs it directly",
          "make it executable: chmod +x " + target + " (and git add --chmod=+x " + target + ")");
    }
  }

  /** The first existing path component of {@code target} whose real location is outside the node, or null. */
  private static Path escapingLink(Path nodeDir, String target, Path realNode) throws IOException {
    Path p = nodeDir;
    for (String seg : target.split("/")) {
      if (seg.isEmpty() || seg.equals(".")) {
        continue;
      }
      p = p.resolve(seg);
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        return null;
      }
      if (Files.isSymbolicLink(p) && (!Files.exists(p) || !p.toRealPath().startsWith(realNode))) {
        return Files.exists(p) ? p : null;
      }
    }
    return null;
  }

  private static boolean textIsSafe(String target, Findings f) {
    if (target.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || target.indexOf('\\') >= 0) {
      f.error(ValidationError.ENTRYPOINT_SUSPICIOUS, PTR, "entrypoint.target contains a backslash or control character");
      return false;
    }
    if (target.startsWith("/") || target.startsWith("~") || target.matches("^[A-Za-z]:.*")) {
      f.error(ValidationError.ENTRYPOINT_ABSOLUTE, PTR, "entrypoint.target '" + target + "' is absolute");
      return false;
    }
    for (String seg : target.split("/")) {
      if (seg.equals("..")) {
        f.error(ValidationError.ENTRYPOINT_PARENT, PTR, "entrypoint.target '" + target + "' climbs out of the node directory with '..'");
        return false;
      }
      if (seg.equals(".git")) {
        f.error(ValidationError.ENTRYPOINT_GIT_DIR, PTR, "entrypoint.target '" + target + "' points into .git");
        return false;
      }
    }
    return true;
  }
}
