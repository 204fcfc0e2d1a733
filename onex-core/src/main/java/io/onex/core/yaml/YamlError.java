package io.onex.core.yaml;

import io.onex.core.diag.ErrorCode;

/**
 * Error codes of the strict YAML loader ({@code ONEX-Y...}). Codes are stable: a code never
 * changes meaning; a new situation gets a new code. Documented in {@code docs/errors/yaml.md}.
 */
public enum YamlError implements ErrorCode {
  FILE_TOO_LARGE("ONEX-Y001", "file is larger than the YAML size limit",
      "shrink the file below the limit; metadata files are a few kilobytes, so move bulky data"
          + " into a separate file of the node"),
  NOT_A_REGULAR_FILE("ONEX-Y002", "not a regular file",
      "give the path of a YAML file, not of a directory, device or pipe"),
  READ_FAILED("ONEX-Y003", "file cannot be read",
      "check that the file exists and that you may read it"),
  INVALID_UTF8("ONEX-Y004", "file is not valid UTF-8",
      "save the file as UTF-8 (without BOM); the byte at the position shown is not valid UTF-8"),
  BYTE_ORDER_MARK("ONEX-Y005", "byte order mark",
      "save the file as UTF-8 without BOM"),
  NON_PRINTABLE("ONEX-Y006", "control or non-printable character",
      "remove the character, or write it as an escape (\\u0007) inside a double-quoted string"),
  ANCHOR("ONEX-Y007", "anchors are not allowed",
      "remove the anchor (&name) and write the value out in full wherever it is needed"),
  ALIAS("ONEX-Y008", "aliases are not allowed",
      "replace the alias (*name) with the value it stands for, written out in full"),
  MERGE_KEY("ONEX-Y009", "merge keys are not allowed",
      "remove the '<<' entry and write the merged keys out in full in this mapping"),
  TAG("ONEX-Y010", "tags are not allowed",
      "remove the tag; quote the value if it must be a string"),
  DIRECTIVE("ONEX-Y011", "directives are not allowed",
      "remove the %YAML / %TAG line; the file is read with the ONEX strict profile only"),
  DUPLICATE_KEY("ONEX-Y012", "duplicate key",
      "remove one of the two entries or rename one of them; a key may appear once per mapping"),
  MULTIPLE_DOCUMENTS("ONEX-Y013", "more than one YAML document",
      "keep one document per file: remove the second '---' and what follows it (or split the"
          + " file)"),
  EMPTY_DOCUMENT("ONEX-Y014", "document has no content",
      "write the document's content, a mapping of 'key: value' lines"),
  TOO_DEEP("ONEX-Y015", "nesting is too deep",
      "flatten the structure: mappings and sequences may nest only up to the limit shown"),
  TOO_MANY_NODES("ONEX-Y016", "too many values",
      "split the data: the document may hold only up to the number of values shown"),
  SCALAR_TOO_LONG("ONEX-Y017", "value is too long",
      "shorten the value or move it into a separate file of the node"),
  COMPLEX_KEY("ONEX-Y018", "key is not a scalar",
      "use a plain string as the key; a mapping or sequence cannot be a key"),
  NULL_KEY("ONEX-Y019", "key is empty or null",
      "give the key a name; quote it (\"null\") if the key really is the word null"),
  SYNTAX("ONEX-Y020", "YAML syntax error",
      "fix the YAML at the position shown: indent with spaces (never tabs), close quotes and"
          + " brackets, put a space after ':'"),
  ROOT_NOT_MAPPING("ONEX-Y021", "top level is not a mapping",
      "write the file as a mapping of 'key: value' lines at the top level");

  private final String id;
  private final String title;
  private final String hint;

  YamlError(String id, String title, String hint) {
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
