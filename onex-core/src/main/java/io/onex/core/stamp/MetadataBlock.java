package io.onex.core.stamp;

import java.util.Map;
import java.util.Optional;

/**
 * A located, well-formed metadata block: its kind and line form, the 0-based indexes of its
 * opening and closing delimiter lines in the file (byte-order mark removed), and its entries by
 * key (each with its raw value text and line index). Keys are unique.
 */
record MetadataBlock(
    FileKind kind, LineForm form, int open, int close, boolean legacyClose,
    Map<String, Entry> entries) {

  static final String HASH = "hash";
  static final String LAST_MODIFIED_AT = "last_modified_at";

  /** One {@code key: value} line; {@code rawValue} is the text after {@code ": "}, unparsed. */
  record Entry(String key, String rawValue, int line) {}

  MetadataBlock {
    entries = Map.copyOf(entries);
  }

  Optional<Entry> entry(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** The per-line {@code <!-- key: value -->} form or its {@code === /OmniNode:Metadata === -->} close. */
  boolean legacy() {
    return form == LineForm.HTML_COMMENT || legacyClose;
  }

  /**
   * Whether volatile values are written single-quoted: only in bare YAML blocks, where the
   * reference serializer (a YAML dumper) quotes timestamps and the all-zero hash.
   */
  boolean quotesVolatileValues() {
    return kind == FileKind.YAML && form == LineForm.RAW;
  }

  /** The block line for {@code key} with value {@code value}, quoted if this block quotes them. */
  String volatileLine(String key, String value) {
    return form.line(key, quotesVolatileValues() ? Scalars.singleQuoted(value) : value);
  }
}
