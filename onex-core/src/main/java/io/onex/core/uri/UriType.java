package io.onex.core.uri;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code <type>} part of a node URI. Informational: resolution goes by namespace. */
public enum UriType {
  TOOL,
  VALIDATOR,
  AGENT,
  MODEL,
  SCHEMA,
  PLUGIN,
  NODE;

  /** The lowercase form written in URIs, e.g. {@code tool}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The type written as {@code id} (exact, lowercase), if any. */
  public static Optional<UriType> fromId(String id) {
    for (UriType t : values()) {
      if (t.id().equals(id)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** {@code tool, validator, ...}: for messages. */
  static String allowedList() {
    return Arrays.stream(values()).map(UriType::id).collect(Collectors.joining(", "));
  }
}
