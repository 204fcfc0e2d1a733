package io.onex.core.model;

import java.util.Locale;
import java.util.Optional;

/** The lifecycle stage of a node, in the order a node normally moves through them. */
public enum Lifecycle {
  DRAFT,
  REVIEW,
  ACTIVE,
  DEPRECATED,
  ARCHIVED;

  /** The spelling used in {@code node.onex.yaml}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Lifecycle> fromWire(String s) {
    for (Lifecycle l : values()) {
      if (l.wireName().equals(s)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
