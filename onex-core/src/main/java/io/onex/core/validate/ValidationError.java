package io.onex.core.validate;

import io.onex.core.diag.ErrorCode;

/** Codes of the node rules that go beyond the JSON Schema (docs/errors/validation.md). */
public enum ValidationError implements ErrorCode {
  SCHEMA_VERSION_TOO_NEW("ONEX-V001", "schema_version is newer than this ONEX supports",
      "upgrade ONEX, or set schema_version to a version this ONEX supports"),
  SCHEMA_VERSION_INVALID("ONEX-V002", "schema_version is not MAJOR.MINOR.PATCH",
      "write schema_version as \"1.0.0\""),
  UUID_MALFORMED("ONEX-V003", "uuid is not a UUID",
      "generate one: python3 -c 'import uuid; print(uuid.uuid4())'"),
  UUID_NOT_V4("ONEX-V004", "uuid is not a version-4 (random) UUID",
      "generate a v4 uuid: python3 -c 'import uuid; print(uuid.uuid4())'"),
  UUID_UPPERCASE("ONEX-V005", "uuid has uppercase hex digits", "write the uuid in lowercase"),
  UUID_DUPLICATE("ONEX-V006", "two nodes share one uuid",
      "give one of the nodes a new v4 uuid (a copied node needs its own)"),
  STATE_CONTRACT_MISSING("ONEX-V010", "state_contract names a file that does not exist",
      "create the JSON Schema file in the node directory, or fix the path"),
  STATE_CONTRACT_OUTSIDE("ONEX-V011", "state_contract points outside the node directory",
      "keep the state contract inside the node directory and reference it relatively"),
  STATE_CONTRACT_UNREADABLE("ONEX-V012", "state_contract file is not valid JSON or YAML",
      "fix the syntax of the state contract file"),
  STATE_CONTRACT_INVALID("ONEX-V013", "state_contract is not a valid state contract schema",
      "make it a JSON Schema with type: object at the root (docs/formats/state-contract.md)"),
  STATE_CONTRACT_URI("ONEX-V014", "state_contract is neither state_contract://<path> nor a relative path",
      "write state_contract: state_contract://state_contract.json"),
  ENTRYPOINT_ABSOLUTE("ONEX-V020", "entrypoint.target is an absolute path",
      "make entrypoint.target relative to the node directory"),
  ENTRYPOINT_PARENT("ONEX-V021", "entrypoint.target leaves the node directory with ..",
      "move the code into the node directory and point at it relatively"),
  ENTRYPOINT_GIT_DIR("ONEX-V022", "entrypoint.target points into .git",
      "point entrypoint.target at a file of the node, never into .git"),
  ENTRYPOINT_MISSING("ONEX-V023", "entrypoint.target does not exist",
      "create the file or fix entrypoint.target"),
  ENTRYPOINT_SYMLINK_ESCAPE("ONEX-V024", "entrypoint.target is a symlink that leaves the node directory",
      "replace the symlink with the file itself"),
  ENTRYPOINT_NOT_EXECUTABLE("ONEX-V025", "entrypoint.target is not executable",
      "make it executable: chmod +x <target> (and git add --chmod=+x <target>)"),
  ENTRYPOINT_NOT_FILE("ONEX-V026", "entrypoint.target is not a regular file",
      "point entrypoint.target at a file, not a directory or device"),
  ENTRYPOINT_TYPE_UNKNOWN("ONEX-V027", "entrypoint.type is not one this ONEX can run",
      "use python, cli, java, noop or composite; other types validate but are refused at run time"),
  ENTRYPOINT_SUSPICIOUS("ONEX-V028", "entrypoint.target contains characters that are not allowed",
      "use a plain relative path: no backslashes, NUL or control characters"),
  HASH_MISMATCH("ONEX-V030", "hash lock does not match the node's metadata and files",
      "if the change is intended, run: onex stamp <node directory>"),
  HASH_PLACEHOLDER("ONEX-V031", "hash is a placeholder, not a computed hash lock",
      "compute it: onex stamp <node directory>"),
  TEST_NAME_DUPLICATE("ONEX-V040", "two test cases share one name", "give every test case its own name"),
  SUBGRAPH_ON_NON_COMPOSITE("ONEX-V041", "subgraph is declared but entrypoint.type is not composite",
      "set entrypoint.type: composite, or remove subgraph"),
  COMPOSITE_WITHOUT_SUBGRAPH("ONEX-V042", "a composite node has no subgraph",
      "list the child nodes under subgraph"),
  SUBGRAPH_STEP_DUPLICATE("ONEX-V043", "two subgraph steps share one id", "give every step its own id"),
  CONTRACT_TYPE_INVALID("ONEX-V044", "a contract type is not one of the known types",
      "use str, int, float, bool, object, any, or a list [str]; add ? for optional"),
  METADATA_NOT_FOUND("ONEX-V050", "no node.onex.yaml here",
      "give the path of a node directory or of its node.onex.yaml"),
  NOT_A_MAPPING("ONEX-V051", "node.onex.yaml does not hold a mapping at the top",
      "write the metadata as key: value pairs (see onex new for a skeleton)"),
  DATE_ORDER("ONEX-V052", "last_modified_at is before created_at",
      "fix the timestamps (onex stamp sets last_modified_at)"),
  DISCOVERY_WALK("ONEX-V060", "no .tree at the repository root: nodes were found by walking the directories",
      "generate the index: onex tree"),
  CONFIG_INVALID("ONEX-V070", ".onex-store/config.yaml is not valid",
      "fix the file, or delete it and run onex init");

  private final String id;
  private final String title;
  private final String hint;

  ValidationError(String id, String title, String hint) {
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
