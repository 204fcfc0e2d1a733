package io.onex.core.schema;

import io.onex.core.diag.ErrorCode;

/**
 * Schema validation problems, {@code ONEX-S001}..{@code ONEX-S010}. One code per JSON Schema
 * keyword family, so a user (or a script) can tell a typo from a missing field from a bad
 * value without reading the message. Codes never change meaning; docs/errors/schema.md lists
 * them.
 */
public enum SchemaError implements ErrorCode {
  REQUIRED_MISSING("ONEX-S001", "Required field missing",
      "add the field with a valid value (see docs/formats/ for its meaning and an example)"),
  UNKNOWN_FIELD("ONEX-S002", "Unknown field",
      "remove the field or fix its spelling; custom fields must start with `x-`"),
  WRONG_TYPE("ONEX-S003", "Wrong value type",
      "write a value of the expected type; quote numbers and booleans that are meant as text"),
  NOT_ALLOWED_VALUE("ONEX-S004", "Value not in the allowed list",
      "use one of the allowed values listed in the message"),
  PATTERN_MISMATCH("ONEX-S005", "Value does not have the required form",
      "rewrite the value in the form the message describes"),
  BAD_FORMAT("ONEX-S006", "Value is not in the required format",
      "write an RFC 3339 date-time in quotes, e.g. \"2025-05-17T10:05:00Z\""),
  OUT_OF_RANGE("ONEX-S007", "Value out of range",
      "use a number (or a text length) within the bounds the message gives"),
  BAD_ARRAY("ONEX-S008", "List has the wrong number of items or duplicates",
      "remove duplicate items or add the missing items"),
  CONSTRAINT_FAILED("ONEX-S009", "Value breaks a schema rule",
      "change the value so that the rule in the message holds"),
  SCHEMA_INTERNAL("ONEX-S010", "Bundled schema could not be loaded (internal error)",
      "this is a bug in ONEX or a damaged installation: reinstall and report it");

  private final String id;
  private final String title;
  private final String hint;

  SchemaError(String id, String title, String hint) {
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
