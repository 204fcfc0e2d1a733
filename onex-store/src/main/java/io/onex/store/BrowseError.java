package io.onex.store;

import io.onex.core.diag.ErrorCode;

/**
 * Error codes of browsing the store: {@code onex log}, {@code onex show} and the queries behind
 * them ({@link Store#log}, {@link Store#lookup}, {@link Store#memory}). Ids are stable.
 * {@code docs/errors/browse.md} lists them.
 */
public enum BrowseError implements ErrorCode {
  BAD_TIME(
      "ONEX-L001",
      "a time given to --since or --until is not understood",
      "Give an ISO-8601 instant (2026-11-23T10:00:00Z), a date (2026-11-23, midnight UTC) or a"
          + " relative age: a number and one of s, m, h, d, w (90m, 2h, 3d)."),
  AMBIGUOUS_PREFIX(
      "ONEX-L002",
      "a short hash matches more than one trace hash",
      "Give more characters of the hash; the message lists the candidates."),
  NOT_FOUND(
      "ONEX-L003",
      "no record, trace hash or node matches the reference",
      "Check the reference with onex log (record ids and short trace hashes are in its output)"
          + " or give a node name, namespace or namespace@version."),
  BAD_QUERY(
      "ONEX-L004",
      "an argument of the query is invalid (limit, status, node, reference length)",
      "Use -n with 0 or more, --status with success, failure, error, skipped or cached, at"
          + " most 100 node names of at most 256 characters, references of at most 256 characters."),
  PAGER_FAILED(
      "ONEX-L005",
      "the pager could not be started",
      "Set ONEX_PAGER or PAGER to a pager that exists (e.g. 'less -FRX'), or to 'cat' to page"
          + " nothing; the output was printed without a pager.");

  private final String id;
  private final String title;
  private final String hint;

  BrowseError(String id, String title, String hint) {
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
