package io.onex.core.stamp;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a new YAML block may use bare {@code key: value} lines. Bare lines become part
 * of the YAML document, so they are only safe when the body is a block mapping none of whose
 * top-level keys is a block key (a duplicate key breaks strict loaders and silently overrides in
 * lenient ones). Otherwise the block is written behind {@code # }, which YAML ignores. The scan is
 * conservative: any top-level line it does not understand selects the comment form.
 */
final class YamlBody {
  /** The keys a new block writes. */
  static final Set<String> BLOCK_KEYS = Set.of(
      "metadata_version", "protocol_version", "owner", "copyright", "schema_version", "name",
      "version", "uuid", "author", "created_at", "last_modified_at", "description",
      "state_contract", "lifecycle", "hash", "entrypoint", "runtime_language_hint", "namespace",
      "meta_type");
  private static final Pattern PLAIN_KEY = Pattern.compile(
      "([^\\s#?:,\\[\\]{}&*!|>'\"%@`-][^#]*?|-[^\\s#][^#]*?)[ \\t]*:(?:[ \\t].*)?");
  private static final Pattern QUOTED_KEY =
      Pattern.compile("(?:\"([^\"\\\\]*)\"|'([^']*)')[ \\t]*:(?:[ \\t].*)?");

  private YamlBody() {}

  /** Whether the body from line {@code from} needs the {@code # } comment form for a new block. */
  static boolean needsCommentForm(List<Line> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      String t = lines.get(i).stripped();
      if (t.isEmpty() || t.startsWith("#") || t.startsWith(" ") || t.startsWith("\t")) {
        continue;
      }
      if (t.equals("---") || t.equals("...") || t.startsWith("--- ")) {
        return false;
      }
      String key = topLevelKey(t);
      if (key == null || BLOCK_KEYS.contains(key)) {
        return true;
      }
    }
    return false;
  }

  /** The key of a top-level {@code key: value} line, or null when the line is anything else. */
  private static String topLevelKey(String t) {
    Matcher q = QUOTED_KEY.matcher(t);
    if (q.matches()) {
      return q.group(1) != null ? q.group(1) : q.group(2);
    }
    Matcher p = PLAIN_KEY.matcher(t);
    return p.matches() ? p.group(1) : null;
  }
}
