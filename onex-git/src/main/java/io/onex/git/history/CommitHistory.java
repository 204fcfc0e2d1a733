package io.onex.git.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.Diagnostic;
import io.onex.git.GitError;
import io.onex.git.notes.NotesLog;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Which executions belong to which commits: the per-commit summary notes
 * ({@code refs/notes/onex/commits}, docs/formats/notes.md) over a revision or a range, as
 * {@code git log} reads them. Newest commit first; commits without a summary are left out.
 */
public final class CommitHistory {
  /** The most commits a range walk visits, whatever the range. */
  public static final int MAX_COMMITS = 100_000;

  private CommitHistory() {}

  /** One execution of a commit, from its summary note line. */
  public record Execution(String node, String recordId, String status) {}

  /** A commit and the executions its summary note lists. */
  public record CommitExecutions(String commit, String subject, long commitTimeSeconds, List<Execution> executions) {}

  /** One execution with its commit, and its full record when the store holds it. */
  public record Entry(String commit, Execution execution, Optional<io.onex.core.record.ExecutionRecord> record) {}

  /**
   * The executions of {@code commitRev} (when present) or of {@code range}, newest commit
   * first, each joined with its record in {@code store}; at most {@code limit} entries.
   */
  public static List<Entry> entries(Repository repo, io.onex.store.Store store, Optional<String> commitRev,
      Optional<String> range, int limit, Clock clock, Consumer<Diagnostic> problems) {
    List<CommitExecutions> commits = commitRev.isPresent()
        ? List.of(ofCommit(repo, commitRev.get(), clock, problems))
        : ofRange(repo, range.orElse("HEAD"), limit, clock, problems);
    List<Entry> out = new ArrayList<>();
    for (CommitExecutions c : commits) {
      for (Execution e : c.executions()) {
        if (out.size() >= limit) {
          return out;
        }
        out.add(new Entry(c.commit(), e, store.byId(e.recordId())));
      }
    }
    return out;
  }

  /** Whether {@code spec} names a commit or a range in {@code repo}. */
  public static boolean resolves(Repository repo, String spec) {
    try {
      if (spec.contains("..")) {
        String[] ends = spec.split("\\.\\.\\.?", 2);
        return (ends[0].isEmpty() || repo.resolve(ends[0] + "^{commit}") != null)
            && (ends[1].isEmpty() || repo.resolve(ends[1] + "^{commit}") != null);
      }
      return repo.resolve(spec + "^{commit}") != null;
    } catch (IOException | RevisionSyntaxException e) {
      return false;
    }
  }

  /** The executions of the single commit {@code rev}. */
  public static CommitExecutions ofCommit(Repository repo, String rev, Clock clock, Consumer<Diagnostic> problems) {
    try (RevWalk rw = new RevWalk(repo)) {
      RevCommit c = rw.parseCommit(resolve(repo, rev));
      return of(c, NotesLog.open(repo, clock, problems));
    } catch (IOException e) {
      throw GitError.io("read commit " + rev, e);
    }
  }

  /**
   * The executions of the commits of {@code range}: {@code A..B} (reachable from B, not from A,
   * as git log), {@code A..} (up to HEAD) or a single revision (it and its ancestors), newest
   * first, at most {@code maxCommits} commits with a summary.
   */
  public static List<CommitExecutions> ofRange(Repository repo, String range, int maxCommits, Clock clock,
      Consumer<Diagnostic> problems) {
    Objects.requireNonNull(range, "range");
    NotesLog notes = NotesLog.open(repo, clock, problems);
    List<CommitExecutions> out = new ArrayList<>();
    try (RevWalk rw = new RevWalk(repo)) {
      rw.sort(RevSort.COMMIT_TIME_DESC);
      if (range.contains("..")) {
        String[] ends = range.split("\\.\\.", 2);
        rw.markStart(rw.parseCommit(resolve(repo, ends[1].isEmpty() ? "HEAD" : ends[1])));
        rw.markUninteresting(rw.parseCommit(resolve(repo, ends[0].isEmpty() ? "HEAD" : ends[0])));
      } else {
        rw.markStart(rw.parseCommit(resolve(repo, range)));
      }
      int visited = 0;
      for (RevCommit c : rw) {
        if (++visited > MAX_COMMITS || out.size() >= maxCommits) {
          break;
        }
        CommitExecutions e = of(c, notes);
        if (!e.executions().isEmpty()) {
          out.add(e);
        }
      }
    } catch (IOException e) {
      throw GitError.io("walk " + range, e);
    }
    return out;
  }

  private static CommitExecutions of(RevCommit c, NotesLog notes) {
    List<Execution> list = new ArrayList<>();
    for (JsonNode line : notes.summary(c)) {
      String id = line.path("record_id").asText("");
      if (!id.isEmpty()) {
        list.add(new Execution(line.path("node").asText(""), id, line.path("status").asText("")));
      }
    }
    return new CommitExecutions(c.name(), c.getShortMessage(), c.getCommitTime(), List.copyOf(list));
  }

  private static ObjectId resolve(Repository repo, String rev) throws IOException {
    ObjectId id;
    try {
      id = repo.resolve(rev + "^{commit}");
    } catch (RevisionSyntaxException e) {
      id = null;
    }
    if (id == null) {
      throw GitError.UNKNOWN_REVISION.fail("", "'" + rev + "' is not a commit of this repository");
    }
    return id;
  }

  /** Empty when {@code rev} does not name a commit. */
  public static Optional<String> commitId(Repository repo, String rev) {
    try {
      return Optional.ofNullable(repo.resolve(rev + "^{commit}")).map(ObjectId::name);
    } catch (IOException | RevisionSyntaxException e) {
      return Optional.empty();
    }
  }
}
