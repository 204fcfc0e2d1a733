package io.onex.core.registry;

import io.onex.core.diag.ErrorCode;

/** Error codes of the registry view ({@code ONEX-R...}). */
public enum RegistryError implements ErrorCode {
  UNRESOLVED("ONEX-R001", "a node URI matches no registered node",
      "register a node with that namespace and a satisfying version, or widen the version spec"),
  AMBIGUOUS("ONEX-R002", "a node URI matches two nodes with the same namespace and version",
      "give one of the nodes another version (run: onex stamp after editing it), or remove one"),
  CYCLE("ONEX-R003", "dependency cycle",
      "break the cycle: remove or re-point one dependency or subgraph step on the path"),
  DUPLICATE("ONEX-R004", "two nodes have the same namespace and version",
      "bump the version of one of them, or change its namespace"),
  INVALID_VERSION("ONEX-R005", "a registered node has an invalid version; it cannot be resolved",
      "set version to a semantic version MAJOR.MINOR.PATCH, e.g. 1.0.0"),
  INVALID_NAMESPACE("ONEX-R006", "a registered node has an invalid namespace; it cannot be resolved",
      "set namespace to dotted lowercase segments, e.g. acme.text.upper");

  private final String id;
  private final String title;
  private final String hint;

  RegistryError(String id, String title, String hint) {
    this.id = id;
    this.title = title;
    this.hint = hint;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public String hint() {
    return hint;
  }
}
