package io.onex.core.diag;

/**
 * A stable, documented error code such as {@code ONEX-Y003}.
 *
 * <p>Each area of ONEX owns one enum implementing this interface (for example
 * {@code YamlError}, {@code SchemaError}). Codes never change meaning once released: a new
 * situation gets a new code. {@code docs/errors.md} lists every code with its fix.
 */
public interface ErrorCode {

  /** The stable identifier, {@code ONEX-<area letter><three digits>}. */
  String id();

  /** One line saying what went wrong, in general terms. */
  String title();

  /** The default fix hint, used when the diagnostic has no more specific one. */
  String hint();
}
