package io.onex.core.diag;

/** How bad a {@link Diagnostic} is. Only {@link #ERROR} fails a validation. */
public enum Severity {
  ERROR,
  WARNING
}
