package io.onex.core.model;

import java.util.Locale;
import java.util.Optional;

/** What kind of thing a node is; also the set of URI types. */
public enum MetaType {
  TOOL,
  VALIDATOR,
  AGENT,
  MODEL,
  SCHEMA,
  PLUGIN,
  NODE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<MetaType> fromWire(String s) {
    for (MetaType t : values()) {
      if (t.wireName().equals(s)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
