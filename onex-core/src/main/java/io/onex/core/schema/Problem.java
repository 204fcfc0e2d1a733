package io.onex.core.schema;

/**
 * One mapped schema problem before it gets a file position.
 *
 * @param code the error code
 * @param field the field the problem is about (printed dotted)
 * @param at where to point in the source (the key of an unknown field, the parent of a
 *     missing one, otherwise the field itself)
 * @param message what is wrong
 * @param hint how to fix it ({@code null} for the code's default hint)
 */
record Problem(SchemaError code, FieldPath field, FieldPath at, String message, String hint) {

  static Problem of(SchemaError code, FieldPath field, String message, String hint) {
    return new Problem(code, field, field, message, hint);
  }
}
