package io.onex.core.schema;

import java.util.Map;
import java.util.Optional;

/**
 * Plain-words descriptions of the regular expressions used by the bundled schemas, so a
 * diagnostic says "lowercase letters, digits and _" instead of printing a regex. A test
 * checks that every {@code pattern} in the bundled schemas has an entry here.
 */
final class PatternWords {
  static final String SEMVER = "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)"
      + "(-(0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(\\.(0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*)?"
      + "(\\+[0-9a-zA-Z-]+(\\.[0-9a-zA-Z-]+)*)?$";
  static final String DATE_TIME =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$";

  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("^[0-9]+\\.[0-9]+\\.[0-9]+$", "a version MAJOR.MINOR.PATCH such as \"1.0.0\""),
      Map.entry("^[a-z][a-z0-9_]{0,63}$",
          "lowercase letters, digits and _, starting with a letter, at most 64 characters"),
      Map.entry(SEMVER, "a semantic version such as \"1.0.0\" or \"0.2.0-rc.1\" (no leading zeros)"),
      Map.entry("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
          "a UUID: 8-4-4-4-12 hexadecimal digits such as \"65dfc205-96f3-4f86-8497-cf6d8a1c4b95\""),
      Map.entry("^(state_contract://)?[^/\\\\][^\\\\]*$",
          "a relative path, optionally prefixed by state_contract://, not starting with / and"
              + " without backslashes"),
      Map.entry("^[A-Z_][A-Z0-9_]*(=.*)?$",
          "an upper-case variable name (A-Z, 0-9 and _, not starting with a digit), optionally"
              + " followed by =value"),
      Map.entry("^[A-Za-z0-9][A-Za-z0-9.+:()\\- ]*$",
          "an SPDX license identifier or expression such as \"Apache-2.0\" or \"MIT OR Apache-2.0\""),
      Map.entry(DATE_TIME, "an RFC 3339 date-time such as \"2025-05-17T10:05:00Z\""),
      Map.entry("^[0-9a-f]{64}$", "64 lowercase hexadecimal digits (a SHA-256 digest)"),
      Map.entry("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$",
          "a dotted lowercase namespace such as \"omnibase.tools.stamper\" (each part: lowercase"
              + " letters, digits and _, starting with a letter)"),
      Map.entry("^[a-z][a-z0-9_]*://[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*@[^\\s].*$",
          "a node URI <type>://<namespace>@<version spec> such as"
              + " \"tool://tools.tree_generator@>=0.2.0\""),
      Map.entry("^[a-z][a-z0-9_-]*$",
          "lowercase letters, digits, _ and -, starting with a letter (python, cli, java, noop,"
              + " composite, ...)"),
      Map.entry("^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
          "standard base64 (A-Z, a-z, 0-9, + and /, padded with =)"),
      Map.entry("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",
          "a dotted field path such as \"user.name\" (letters, digits and _ in each part, not"
              + " starting with a digit)"),
      Map.entry("^(str|int|float|bool|object|any|\\[(str|int|float|bool|object|any)\\])\\??$",
          "a type name: str, int, float, bool, object or any, or a list of one such as [str];"
              + " a trailing ? marks the field optional (str?)"),
      Map.entry("^[a-z][a-z0-9_]*$", "lowercase letters, digits and _, starting with a letter"),
      Map.entry("^[1-9][0-9]*[kKmM]?$",
          "a positive whole number, optionally followed by k or M, such as \"128k\""),
      Map.entry("^[a-z0-9][a-z0-9_-]*$",
          "lowercase letters, digits, _ and -, starting with a letter or a digit"),
      Map.entry("^[0-9a-f]{40}$", "40 lowercase hexadecimal digits (a git commit id)"),
      Map.entry("^#", "a local reference starting with # such as \"#/$defs/item\" (remote"
          + " schemas are never fetched)"));

  private PatternWords() {}

  /** Plain words for {@code regex}, if it is one of the bundled schemas' patterns. */
  static Optional<String> describe(String regex) {
    return Optional.ofNullable(WORDS.get(regex));
  }
}
