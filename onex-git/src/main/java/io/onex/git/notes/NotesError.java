package io.onex.git.notes;

import io.onex.core.diag.ErrorCode;

/** Codes of the notes refs: reading, appending and merging ONEX notes (docs/errors/notes.md). */
public enum NotesError implements ErrorCode {
  MALFORMED_LINE("ONEX-N001", "a line of a note is not a JSON object; it is kept verbatim and skipped",
      "inspect it with git notes --ref=onex/records show <blob>; remove the line with git notes edit if it is garbage"),
  NOTE_TOO_LARGE("ONEX-N002", "a note is larger than 16 MiB, the most ONEX reads or writes",
      "inspect the note with git notes show <object>; move old records out of it or remove it with git notes remove"),
  NOTE_NOT_A_BLOB("ONEX-N003", "a notes tree entry does not point to a readable blob",
      "run git fsck; fetch the notes ref again from a healthy remote"),
  REF_CONTENDED("ONEX-N004", "the notes ref kept moving or stayed locked: the write was retried and given up",
      "run the command again; if it persists, remove a stale <ref>.lock file left by a killed git process"),
  REF_UPDATE_FAILED("ONEX-N005", "the notes ref could not be updated",
      "check that .git is writable and the disk is not full, then run the command again"),
  REPOSITORY_IO("ONEX-N006", "the repository's objects or refs could not be read or written",
      "check that the repository is readable and writable and run git fsck"),
  NOT_A_NOTES_COMMIT("ONEX-N007", "the notes ref does not point to a commit",
      "point the ref back at a notes commit (see git reflog <ref>) or delete it with git update-ref -d <ref>"),
  BAD_RECORD("ONEX-N008", "a record given for the notes is not a canonicalizable JSON object",
      "pass JSON objects without NaN, infinities or unrepresentable numbers"),
  MISSING_REF("ONEX-N009", "the notes ref to merge from does not exist",
      "fetch it first: git fetch <remote> refs/notes/onex/*:refs/notes/remotes/<remote>/onex/*"),
  WRONG_TARGET("ONEX-N010", "a note would be attached to an object that is missing or of the wrong type",
      "records attach to the blob of a staged node.onex.yaml (git rev-parse :<path>), summaries to a commit");

  private final String id;
  private final String title;
  private final String hint;

  NotesError(String id, String title, String hint) {
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
