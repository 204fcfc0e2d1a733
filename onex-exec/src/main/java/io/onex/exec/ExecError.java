package io.onex.exec;

import io.onex.core.diag.ErrorCode;

/** Codes of node execution (docs/errors/exec.md). They appear in execution records. */
public enum ExecError implements ErrorCode {
  UNSUPPORTED_EXECUTOR("ONEX-X001", "this entrypoint type is not supported here",
      "use python, cli, java, noop or composite; docker and other types are not run by this ONEX"),
  INPUT_CONTRACT("ONEX-X002", "the input violates the node's input contract",
      "fix the input at the named JSON path, or the node's input_contract/state_contract"),
  OUTPUT_CONTRACT("ONEX-X003", "the output violates the node's output contract",
      "fix the node so that its output matches output_contract/state_contract at the named path"),
  TIMEOUT("ONEX-X004", "the node ran longer than its timeout and was killed with its children",
      "make the node faster, or raise timeout_seconds in node.onex.yaml (or --timeout)"),
  OUTPUT_LIMIT("ONEX-X005", "the node printed more than the output cap and was killed",
      "print less: the output state is one JSON object on stdout; logs go to stderr"),
  NOT_JSON("ONEX-X006", "the node's stdout is not one JSON object",
      "print exactly one JSON object on stdout; send logs to stderr"),
  NONZERO_EXIT("ONEX-X007", "the node exited with a non-zero status",
      "see the node's stderr in the record; fix the node or its input"),
  START_FAILED("ONEX-X008", "the node's process could not be started",
      "check entrypoint.target and the interpreter (python3 on PATH, or entrypoint.interpreter)"),
  JAVA_LOAD("ONEX-X009", "the java node's class could not be loaded or is not a node",
      "entrypoint.target must be <jar or classes dir>#<class> implementing io.onex.exec.Node or Function<Map,Map>"),
  JAVA_THREW("ONEX-X010", "the java node threw an exception", "see the message in the record; fix the node"),
  CHILD_FAILED("ONEX-X011", "a child of the composite node did not succeed",
      "see the child's record (parent_record_id names the composite)"),
  COMPOSITE_DEPTH("ONEX-X012", "composite nodes nest too deep or form a cycle",
      "flatten the subgraph; a composite may not contain itself"),
  UNRESOLVED_CHILD("ONEX-X013", "a subgraph URI does not resolve to a node",
      "fix the URI or add the node; onex validate lists unresolved URIs"),
  WIRING("ONEX-X014", "a subgraph input wiring names a value that does not exist",
      "wire from $input.<path> or <earlier step id>.<path>"),
  SANDBOX("ONEX-X015", "the sandbox could not be prepared", "see the message; check disk space and the node's files"),
  NODE_NOT_FOUND("ONEX-X016", "no node by that name, URI or directory",
      "name a node by its name, its URI (tool://ns@1.0.0) or its directory; onex validate lists them"),
  INVALID_NODE("ONEX-X017", "the node does not validate, so it is not run", "run onex validate on it and fix what it reports"),
  BAD_INPUT("ONEX-X018", "the given input or config is not a JSON object",
      "pass a JSON object: --input '{\"name\": \"Ada\"}' or --input @file.json");

  private final String id;
  private final String title;
  private final String hint;

  ExecError(String id, String title, String hint) {
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
