package io.onex.exec.sandbox;

import io.onex.core.diag.ErrorCode;

/**
 * Error codes of the execution sandbox ({@code ONEX-E...}). Codes are stable: a code never
 * changes meaning; a new situation gets a new code. Documented in {@code docs/errors/sandbox.md}.
 */
public enum SandboxError implements ErrorCode {
  START_FAILED("ONEX-E001", "command could not be started",
      "make the command's first entry an executable file: an absolute path, a path relative to"
          + " the node directory (with a '/'), or a name found on the sandbox PATH; check that a"
          + " script's #! interpreter exists"),
  NONZERO_EXIT("ONEX-E002", "node exited with a non-zero code",
      "read the node's stderr quoted in the message and fix the node or its input so that it"
          + " exits with 0"),
  TIMEOUT("ONEX-E003", "node did not finish within its timeout",
      "make the node faster, or raise 'timeout' in its metadata; every process the node started"
          + " was killed"),
  STDOUT_LIMIT("ONEX-E004", "node wrote more to stdout than the limit",
      "print only the result object on stdout and write bulky data to files, or raise the"
          + " stdout limit"),
  STDERR_LIMIT("ONEX-E005", "node wrote more to stderr than the limit",
      "log less on stderr (drop debug output), or raise the stderr limit"),
  SYMLINK_OUTSIDE("ONEX-E006", "symlink does not point to a file inside the node",
      "replace the symlink by the file itself, or point it at a regular file inside the node"
          + " directory; links to other places, dangling links and link loops are refused"),
  UNSUPPORTED_FILE("ONEX-E007", "node directory holds an entry that cannot be copied",
      "keep only regular files, directories and symlinks to regular files in the node directory;"
          + " remove pipes, sockets, devices and symlinks to directories"),
  NODE_DIR_UNREADABLE("ONEX-E008", "node directory cannot be read",
      "check that the node directory exists, is a directory and that you may read all of its"
          + " files"),
  WORKDIR_FAILED("ONEX-E009", "sandbox directory cannot be created",
      "check that the temporary directory exists, is writable and has free space (or pass"
          + " another base directory)"),
  OUTPUT_NOT_JSON("ONEX-E010", "output is not JSON",
      "make the node print exactly one JSON object on stdout and send logs to stderr"),
  OUTPUT_NOT_OBJECT("ONEX-E011", "output is not a JSON object",
      "wrap the result in an object, for example {\"result\": [1, 2]}"),
  INVALID_SPEC("ONEX-E012", "invalid sandbox settings",
      "fix the value named in the message: a non-empty command, a positive timeout, limits of"
          + " 0 or more, variable names without '=' and values without NUL characters; HOME,"
          + " TMPDIR and ONEX_SANDBOX_ID are set by the sandbox and cannot be declared"),
  CLEANUP_FAILED("ONEX-E013", "sandbox directory could not be removed",
      "delete the directory named in the message by hand; check for files the node made"
          + " undeletable or for a process that escaped the sandbox"),
  INTERRUPTED("ONEX-E014", "execution was interrupted",
      "nothing to fix in the node: the run was cancelled by its caller and every process it"
          + " started was killed"),
  PROCESS_SURVIVED("ONEX-E015", "a process of the node survived the sandbox",
      "kill the processes named in the message by hand; make the node wait for the processes"
          + " it starts instead of detaching them (daemons that clear their environment and"
          + " leave the session cannot be tracked)");

  private final String id;
  private final String title;
  private final String hint;

  SandboxError(String id, String title, String hint) {
    this.id = id;
    this.title = title;
    this.hint = hint;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public String hint() {
    return hint;
  }
}
