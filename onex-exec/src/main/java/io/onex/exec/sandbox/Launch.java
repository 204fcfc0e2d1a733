package io.onex.exec.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exact environment and command line of one run.
 *
 * <p>Environment, in order of precedence (later wins): allowlisted names present in the
 * parent environment; declared variables; {@code HOME}, {@code TMPDIR} and
 * {@code ONEX_SANDBOX_ID}, which the sandbox owns. Nothing else is passed.
 *
 * <p>Program resolution, done here rather than by the OS so that a missing program is a clear
 * {@code START_FAILED}: an absolute first entry is used as is; a first entry with a '/' is
 * resolved against the working directory (the copy of the node); a bare name is looked up on
 * the sandbox's {@code PATH} (empty or relative PATH entries against the working directory).
 * The result must be an executable regular file. Other entries are passed unchanged (relative
 * paths in them resolve against the working directory, the process's current directory).
 */
final class Launch {
  static final String MARKER_VARIABLE = "ONEX_SANDBOX_ID";

  private Launch() {}

  static Map<String, String> environment(SandboxSpec spec, WorkDir dir, String marker) {
    Map<String, String> env = new TreeMap<>();
    for (String name : spec.environmentAllowlist()) {
      String value = spec.parentEnvironment().get(name);
      if (value != null) {
        env.put(name, value);
      }
    }
    env.putAll(spec.environment());
    env.put("HOME", dir.home().toString());
    env.put("TMPDIR", dir.tmp().toString());
    env.put(MARKER_VARIABLE, marker);
    return env;
  }

  /** The command with its program replaced by an absolute path to an executable file. */
  static List<String> command(List<String> command, Path work, String pathVariable,
      String file) throws SandboxFailure {
    String program = command.get(0);
    Path exe;
    try {
      exe = program.indexOf('/') >= 0
          ? work.resolve(program).normalize()
          : search(program, pathVariable, work, file);
    } catch (InvalidPathException e) {
      throw cannotStart(file, program, "not a valid path");
    }
    if (!Files.exists(exe)) {
      throw cannotStart(file, program, exe + " does not exist");
    }
    if (!Files.isRegularFile(exe)) {
      throw cannotStart(file, program, exe + " is not a regular file");
    }
    if (!Files.isExecutable(exe)) {
      throw cannotStart(file, program, exe + " is not executable (chmod +x)");
    }
    checkInterpreter(exe, program, file);
    List<String> out = new ArrayList<>(command);
    out.set(0, exe.toString());
    return out;
  }

  /** A script whose absolute #! interpreter is missing fails here, with a message naming it. */
  private static void checkInterpreter(Path exe, String program, String file)
      throws SandboxFailure {
    byte[] head = new byte[256];
    int n;
    try (InputStream in = Files.newInputStream(exe)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      return; // an execute-only binary: the OS reports what is wrong, if anything
    }
    if (n < 3 || head[0] != '#' || head[1] != '!') {
      return;
    }
    String line = new String(head, 2, n - 2, StandardCharsets.ISO_8859_1).split("\n", 2)[0];
    String[] parts = line.trim().split("[ \t]+", 2);
    if (parts[0].startsWith("/")) {
      Path interpreter = Path.of(parts[0]);
      if (!Files.isRegularFile(interpreter) || !Files.isExecutable(interpreter)) {
        throw cannotStart(file, program, "the interpreter " + Snippet.escape(parts[0])
            + " on the #! line of " + exe.getFileName() + " does not exist or is not"
            + " executable");
      }
    }
  }

  private static SandboxFailure cannotStart(String file, String program, String reason) {
    return SandboxFailure.of(SandboxError.START_FAILED, file,
        "cannot start '" + Snippet.escape(program) + "': " + reason);
  }

  private static Path search(String program, String pathVariable, Path work, String file)
      throws SandboxFailure {
    if (pathVariable == null) {
      throw cannotStart(file, program, "it has no '/' and the sandbox environment has no PATH"
          + " (allowlist PATH, declare it, or give an absolute path)");
    }
    for (String entry : pathVariable.split(":", -1)) {
      Path candidate = work.resolve(entry.isEmpty() ? "." : entry).resolve(program).normalize();
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw cannotStart(file, program, "not found on the sandbox PATH (" + pathVariable + ")");
  }
}
