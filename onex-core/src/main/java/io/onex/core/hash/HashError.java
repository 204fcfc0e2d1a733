package io.onex.core.hash;

import io.onex.core.diag.ErrorCode;

/**
 * Error codes of canonical JSON ({@code io.onex.core.canon}) and of the hash lock
 * ({@code io.onex.core.hash}). Ids are stable: a new situation gets a new constant.
 * {@code docs/errors/hash.md} lists them.
 */
public enum HashError implements ErrorCode {
  NON_FINITE_NUMBER(
      "ONEX-H001",
      "number is NaN or infinite",
      "Canonical JSON (RFC 8785) has no NaN or Infinity: write a finite number, or a string"
          + " such as \"inf\"."),
  INEXACT_INTEGER(
      "ONEX-H002",
      "integer does not survive conversion to an IEEE-754 double",
      "Integers beyond +/-2^53 lose digits in canonical JSON: quote it as a string."),
  LONE_SURROGATE(
      "ONEX-H003",
      "string holds an unpaired UTF-16 surrogate",
      "Remove the stray \\uD800-\\uDFFF escape, or write the character as a complete surrogate"
          + " pair."),
  INVALID_JSON(
      "ONEX-H004",
      "not valid JSON text",
      "Fix the JSON syntax at the position shown; object keys must be unique."),
  TOO_DEEP(
      "ONEX-H005",
      "arrays and objects are nested too deeply",
      "Flatten the structure: canonical JSON accepts at most 1000 nested arrays and objects."),
  UNSUPPORTED_VALUE(
      "ONEX-H006",
      "value has no JSON form",
      "Convert the value to a string, number, boolean, null, array or object before hashing."),
  UNSAFE_PATH(
      "ONEX-H010",
      "unsafe file path in a node",
      "Node file paths are relative, use '/' separators and have no '..', '.' or empty"
          + " segments and no backslash: rename or move the file."),
  READ_FAILED(
      "ONEX-H011",
      "cannot read a file of the node",
      "Check that the file exists and is readable by you, then run the command again."),
  NOT_A_DIRECTORY(
      "ONEX-H012",
      "node directory not found",
      "Pass the directory that holds node.onex.yaml."),
  METADATA_NOT_OBJECT(
      "ONEX-H013",
      "node metadata is not a mapping",
      "The top level of node.onex.yaml must be a mapping of field names to values."),
  DUPLICATE_PATH(
      "ONEX-H014",
      "the same file path is listed twice",
      "Each file of a node must be listed once: fix the file listing that produced the"
          + " duplicate."),
  UNDECODABLE_NAME(
      "ONEX-H015",
      "file name or link target is not valid UTF-8",
      "Rename the file (or re-create the link) with a UTF-8 name, and run Java with a UTF-8"
          + " locale (for example LANG=C.UTF-8).");

  private final String id;
  private final String title;
  private final String hint;

  HashError(String id, String title, String hint) {
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
