package io.onex.core.stamp;

import io.onex.core.diag.ErrorCode;

/**
 * Error codes of stamped files ({@code ONEX-M...}): {@code OmniNode:Metadata} blocks in Markdown,
 * Python, YAML, shell and Java files. Ids are stable; a new situation gets a new code.
 * {@code docs/errors/stamp.md} lists them.
 */
public enum StampError implements ErrorCode {
  BLOCK_MISSING("ONEX-M001", "No OmniNode:Metadata block at the top of the file",
      "run: onex stamp <file>"),
  HASH_MISMATCH("ONEX-M002", "Stored hash does not match the file content",
      "run: onex stamp <file>"),
  BLOCK_UNTERMINATED("ONEX-M003", "Metadata block has no closing delimiter",
      "restore the closing delimiter line, or delete the partial block, then run: onex stamp <file>"),
  DUPLICATE_KEY("ONEX-M004", "A key appears twice in the metadata block",
      "delete one of the two lines, then run: onex stamp <file>"),
  UNPARSEABLE_LINE("ONEX-M005", "Line inside the metadata block is not a `key: value` line",
      "fix or delete the line (each line is `key: value` with the block's prefix), then run: onex stamp <file>"),
  HASH_FIELD_MISSING("ONEX-M006", "Metadata block has no hash field",
      "add a line `hash: 0` inside the block, then run: onex stamp <file>"),
  DUPLICATE_BLOCK("ONEX-M007", "More than one metadata block",
      "keep one block (the one whose uuid you want to keep), delete the other, then run: onex stamp <file>"),
  ORPHAN_CLOSING_DELIMITER("ONEX-M008", "Closing delimiter without an opening delimiter",
      "restore the opening delimiter line, or delete the block remains, then run: onex stamp <file>"),
  UNSUPPORTED_FILE_TYPE("ONEX-M009", "File type cannot carry a metadata block",
      "stamp only .md/.markdown/.mdc, .py, .yaml/.yml, .sh/.bash, .java or #!/bin/sh|bash scripts"),
  NODE_METADATA_FILE("ONEX-M010", "node.onex.yaml is hash-locked by the node loader, not stamped",
      "update the node's hash lock instead (onex stamp on the node directory)"),
  FILE_TOO_LARGE("ONEX-M011", "File is larger than the 16 MiB stamping limit",
      "do not stamp generated or binary files; exclude the file from stamping"),
  NOT_UTF8("ONEX-M012", "File is not valid UTF-8 text",
      "re-encode the file as UTF-8, then run: onex stamp <file>"),
  LEGACY_FORM("ONEX-M013", "Metadata block uses the legacy per-line `<!-- key: value -->` form",
      "still verified and restamped in place; to upgrade, write bare `key: value` lines and close with"
          + " `<!-- === /OmniNode:Metadata === -->`, then run: onex stamp <file>"),
  SHEBANG_NOT_FIRST("ONEX-M014", "Metadata block precedes the #! line, so the script cannot run",
      "move the #! line to the first line of the file, then run: onex stamp <file>"),
  INVALID_STAMP_VALUE("ONEX-M015", "Value to write into a metadata block is not a single printable line",
      "use a non-empty author without line breaks or control characters");

  private final String id;
  private final String title;
  private final String hint;

  StampError(String id, String title, String hint) {
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
