package io.onex.exec.sandbox;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What to run in a {@link Sandbox} and under which limits. Immutable; start from
 * {@link #of(List, Path)} and refine with the {@code with...} methods.
 *
 * <p>Invariants, checked on construction (violations throw {@link OnexException} with
 * {@code ONEX-E012}): the command is non-empty and holds no NUL characters; variable names are
 * non-empty and hold neither '=' nor NUL; values hold no NUL; the declared environment does not
 * set the variables the sandbox owns ({@link #RESERVED_VARIABLES}); the timeout is positive;
 * the output limits are 0 or more. A {@code null} for stdin, the maps, the allowlist, the
 * timeout, the base directory or the clock means "the default".
 *
 * <p>The parent environment is a plain map given by the caller (for example the CLI's
 * environment): the sandbox never reads the JVM's environment itself. Only the names on the
 * allowlist are taken from it.
 *
 * @param command program and arguments; a first entry without '/' is looked up on the sandbox
 *     PATH, a relative one with '/' is resolved against the sandbox working directory
 * @param nodeDir the node directory whose files are copied into the working directory, or
 *     {@code null} for an empty working directory
 * @param stdin bytes written to the node's stdin, which is then closed
 * @param environment declared variables; they win over allowlisted ones
 * @param parentEnvironment the caller's environment, source of the allowlisted variables
 * @param environmentAllowlist names copied from {@code parentEnvironment} when present
 * @param timeout wall time after which the whole process tree is killed
 * @param stdoutLimit bytes of stdout kept; more is {@code OUTPUT_LIMIT}
 * @param stderrLimit bytes of stderr kept; more is {@code OUTPUT_LIMIT}
 * @param tempBase directory under which the per-run directory is created
 * @param clock source of the measured duration
 */
public record SandboxSpec(
    List<String> command,
    Path nodeDir,
    byte[] stdin,
    Map<String, String> environment,
    Map<String, String> parentEnvironment,
    Set<String> environmentAllowlist,
    Duration timeout,
    int stdoutLimit,
    int stderrLimit,
    Path tempBase,
    Clock clock) {

  /** Names copied from the parent environment unless told otherwise. */
  public static final Set<String> DEFAULT_ALLOWLIST = Set.of("PATH", "LANG", "LC_ALL", "TZ");
  /** Variables the sandbox sets itself; they cannot be declared or allowlisted. */
  public static final Set<String> RESERVED_VARIABLES = Set.of("HOME", "TMPDIR", "ONEX_SANDBOX_ID");
  /** Timeout when the node's metadata gives none. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  /** Default stdout limit: 16 MiB. */
  public static final int DEFAULT_STDOUT_LIMIT = 16 * 1024 * 1024;
  /** Default stderr limit: 1 MiB. */
  public static final int DEFAULT_STDERR_LIMIT = 1024 * 1024;

  public SandboxSpec {
    command = checkedCommand(command);
    nodeDir = nodeDir == null ? null : nodeDir.toAbsolutePath().normalize();
    stdin = stdin == null ? new byte[0] : stdin.clone();
    environment = checkedEnvironment(environment);
    parentEnvironment = copyParent(parentEnvironment);
    environmentAllowlist = checkedAllowlist(environmentAllowlist);
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    if (timeout.isNegative() || timeout.isZero()) {
      throw invalid("timeout", "timeout must be positive, got " + timeout);
    }
    if (stdoutLimit < 0 || stderrLimit < 0) {
      throw invalid("limit", "output limits must be 0 or more, got stdout " + stdoutLimit
          + " and stderr " + stderrLimit);
    }
    tempBase = (tempBase == null ? Path.of(System.getProperty("java.io.tmpdir")) : tempBase)
        .toAbsolutePath().normalize();
    clock = clock == null ? Clock.systemUTC() : clock;
  }

  /** A spec with every default: no stdin, no variables, empty parent environment. */
  public static SandboxSpec of(List<String> command, Path nodeDir) {
    return new SandboxSpec(command, nodeDir, null, null, null, null, null,
        DEFAULT_STDOUT_LIMIT, DEFAULT_STDERR_LIMIT, null, null);
  }

  /** The stdin bytes (a copy). */
  @Override
  public byte[] stdin() {
    return stdin.clone();
  }

  public SandboxSpec withStdin(byte[] bytes) {
    return new SandboxSpec(command, nodeDir, bytes, environment, parentEnvironment,
        environmentAllowlist, timeout, stdoutLimit, stderrLimit, tempBase, clock);
  }

  public SandboxSpec withEnvironment(Map<String, String> declared) {
    return new SandboxSpec(command, nodeDir, stdin, declared, parentEnvironment,
        environmentAllowlist, timeout, stdoutLimit, stderrLimit, tempBase, clock);
  }

  public SandboxSpec withParentEnvironment(Map<String, String> parent) {
    return new SandboxSpec(command, nodeDir, stdin, environment, parent,
        environmentAllowlist, timeout, stdoutLimit, stderrLimit, tempBase, clock);
  }

  public SandboxSpec withAllowlist(Collection<String> names) {
    return new SandboxSpec(command, nodeDir, stdin, environment, parentEnvironment,
        names == null ? null : new LinkedHashSet<>(names), timeout, stdoutLimit, stderrLimit,
        tempBase, clock);
  }

  /** The given timeout, or {@link #DEFAULT_TIMEOUT} when {@code null} (metadata gave none). */
  public SandboxSpec withTimeout(Duration newTimeout) {
    return new SandboxSpec(command, nodeDir, stdin, environment, parentEnvironment,
        environmentAllowlist, newTimeout, stdoutLimit, stderrLimit, tempBase, clock);
  }

  public SandboxSpec withLimits(int stdoutBytes, int stderrBytes) {
    return new SandboxSpec(command, nodeDir, stdin, environment, parentEnvironment,
        environmentAllowlist, timeout, stdoutBytes, stderrBytes, tempBase, clock);
  }

  public SandboxSpec withTempBase(Path base) {
    return new SandboxSpec(command, nodeDir, stdin, environment, parentEnvironment,
        environmentAllowlist, timeout, stdoutLimit, stderrLimit, base, clock);
  }

  public SandboxSpec withClock(Clock newClock) {
    return new SandboxSpec(command, nodeDir, stdin, environment, parentEnvironment,
        environmentAllowlist, timeout, stdoutLimit, stderrLimit, tempBase, newClock);
  }

  private static List<String> checkedCommand(List<String> command) {
    if (command == null || command.isEmpty()) {
      throw invalid("command", "command is empty");
    }
    for (String part : command) {
      if (part == null || part.indexOf('\0') >= 0) {
        throw invalid("command", "command entry is null or holds a NUL character: " + command);
      }
    }
    if (command.get(0).isEmpty()) {
      throw invalid("command", "the command's first entry (the program) is empty");
    }
    return List.copyOf(command);
  }

  private static Map<String, String> checkedEnvironment(Map<String, String> env) {
    Map<String, String> out = new TreeMap<>();
    if (env == null) {
      return Map.copyOf(out);
    }
    for (Map.Entry<String, String> e : env.entrySet()) {
      checkName(e.getKey(), "environment");
      if (RESERVED_VARIABLES.contains(e.getKey())) {
        throw invalid("environment", "variable " + e.getKey() + " is set by the sandbox and"
            + " cannot be declared");
      }
      String value = e.getValue();
      if (value == null || value.indexOf('\0') >= 0) {
        throw invalid("environment", "value of " + e.getKey() + " is null or holds a NUL");
      }
      out.put(e.getKey(), value);
    }
    return Map.copyOf(out);
  }

  private static Map<String, String> copyParent(Map<String, String> parent) {
    Map<String, String> out = new TreeMap<>();
    if (parent != null) {
      parent.forEach((k, v) -> {
        if (k != null && v != null) {
          out.put(k, v);
        }
      });
    }
    return Map.copyOf(out);
  }

  private static Set<String> checkedAllowlist(Set<String> names) {
    if (names == null) {
      return DEFAULT_ALLOWLIST;
    }
    for (String name : names) {
      checkName(name, "environmentAllowlist");
      if (RESERVED_VARIABLES.contains(name)) {
        throw invalid("environmentAllowlist", "variable " + name + " is set by the sandbox and"
            + " cannot be allowlisted");
      }
    }
    return Set.copyOf(names);
  }

  private static void checkName(String name, String field) {
    if (name == null || name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
      throw invalid(field, "invalid variable name " + (name == null ? "null" : "'" + name + "'")
          + ": names are non-empty and hold neither '=' nor NUL");
    }
  }

  private static OnexException invalid(String field, String message) {
    return new OnexException(
        Diagnostic.error(SandboxError.INVALID_SPEC, "", 0, 0, field, message));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SandboxSpec s
        && command.equals(s.command) && Objects.equals(nodeDir, s.nodeDir)
        && java.util.Arrays.equals(stdin, s.stdin) && environment.equals(s.environment)
        && parentEnvironment.equals(s.parentEnvironment)
        && environmentAllowlist.equals(s.environmentAllowlist) && timeout.equals(s.timeout)
        && stdoutLimit == s.stdoutLimit && stderrLimit == s.stderrLimit
        && tempBase.equals(s.tempBase) && clock.equals(s.clock);
  }

  @Override
  public int hashCode() {
    return Objects.hash(command, nodeDir, java.util.Arrays.hashCode(stdin), environment,
        timeout, stdoutLimit, stderrLimit, tempBase);
  }

  /** Never prints the parent environment's values (they may be secrets). */
  @Override
  public String toString() {
    return "SandboxSpec[command=" + command + ", nodeDir=" + nodeDir + ", stdin=" + stdin.length
        + " bytes, environment=" + environment.keySet() + ", allowlist=" + environmentAllowlist
        + ", timeout=" + timeout + ", stdoutLimit=" + stdoutLimit + ", stderrLimit="
        + stderrLimit + ", tempBase=" + tempBase + "]";
  }
}
