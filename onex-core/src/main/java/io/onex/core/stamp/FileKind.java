package io.onex.core.stamp;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The file types that carry a metadata block, with their delimiters and the line form used for
 * new blocks. Chosen by extension; an extension-less file is a shell script when its first line is
 * a {@code #!} line for sh or bash (directly or through {@code /usr/bin/env}).
 */
enum FileKind {
  MARKDOWN("markdown", "<!-- === OmniNode:Metadata ===",
      List.of("<!-- === /OmniNode:Metadata === -->", "=== /OmniNode:Metadata === -->"),
      LineForm.RAW, List.of(LineForm.RAW, LineForm.HTML_COMMENT)),
  PYTHON("python", "# === OmniNode:Metadata ===", List.of("# === /OmniNode:Metadata ==="),
      LineForm.HASH_COMMENT, List.of(LineForm.HASH_COMMENT)),
  YAML("yaml", "# === OmniNode:Metadata ===", List.of("# === /OmniNode:Metadata ==="),
      LineForm.RAW, List.of(LineForm.RAW, LineForm.HASH_COMMENT)),
  SHELL("shell", "# === OmniNode:Metadata ===", List.of("# === /OmniNode:Metadata ==="),
      LineForm.HASH_COMMENT, List.of(LineForm.HASH_COMMENT)),
  JAVA("java", "// === OmniNode:Metadata ===", List.of("// === /OmniNode:Metadata ==="),
      LineForm.SLASH_COMMENT, List.of(LineForm.SLASH_COMMENT));

  private static final Pattern SH_SHEBANG =
      Pattern.compile("#!\\s*(/usr/bin/env\\s+|/usr/bin/|/bin/)(sh|bash)(\\s.*)?");

  final String typeName;
  final String open;
  /** Closing delimiters; the first is the one written, the others are legacy forms. */
  final List<String> closes;
  final LineForm newForm;
  final List<LineForm> readForms;

  FileKind(String typeName, String open, List<String> closes, LineForm newForm,
      List<LineForm> readForms) {
    this.typeName = typeName;
    this.open = open;
    this.closes = closes;
    this.newForm = newForm;
    this.readForms = readForms;
  }

  String close() {
    return closes.get(0);
  }

  /** Whether lines of the leading comment region may precede the block (see the format doc). */
  boolean isHeaderComment(String stripped) {
    switch (this) {
      case PYTHON:
      case SHELL:
        return stripped.startsWith("#");
      case YAML:
        return stripped.startsWith("#") || stripped.startsWith("%") || stripped.equals("---");
      case JAVA:
        return stripped.startsWith("//");
      default:
        return false;
    }
  }

  /** The kind of {@code fileName}, or empty when the file cannot carry a block. */
  static Optional<FileKind> of(String fileName, String firstLine) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    int dot = lower.lastIndexOf('.');
    String ext = dot > 0 ? lower.substring(dot + 1) : "";
    switch (ext) {
      case "md":
      case "markdown":
      case "mdc":
        return Optional.of(MARKDOWN);
      case "py":
        return Optional.of(PYTHON);
      case "yaml":
      case "yml":
        return Optional.of(YAML);
      case "sh":
      case "bash":
        return Optional.of(SHELL);
      case "java":
        return Optional.of(JAVA);
      case "":
        return SH_SHEBANG.matcher(Scalars.rstrip(firstLine)).matches()
            ? Optional.of(SHELL) : Optional.empty();
      default:
        return Optional.empty();
    }
  }
}
