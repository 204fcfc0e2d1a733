package io.onex.git.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads one ref the way git stores it on disk (loose file, then {@code packed-refs}) without
 * starting JGit: the cheap "has anything moved?" check that keeps {@code onex log} and the
 * store's open fast. Any doubt (a symbolic ref, a reftable, an unreadable file) answers
 * {@code null}, "unknown", and the caller takes the JGit path.
 */
final class LooseRefs {
  private LooseRefs() {}

  /** The id {@code ref} points at; {@code ""} when it certainly does not exist; {@code null} when unknown. */
  static String read(Path workDir, String ref) {
    try {
      Path gitDir = gitDir(workDir.toAbsolutePath());
      if (gitDir == null) {
        return "";
      }
      Path common = gitDir;
      Path commondir = gitDir.resolve("commondir");
      if (Files.isRegularFile(commondir)) {
        common = gitDir.resolve(Files.readString(commondir, StandardCharsets.UTF_8).trim()).normalize();
      }
      if (Files.exists(common.resolve("reftable"))) {
        return null;
      }
      Path loose = common.resolve(ref);
      if (Files.isRegularFile(loose)) {
        String id = Files.readString(loose, StandardCharsets.UTF_8).trim();
        return id.matches("[0-9a-f]{40}") ? id : null;
      }
      Path packed = common.resolve("packed-refs");
      if (!Files.isRegularFile(packed)) {
        return "";
      }
      List<String> lines = Files.readAllLines(packed, StandardCharsets.UTF_8);
      for (String l : lines) {
        if (l.length() == 41 + ref.length() && l.endsWith(" " + ref)) {
          String id = l.substring(0, 40);
          return id.matches("[0-9a-f]{40}") ? id : null;
        }
      }
      return "";
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Path gitDir(Path start) throws IOException {
    for (Path p = start; p != null; p = p.getParent()) {
      Path dotGit = p.resolve(".git");
      if (Files.isDirectory(dotGit)) {
        return dotGit;
      }
      if (Files.isRegularFile(dotGit)) {
        String s = Files.readString(dotGit, StandardCharsets.UTF_8).trim();
        return s.startsWith("gitdir: ") ? p.resolve(s.substring(8).trim()).normalize() : null;
      }
    }
    return null;
  }
}
