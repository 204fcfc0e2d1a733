package io.onex.git.hooks;

import io.onex.git.GitCli;
import io.onex.git.GitError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The direct JVM path of the hooks (docs/formats/hooks.md "Hook JVM"): {@code onex hooks
 * install} writes {@code <git common dir>/onex/onex-hook-java}, a shell wrapper holding the
 * exact java command line (java executable, jar or class path, flags), so a hook starts the
 * CLI without the launcher's rebuild check; and a dynamic AppCDS archive
 * {@code <git common dir>/onex/cds/onex-<key>.jsa} made by a training run of a representative
 * pre-commit hook in a scratch repository.
 *
 * <p>Invariants: the archive's key is the SHA-256 of the class path files' bytes (first 16 hex
 * digits), so a rebuilt jar never meets an archive made for other bytes under the same name;
 * the JVM itself also checks the jar's size and time and, with {@code -Xshare:auto}, ignores a
 * stale or damaged archive silently. The wrapper exits {@value #FALL_BACK} without running
 * anything when its jar or java executable is gone, and the hook then tries the next launcher. Both files are
 * written to a temporary name and renamed. A failed training run only costs the archive.
 */
public final class HookJvm {
  /** The wrapper's file name under {@code <git common dir>/onex/}. */
  public static final String WRAPPER = "onex-hook-java";
  /** The wrapper's exit code for "nothing run, use another launcher". */
  public static final int FALL_BACK = 125;
  /** JVM flags of the hooks (measured: bench/hook-jvm.sh). */
  public static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

  private HookJvm() {}

  /**
   * How to start the onex CLI directly.
   *
   * @param java the java executable
   * @param classPath one jar (started with {@code -jar} when {@code mainClass} is empty), or class path entries
   * @param mainClass the main class for {@code -cp}; empty for {@code -jar}
   */
  public record Command(Path java, List<Path> classPath, Optional<String> mainClass) {
    public Command {
      classPath = List.copyOf(classPath);
      if (classPath.isEmpty() || (mainClass.isEmpty() && classPath.size() != 1)) {
        throw new IllegalArgumentException("-jar takes exactly one jar; give a main class for a class path");
      }
    }

    List<String> launch() {
      if (mainClass.isEmpty()) {
        return List.of("-jar", classPath.get(0).toString());
      }
      return List.of("-cp", String.join(":", classPath.stream().map(Path::toString).toList()), mainClass.get());
    }
  }

  /** {@code <git common dir>/onex} of the repository of {@code workDir}. */
  static Path onexDir(Path workDir, Map<String, String> env) {
    return workDir.resolve(GitCli.check(workDir, env, "rev-parse", "--git-common-dir").strip()).normalize().resolve("onex");
  }

  /** Writes the wrapper and, unless one for the same bytes exists, the CDS archive. Returns report lines. */
  static List<String> install(Path workDir, Map<String, String> env, Command cmd) {
    Path dir = onexDir(workDir, env);
    List<String> lines = new ArrayList<>();
    try {
      Path cds = dir.resolve("cds");
      Optional<Path> jsa = key(cmd).map(k -> cds.resolve("onex-" + k + ".jsa"));
      if (jsa.isEmpty()) {
        lines.add("no class-data-sharing archive: a class path entry is a directory (hooks start without one)");
      } else if (Files.isRegularFile(jsa.get())) {
        lines.add("class-data-sharing archive " + jsa.get() + " is current");
      } else {
        Files.createDirectories(cds);
        removeOthers(cds, jsa.get());
        lines.add(CdsTraining.run(cmd, jsa.get(), env)
            ? "made the class-data-sharing archive " + jsa.get()
            : "no class-data-sharing archive: the training run failed (hooks start without one; see " + cds + "/training.log)");
      }
      write(dir.resolve(WRAPPER), wrapper(cmd, jsa));
      lines.add("installed " + dir.resolve(WRAPPER) + " (hooks start java directly)");
    } catch (IOException e) {
      throw GitError.io("write the hook java wrapper in " + dir, e);
    }
    return lines;
  }

  /** Removes the wrapper and the archives. */
  static List<String> uninstall(Path workDir, Map<String, String> env) {
    Path dir = onexDir(workDir, env);
    List<String> lines = new ArrayList<>();
    try {
      if (Files.deleteIfExists(dir.resolve(WRAPPER))) {
        lines.add("removed " + dir.resolve(WRAPPER));
      }
      Path cds = dir.resolve("cds");
      if (Files.isDirectory(cds)) {
        removeOthers(cds, null);
        Files.deleteIfExists(cds.resolve("training.log"));
        Files.deleteIfExists(cds);
        lines.add("removed " + cds);
      }
    } catch (IOException e) {
      throw GitError.io("remove the hook java wrapper in " + dir, e);
    }
    return lines;
  }

  /**
   * The wrapper's text: checks its first class path entry; uses the archive when it has the size
   * it had at install (a truncated archive crashes JDK 17 at start-up: SIGBUS); if the JVM still
   * aborts (exit 134, before any ONEX code ran), sets the archive aside and runs without it.
   */
  static String wrapper(Command cmd, Optional<Path> jsa) throws IOException {
    String java = "\"$java\" " + String.join(" ", FLAGS);
    StringBuilder s = new StringBuilder();
    s.append("#!/bin/sh\n# onex-hook-java: written by 'onex hooks install' (docs/formats/hooks.md \"Hook JVM\").\n");
    s.append("# Starts the onex CLI directly; exit ").append(FALL_BACK)
        .append(" without running anything when the jar or java is gone (the hook then tries the next launcher).\n");
    s.append("jar=").append(quote(cmd.classPath().get(0).toString())).append('\n');
    s.append("java=").append(quote(cmd.java().toString())).append('\n');
    s.append("[ -f \"$jar\" ] && [ -x \"$java\" ] || exit ").append(FALL_BACK).append('\n');
    s.append("set --");
    cmd.launch().forEach(a -> s.append(' ').append(quote(a)));
    s.append(" \"$@\"\n");
    if (jsa.isPresent() && Files.isRegularFile(jsa.get())) {
      s.append("cds=").append(quote(jsa.get().toString())).append("\nsize=").append(Files.size(jsa.get())).append('\n');
      s.append("if [ -f \"$cds\" ] && [ \"$(($(wc -c < \"$cds\")))\" = \"$size\" ]; then\n");
      s.append("  ").append(java).append(" -XX:SharedArchiveFile=\"$cds\" -Xlog:cds=off -Xlog:cds+dynamic=off")
          .append(" -XX:ErrorFile=\"${cds%.jsa}.crash-%p.log\" \"$@\"\n");
      s.append("  rc=$?\n  [ \"$rc\" -eq 134 ] || exit \"$rc\"\n  mv -f \"$cds\" \"$cds.broken\"\nfi\n");
    }
    s.append("exec ").append(java).append(" \"$@\"\n");
    return s.toString();
  }

  /** First 16 hex digits of SHA-256 over every class path file; empty if an entry is not a file. */
  static Optional<String> key(Command cmd) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (Path p : cmd.classPath()) {
        if (!Files.isRegularFile(p)) {
          return Optional.empty();
        }
        md.update(p.toString().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        try (InputStream in = Files.newInputStream(p)) {
          for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
          }
        }
      }
      return Optional.of(HexFormat.of().formatHex(md.digest()).substring(0, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static void removeOthers(Path cds, Path keep) throws IOException {
    try (Stream<Path> s = Files.list(cds)) {
      for (Path p : s.filter(p -> p.getFileName().toString().startsWith("onex-") && !p.equals(keep)).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void write(Path target, String text) throws IOException {
    Files.createDirectories(target.getParent());
    Path tmp = target.resolveSibling(target.getFileName() + ".onex-tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
