package io.onex.cli;

import io.onex.core.diag.ErrorCode;

/** Codes of the command line itself (docs/errors/cli.md). */
enum CliError implements ErrorCode {
  DEMO_DIR_NOT_EMPTY("ONEX-C001", "the demo directory is not empty", "give a new or empty directory, or none for a temporary one"),
  USAGE("ONEX-C002", "usage error", "see onex <command> --help"),
  IO("ONEX-C003", "a file or directory cannot be read or written", "check that the path exists and that you may read and write it"),
  BAD_JSON("ONEX-C004", "an option value is not valid JSON", "pass a JSON object inline or as @file.json"),
  INTERNAL("ONEX-C900", "internal error", "this is a bug in ONEX; rerun with ONEX_DEBUG=1 and report the output");

  private final String id;
  private final String title;
  private final String hint;

  CliError(String id, String title, String hint) {
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
