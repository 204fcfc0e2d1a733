package io.onex.core.project;

import io.onex.core.diag.Diagnostic;
import java.util.List;

/** The result of {@code onex stamp}: one entry per node or stamped file. */
public record StampReport(List<Entry> entries) {

  /** What happened to one path. */
  public enum Status {
    /** already right; nothing written */
    UNCHANGED,
    /** written for the first time */
    STAMPED,
    /** an existing lock or block was updated */
    RESTAMPED,
    /** --check: the lock or block is right */
    OK,
    /** --check: the stored hash differs from the computed one */
    MISMATCH,
    /** --check: a file has no metadata block */
    MISSING,
    /** the file could not be stamped or checked (see diagnostics) */
    ERROR
  }

  /** One node ({@code kind = node}) or one file with a metadata block ({@code kind = file}). */
  public record Entry(String path, String kind, Status status, String previousHash, String hash, List<Diagnostic> diagnostics) {
    public Entry {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  public StampReport {
    entries = List.copyOf(entries);
  }

  /** Whether a --check run found everything in order (or a write run had no errors). */
  public boolean ok() {
    return entries.stream().noneMatch(e -> e.status() == Status.MISMATCH || e.status() == Status.MISSING || e.status() == Status.ERROR);
  }
}
