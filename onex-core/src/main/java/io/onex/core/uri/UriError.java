package io.onex.core.uri;

import io.onex.core.diag.ErrorCode;

/** Error codes of node URIs and version constraints ({@code ONEX-U...}). */
public enum UriError implements ErrorCode {
  MISSING_SCHEME_SEPARATOR(
      "ONEX-U001",
      "not a node URI: '://' is missing",
      "write the URI as <type>://<namespace>@<version_spec>, e.g. tool://acme.text.upper@^1.0"),
  UNKNOWN_TYPE(
      "ONEX-U002",
      "unknown URI type",
      "use one of the types tool, validator, agent, model, schema, plugin, node (lowercase)"),
  BAD_NAMESPACE(
      "ONEX-U003",
      "malformed namespace",
      "use dotted lowercase segments, each starting with a letter: acme.text.upper"),
  MISSING_VERSION_SEPARATOR(
      "ONEX-U004",
      "no version spec: '@' is missing",
      "append @ and a version constraint: tool://acme.text.upper@^1.0 (use @* for any version)"),
  EMPTY_VERSION_SPEC(
      "ONEX-U005",
      "empty version spec",
      "give a version constraint such as 1.0.0, >=0.2.0, ^1.0, ~1.2 or * (any version)"),
  MALFORMED_VERSION_SPEC(
      "ONEX-U006",
      "malformed version spec",
      "use npm-style ranges: 1.0.0, >=1.0.0 <2.0.0, ^1.0, ~1.2, 1.x, 1.0.0 - 2.0.0, a || b"),
  INVALID_VERSION(
      "ONEX-U007",
      "not a semantic version",
      "use MAJOR.MINOR.PATCH with optional -prerelease and +build, e.g. 1.4.0 or 2.0.0-rc.1"),
  TOO_LONG(
      "ONEX-U008",
      "URI or version spec too long",
      "shorten it: a URI has at most 512 characters and a version spec at most 256");

  private final String id;
  private final String title;
  private final String hint;

  UriError(String id, String title, String hint) {
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
