package io.onex.core.validate;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.ErrorCode;
import io.onex.core.yaml.SourceLocation;
import io.onex.core.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;

/** Collects the diagnostics of one file, placing each at the source location of its field. */
final class Findings {
  private final YamlDocument doc;
  private final List<Diagnostic> list = new ArrayList<>();

  Findings(YamlDocument doc) {
    this.doc = doc;
  }

  /** An error at the field {@code pointer} (a JSON pointer), displayed as dotted {@code field}. */
  void error(ErrorCode code, String pointer, String message) {
    error(code, pointer, message, code.hint());
  }

  void error(ErrorCode code, String pointer, String message, String hint) {
    SourceLocation loc = doc.locationOf(pointer);
    list.add(Diagnostic.error(code, doc.file(), loc.line(), loc.column(), dotted(pointer), message, hint));
  }

  void warning(ErrorCode code, String pointer, String message, String hint) {
    SourceLocation loc = doc.locationOf(pointer);
    list.add(Diagnostic.warning(code, doc.file(), loc.line(), loc.column(), dotted(pointer), message, hint));
  }

  void addAll(List<Diagnostic> diagnostics) {
    list.addAll(diagnostics);
  }

  SourceLocation location(String pointer) {
    return doc.locationOf(pointer);
  }

  String fileName() {
    return doc.file();
  }

  List<Diagnostic> all() {
    return list;
  }

  boolean hasErrors() {
    return list.stream().anyMatch(Diagnostic::isError);
  }

  /** {@code /entrypoint/target} becomes {@code entrypoint.target}; {@code /tests/0/name}, {@code tests[0].name}. */
  static String dotted(String pointer) {
    if (pointer.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (String part : pointer.substring(1).split("/", -1)) {
      String p = part.replace("~1", "/").replace("~0", "~");
      if (!p.isEmpty() && p.chars().allMatch(Character::isDigit)) {
        sb.append('[').append(p).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(p);
      }
    }
    return sb.toString();
  }
}
