package io.onex.core.tree;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/** Entry name rules and the byte order used for sorting, shared by reader and generator. */
final class Names {
  static final String NODE_METADATA = "node.onex.yaml";
  /** Entries may sit at most this many levels below the root (fits YamlLimits.DEFAULT depth). */
  static final int MAX_DEPTH = 15;

  /** Unsigned comparison of the UTF-8 encodings (the same as code point order). */
  static final Comparator<String> BYTE_ORDER =
      (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  private Names() {}

  /** Why {@code name} is not a valid entry name, or null when it is. */
  static String problem(String name) {
    if (name.isEmpty()) {
      return "is empty";
    }
    if (name.equals(".") || name.equals("..")) {
      return "is '" + name + "'";
    }
    if (name.indexOf('/') >= 0) {
      return "contains '/'";
    }
    if (name.indexOf('\\') >= 0) {
      return "contains '\\'";
    }
    if (name.indexOf('\0') >= 0) {
      return "contains NUL";
    }
    return null;
  }
}
