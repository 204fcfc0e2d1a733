package io.onex.git.hooks;

import io.onex.git.GitCli;
import io.onex.git.GitError;
import io.onex.git.sync.NotesSync;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts ONEX's hook scripts in place and takes them away again (docs/formats/hooks.md).
 *
 * <p>The hooks directory is what {@code git rev-parse --git-path hooks} says (so
 * {@code core.hooksPath} and worktrees are respected). A script is ONEX's when its second line
 * starts with {@link #MARKER}. Install: an ONEX script is replaced (upgrade); any other file
 * of the same name is moved to {@code <name>.onex-chained}, which the ONEX script runs first
 * with the same arguments and input; if that name is taken too, nothing is touched (ONEX-J010:
 * a user hook is never overwritten). Uninstall removes only ONEX scripts and moves a chained
 * hook back. The launcher path, when known, is written into the scripts as the last resort
 * after {@code ONEX_LAUNCHER} and {@code onex} on PATH. Install also configures the
 * repository to carry notes along ({@link NotesSync#configure(Path)}).
 */
public final class HookInstaller {
  /** The hooks ONEX installs. */
  public static final List<String> HOOKS = List.of("pre-commit", "post-commit", "pre-push");
  /** The start of the second line of every ONEX hook script. */
  public static final String MARKER = "# onex-hook:";
  /** The suffix a pre-existing hook gets when ONEX chains it. */
  public static final String CHAINED = ".onex-chained";

  private HookInstaller() {}

  /** What install or uninstall did: the hooks directory and one line per action. */
  public record Report(Path hooksDir, List<String> lines) {
    public Report {
      lines = List.copyOf(lines);
    }
  }

  /**
   * Installs the three hooks and, when {@code java} is given, the direct java wrapper and its
   * class-data-sharing archive ({@link HookJvm}) for the repository of {@code workDir}.
   */
  public static Report install(Path workDir, Map<String, String> env, Optional<String> launcher,
      Optional<HookJvm.Command> java) {
    Report r = install(workDir, env, launcher);
    List<String> lines = new ArrayList<>(r.lines());
    java.ifPresent(c -> lines.addAll(HookJvm.install(workDir, env, c)));
    return new Report(r.hooksDir(), lines);
  }

  /** Installs the three hooks for the repository of {@code workDir}. */
  public static Report install(Path workDir, Map<String, String> env, Optional<String> launcher) {
    Path dir = hooksDir(workDir, env);
    List<String> lines = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (String name : HOOKS) {
        Path target = dir.resolve(name);
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !isOnex(target)) {
          Path chained = dir.resolve(name + CHAINED);
          if (Files.exists(chained, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw GitError.HOOK_EXISTS.fail(target.toString(), target + " is not ONEX's and " + chained
                + " exists too; nothing was changed");
          }
          Files.move(target, chained);
          lines.add("moved your " + name + " to " + chained.getFileName() + " (it runs first)");
        }
        write(target, script(name, launcher));
        lines.add("installed " + target);
      }
    } catch (IOException e) {
      throw GitError.io("install the hooks in " + dir, e);
    }
    NotesSync.configure(workDir).forEach(c -> lines.add("git config " + c));
    return new Report(dir, lines);
  }

  /** Removes ONEX's hooks and restores chained ones. */
  public static Report uninstall(Path workDir, Map<String, String> env) {
    Path dir = hooksDir(workDir, env);
    List<String> lines = new ArrayList<>();
    try {
      for (String name : HOOKS) {
        Path target = dir.resolve(name);
        Path chained = dir.resolve(name + CHAINED);
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          if (!isOnex(target)) {
            lines.add("left " + target + ": it is not ONEX's");
            continue;
          }
          Files.delete(target);
          lines.add("removed " + target);
        }
        if (Files.exists(chained, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.move(chained, target);
          lines.add("restored your " + name);
        }
      }
    } catch (IOException e) {
      throw GitError.io("uninstall the hooks in " + dir, e);
    }
    lines.addAll(HookJvm.uninstall(workDir, env));
    return new Report(dir, lines);
  }

  /** The directory git runs hooks from, for the repository of {@code workDir}. */
  public static Path hooksDir(Path workDir, Map<String, String> env) {
    String out = GitCli.check(workDir, env, "rev-parse", "--git-path", "hooks").strip();
    return workDir.resolve(out).normalize();
  }

  /** The script text of hook {@code name} as shipped, with the launcher path filled in. */
  public static String script(String name, Optional<String> launcher) {
    try (InputStream in = HookInstaller.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no ONEX hook named " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String quoted = launcher.map(l -> "'" + l.replace("'", "'\\''") + "'").orElse("''");
      return text.replace("\ninstalled_launcher=''\n", "\ninstalled_launcher=" + quoted + "\n");
    } catch (IOException e) {
      throw GitError.io("read the hook script " + name, e);
    }
  }

  private static boolean isOnex(Path file) throws IOException {
    if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    return lines.size() > 1 && lines.get(1).startsWith(MARKER);
  }

  private static void write(Path target, String text) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".onex-tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
