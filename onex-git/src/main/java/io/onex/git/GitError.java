package io.onex.git;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.ErrorCode;
import io.onex.core.diag.OnexException;

/** Codes of the git pipeline: indexer, hooks, record sink, sync (docs/errors/git.md). */
public enum GitError implements ErrorCode {
  NOT_A_REPOSITORY("ONEX-J001", "not inside a git repository",
      "run the command inside a git working tree, or run git init first"),
  BAD_REVISION("ONEX-J002", "a revision does not name a commit of this repository",
      "check the name with git rev-parse --verify <rev>^{commit}"),
  REPOSITORY_IO("ONEX-J003", "the repository's objects, index or refs could not be read or written",
      "check that .git is readable and writable and run git fsck"),
  BAD_METADATA_BLOB("ONEX-J004", "a staged or committed node.onex.yaml cannot be read as a YAML mapping",
      "fix the file, then git add it again (onex validate <dir> shows every problem)"),
  TREE_DISAGREES("ONEX-J005", "the staged .tree does not list exactly the staged nodes",
      "run onex tree and stage it: onex tree && git add .tree"),
  NODE_INVALID("ONEX-J006", "a staged node does not validate",
      "fix the problems listed below, then git add the node again"),
  TEST_FAILED("ONEX-J007", "a test case of a changed node or of one that depends on it failed",
      "run onex test <node> to see the diff, fix the node or the test case, then commit again"),
  UNBOUND_RECORD("ONEX-J008", "a record names a node whose node.onex.yaml blob is unknown to the sink",
      "this is a bug in the caller of GitRecordSink: bind every node before running it"),
  HOOK_SKIPPED("ONEX-J009", "ONEX_SKIP=1: the pre-commit checks were skipped for this commit",
      "run onex hook run-pending (or push, which runs pending checks) to catch up"),
  HOOK_EXISTS("ONEX-J010", "a hook that is not ONEX's is in the way and could not be chained",
      "move it aside yourself (it is kept as <name>.onex-chained when ONEX can move it), then run onex hooks install again"),
  BAD_HOOK_CONFIG("ONEX-J011", "the hooks section of .onex-store/config.yaml is invalid",
      "write hooks: {budget_ms: <milliseconds, 0 = no budget>} in .onex-store/config.yaml"),
  GIT_COMMAND_FAILED("ONEX-J012", "a git command run by ONEX failed",
      "run the git command shown in the message yourself to see why; check the remote name and your access"),
  HASH_LOCK_MISMATCH("ONEX-J013", "a pushed node's hash lock does not match its committed metadata and files",
      "run onex stamp <dir>, commit the result, and push again"),
  PENDING_FILE("ONEX-J014", "a pending-records file of a hook could not be read or written",
      "check that .git/onex/ is writable; a damaged pending file can be removed after onex hook post-commit ran"),
  BUDGET_EXCEEDED("ONEX-J015", "the node was moved out of the commit path: the hooks time budget was used up",
      "it runs with onex hook run-pending or at the next push; raise hooks.budget_ms in .onex-store/config.yaml to run it at commit"),
  PENDING_FAILED("ONEX-J016", "a node moved out of the commit path failed its test cases when it ran later",
      "run onex test <node>, fix it, commit the fix; the push goes through once onex hook run-pending passes"),
  SIGNATURE_POLICY("ONEX-J020", "a node whose lifecycle the signing policy names is not validly signed",
      "sign it (onex sign <dir>) with a key of the policy's trust-root role, git add it, and commit or push again;"
          + " the reason code below says what is wrong (docs/formats/signing.md)"),
  RELEASE_PUSH("ONEX-J021", "the release history being pushed does not verify",
      "run onex verify --release to see every problem; fix the release ref (or the trust root) before pushing it"),
  UNKNOWN_REVISION("ONEX-J030", "a revision or range does not name a commit of this repository",
      "give a commit id, branch, tag or range as git log takes them (HEAD~3, main..feature); see git rev-parse <rev>");

  private final String id;
  private final String title;
  private final String hint;

  GitError(String id, String title, String hint) {
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

  /** An error diagnostic of this code for {@code file}. */
  public Diagnostic at(String file, String message) {
    return Diagnostic.error(this, file, 0, 0, "", message);
  }

  /** A fatal problem of this code. */
  public OnexException fail(String file, String message) {
    return new OnexException(at(file, message));
  }

  /** An I/O or JGit failure wrapped as {@link #REPOSITORY_IO} (never a stack trace). */
  public static OnexException io(String what, Exception cause) {
    String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return REPOSITORY_IO.fail("", "cannot " + what + ": " + why);
  }
}
