package io.onex.core.project;

import io.onex.core.diag.ErrorCode;

/** Codes of repository-level operations (docs/errors/project.md). */
public enum ProjectError implements ErrorCode {
  BAD_NODE_NAME("ONEX-P001", "invalid node name",
      "use lowercase letters, digits and _, starting with a letter (at most 64)"),
  NODE_EXISTS("ONEX-P002", "the node directory already exists",
      "choose another name or remove the directory first"),
  JAVA_COMPILER_MISSING("ONEX-P003", "no Java compiler in this runtime",
      "run ONEX on a JDK (not a JRE) to create java nodes"),
  JAVA_COMPILE_FAILED("ONEX-P004", "the java node skeleton did not compile",
      "this is a bug in ONEX: report it with the output"),
  NOT_INITIALIZED("ONEX-P005", "not an ONEX repository", "run: onex init"),
  PATH_OUTSIDE("ONEX-P006", "the path is outside the repository",
      "give a path inside the repository"),
  NO_SUCH_PATH("ONEX-P007", "no such file or directory", "check the path"),
  BAD_GENERATED_OUTPUT("ONEX-P008", "the node's output is not a set of files ONEX can write",
      "a generator node outputs {directory, files: [{path, content | content_base64, executable}]} with safe relative paths");

  private final String id;
  private final String title;
  private final String hint;

  ProjectError(String id, String title, String hint) {
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
