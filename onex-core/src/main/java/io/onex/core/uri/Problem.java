package io.onex.core.uri;

import io.onex.core.diag.Diagnostic;

/** One parse problem before it is placed in a file: a code and a precise message. */
record Problem(UriError code, String message) {

  Diagnostic at(String file, int line, int column, String field) {
    return Diagnostic.error(code, file, line, column, field, message);
  }
}
