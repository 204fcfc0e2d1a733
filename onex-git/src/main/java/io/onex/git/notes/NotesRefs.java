package io.onex.git.notes;

/** The names of ONEX's notes refs (docs/formats/notes.md). */
public final class NotesRefs {
  /** One note per node-content blob: the execution records, one canonical JSON per line. */
  public static final String RECORDS = "refs/notes/onex/records";
  /** One note per commit: a summary line per execution of that commit. */
  public static final String COMMITS = "refs/notes/onex/commits";

  private NotesRefs() {}

  /**
   * Where a remote's copy of a local notes ref is fetched to:
   * {@code refs/notes/onex/records} of {@code origin} is {@code refs/notes/remotes/origin/onex/records}.
   */
  public static String remote(String remote, String localRef) {
    if (remote.isEmpty() || !localRef.startsWith("refs/notes/")) {
      throw new IllegalArgumentException("need a remote name and a notes ref: '" + remote + "' '" + localRef + "'");
    }
    return "refs/notes/remotes/" + remote + "/" + localRef.substring("refs/notes/".length());
  }

  /** The fetch refspec that brings a remote's ONEX notes into {@link #remote} refs, never forced. */
  public static String fetchRefspec(String remote) {
    return "refs/notes/onex/*:refs/notes/remotes/" + remote + "/onex/*";
  }
}
