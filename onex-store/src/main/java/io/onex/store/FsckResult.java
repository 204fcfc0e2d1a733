package io.onex.store;

import io.onex.core.diag.Diagnostic;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@link Store#fsck()} found. {@code problems} are errors with {@code ONEX-D} reason codes
 * (at most {@link #MAX_PROBLEMS}; {@code omitted} counts the rest).
 *
 * @param logRecords lines read from the record log (duplicate lines included)
 * @param indexedRecords entries of the {@code records} map
 */
public record FsckResult(long logRecords, long indexedRecords, List<Diagnostic> problems, long omitted) {
  public static final int MAX_PROBLEMS = 100;

  public FsckResult {
    problems = List.copyOf(problems);
  }

  /** True when the log and the index agree in every respect checked. */
  public boolean clean() {
    return problems.isEmpty() && omitted == 0;
  }

  /** The distinct reason codes, sorted. */
  public Set<String> codes() {
    Set<String> s = new TreeSet<>();
    problems.forEach(d -> s.add(d.code()));
    return s;
  }
}
