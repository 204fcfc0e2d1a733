package io.onex.core.stamp;

/**
 * How the {@code key: value} lines inside a block are written: bare ({@code RAW}, Markdown and
 * YAML), behind a comment marker ({@code # } or {@code // }), or wrapped one per line in an HTML
 * comment (the legacy Markdown form {@code <!-- key: value -->}).
 */
enum LineForm {
  RAW("", ""),
  HASH_COMMENT("# ", ""),
  SLASH_COMMENT("// ", ""),
  HTML_COMMENT("<!-- ", " -->");

  final String prefix;
  final String suffix;

  LineForm(String prefix, String suffix) {
    this.prefix = prefix;
    this.suffix = suffix;
  }

  /** A block line holding {@code key: value} in this form. */
  String line(String key, String value) {
    return prefix + key + ": " + value + suffix;
  }

  /**
   * The content of a stripped block line in this form ({@code ""} for a blank one), or null when
   * the line is not in this form.
   */
  String content(String stripped) {
    if (stripped.isEmpty()) {
      return "";
    }
    switch (this) {
      case RAW:
        return stripped;
      case HTML_COMMENT:
        return stripped.startsWith("<!--") && stripped.endsWith("-->") && stripped.length() >= 7
            ? stripped.substring(4, stripped.length() - 3).strip() : null;
      default:
        String marker = prefix.strip();
        if (stripped.equals(marker)) {
          return "";
        }
        return stripped.startsWith(prefix) ? stripped.substring(prefix.length()) : null;
    }
  }

  /** The form of a block whose first non-blank content line is {@code stripped}. */
  static LineForm detect(FileKind kind, String stripped) {
    for (LineForm f : kind.readForms) {
      if (f != RAW && f.content(stripped) != null) {
        return f;
      }
    }
    return kind.readForms.get(0);
  }
}
