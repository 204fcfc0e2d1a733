package io.onex.sign.trust;

import java.util.Optional;

/** The roles of a trust root ({@code docs/formats/trust-root.md}). */
public enum Role {
  /** Signs new trust root versions. */
  ROOT("root"),
  /** Signs releases. */
  RELEASE("release"),
  /** Signs nodes' signature_block. */
  NODE_SIGNER("node-signer");

  private final String id;

  Role(String id) {
    this.id = id;
  }

  /** The name used in the trust root document and in the configuration. */
  public String id() {
    return id;
  }

  public static Optional<Role> of(String id) {
    for (Role r : values()) {
      if (r.id.equals(id)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
