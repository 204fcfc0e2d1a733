package io.onex.core.tree;

import io.onex.core.diag.ErrorCode;

/** Error codes of {@code .tree} discovery files ({@code ONEX-T...}). */
public enum TreeError implements ErrorCode {
  UNREADABLE("ONEX-T001", "cannot read the .tree file",
      "check that the file exists, is readable and is at most 1 MiB; regenerate it with: onex tree"),
  NOT_PARSEABLE("ONEX-T002", "the .tree file is not valid YAML or JSON",
      "fix the syntax at the given line, or regenerate the file with: onex tree"),
  NOT_A_MAPPING("ONEX-T003", "a .tree entry is not a mapping",
      "write each entry as a mapping with name and type (and children for a directory)"),
  ROOT_NOT_DIRECTORY("ONEX-T004", "the root of the .tree is not a directory",
      "give the root entry type: directory and a children list"),
  MISSING_TYPE("ONEX-T005", "a .tree entry has no type",
      "add type: directory or type: file to the entry"),
  INVALID_TYPE("ONEX-T006", "a .tree entry has an invalid type",
      "use type: directory or type: file"),
  MISSING_NAME("ONEX-T007", "a .tree entry has no name, or a name that is not a string",
      "add name: <file or directory name>; quote names that look like numbers: name: \"12345\""),
  INVALID_NAME("ONEX-T008", "a .tree entry name is not a single path segment",
      "use the plain file or directory name: not empty, not '.' or '..', without '/', '\\' or NUL"),
  FILE_WITH_CHILDREN("ONEX-T009", "a file entry has children",
      "remove the children key from the file entry, or change its type to directory"),
  DIRECTORY_WITHOUT_CHILDREN("ONEX-T010", "a directory entry has no children list",
      "add children: [...] to the directory (children: [] when it is empty)"),
  CHILDREN_NOT_LIST("ONEX-T011", "children is not a list",
      "write children as a YAML list of entries (children: [] when empty)"),
  DUPLICATE_NAME("ONEX-T012", "two sibling entries have the same name",
      "keep one entry per name in each directory; regenerate the file with: onex tree"),
  METADATA_BLOCK("ONEX-T013", "the .tree file carries an OmniNode:Metadata block",
      ".tree files are generated, never stamped: remove the block or run: onex tree"),
  UNKNOWN_KEY("ONEX-T014", "unknown key in a .tree entry",
      "use only name, type, children, metadata, mtime and size"),
  INVALID_OPTIONAL_FIELD("ONEX-T015", "invalid metadata, mtime or size",
      "metadata is a mapping; mtime and size are non-negative integers; or remove the key"),
  TOO_DEEP("ONEX-T016", "the .tree nests too deeply",
      "keep nodes at most 15 levels below the directory holding the .tree"),
  NODE_NOT_IN_TREE("ONEX-T017", "a node on disk is missing from the .tree",
      "run: onex tree"),
  NODE_MISSING_ON_DISK("ONEX-T018", "the .tree lists a node.onex.yaml that does not exist",
      "run: onex tree (or restore the node directory)"),
  BAD_NODE_PATH("ONEX-T019", "not a node metadata path below the tree root",
      "pass node.onex.yaml files inside the root directory, as relative paths with '/'"),
  NAME_CONFLICT("ONEX-T020", "a name is both a file and a directory in the .tree",
      "rename the file or the directory so that each path is one or the other");

  private final String id;
  private final String title;
  private final String hint;

  TreeError(String id, String title, String hint) {
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
