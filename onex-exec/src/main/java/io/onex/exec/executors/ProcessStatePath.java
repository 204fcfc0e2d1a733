package io.onex.exec.executors;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A dotted path into a JSON state ({@code user.name}, {@code items.0.id}), as used by cli
 * argument substitution and composite wiring. Each segment selects an object member by name,
 * or, when the value is an array and the segment is a decimal index without leading zeros, an
 * array element. The empty path is the whole state. An empty segment ({@code a..b},
 * {@code a.}) never matches. A member whose value is JSON {@code null} exists.
 */
final class ProcessStatePath {
  private ProcessStatePath() {}

  /** The value at {@code path} in {@code state}, or empty when there is none. */
  static Optional<JsonNode> lookup(JsonNode state, String path) {
    if (path.isEmpty()) {
      return Optional.of(state);
    }
    JsonNode current = state;
    for (String segment : path.split("\\.", -1)) {
      if (segment.isEmpty() || current == null) {
        return Optional.empty();
      }
      if (current.isObject()) {
        current = current.get(segment);
      } else if (current.isArray() && isIndex(segment)) {
        current = current.get(Integer.parseInt(segment));
      } else {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(current);
  }

  private static boolean isIndex(String s) {
    if (s.length() > 9 || (s.length() > 1 && s.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
