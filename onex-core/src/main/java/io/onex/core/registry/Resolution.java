package io.onex.core.registry;

import io.onex.core.uri.NodeUri;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of resolving one node URI. {@code matches} holds the chosen entry when
 * {@link Status#RESOLVED}, the tied entries when {@link Status#AMBIGUOUS}, nothing when
 * {@link Status#UNRESOLVED}.
 */
public record Resolution(NodeUri uri, Status status, List<RegistryEntry> matches) {

  /** What resolution found. */
  public enum Status {
    /** Exactly one entry has the highest satisfying version. */
    RESOLVED,
    /** No entry of that namespace has a satisfying version. */
    UNRESOLVED,
    /** Two or more entries share the namespace and the highest satisfying version. */
    AMBIGUOUS
  }

  public Resolution {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(status, "status");
    matches = List.copyOf(matches);
  }

  /** The chosen entry, present only when {@link Status#RESOLVED}. */
  public Optional<RegistryEntry> entry() {
    return status == Status.RESOLVED ? Optional.of(matches.get(0)) : Optional.empty();
  }
}
