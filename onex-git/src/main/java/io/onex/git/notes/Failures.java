package io.onex.git.notes;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.diag.Severity;
import org.eclipse.jgit.lib.AnyObjectId;

/** Builds the diagnostics of this package: the file is the notes ref, the field the object id. */
final class Failures {
  private Failures() {}

  static Diagnostic error(NotesError code, String ref, AnyObjectId object, int line, String message) {
    return new Diagnostic(code.id(), Severity.ERROR, ref, line, 0, object == null ? "" : object.name(),
        message, code.hint());
  }

  static Diagnostic warning(NotesError code, String ref, AnyObjectId object, int line, String message) {
    return new Diagnostic(code.id(), Severity.WARNING, ref, line, 0, object == null ? "" : object.name(),
        message, code.hint());
  }

  static OnexException fail(NotesError code, String ref, AnyObjectId object, String message) {
    return new OnexException(error(code, ref, object, 0, message));
  }

  /** An I/O failure of the repository, with the cause's message (never its stack trace). */
  static OnexException io(String ref, AnyObjectId object, Exception cause) {
    String what = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return fail(NotesError.REPOSITORY_IO, ref, object, "cannot read or write " + ref + ": " + what);
  }
}
