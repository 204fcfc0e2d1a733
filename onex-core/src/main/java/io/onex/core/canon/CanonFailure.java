package io.onex.core.canon;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.hash.HashError;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Internal, stackless signal of a value that has no canonical form. Each enclosing object or
 * array adds its key or index on the way out, so the happy path pays nothing for the JSON
 * pointer that the final diagnostic carries.
 */
final class CanonFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final HashError code;
  private final String hint;
  private final transient Deque<String> segments = new ArrayDeque<>();

  CanonFailure(HashError code, String message, String hint) {
    super(message, null, false, false);
    this.code = code;
    this.hint = hint == null ? code.hint() : hint;
  }

  CanonFailure under(String segment) {
    segments.addFirst(segment);
    return this;
  }

  /** The JSON pointer (RFC 6901) of the offending value, {@code ""} for the root. */
  String pointer() {
    StringBuilder sb = new StringBuilder();
    for (String s : segments) {
      sb.append('/').append(s.replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  OnexException toException() {
    return new OnexException(
        Diagnostic.error(code, "", 0, 0, pointer(), getMessage(), hint));
  }
}
