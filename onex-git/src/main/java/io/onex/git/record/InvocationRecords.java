package io.onex.git.record;

import io.onex.core.diag.Diagnostic;
import io.onex.core.record.ExecutionRecord;
import io.onex.core.record.RecordSink;
import io.onex.git.GitRepos;
import io.onex.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.jgit.lib.Repository;

/**
 * Where the records of one {@code onex} invocation go. In a git repository: a
 * {@link GitRecordSink} (one notes commit per invocation, on each node's {@code node.onex.yaml}
 * blob, then the store); outside git: the store alone (its JSON-lines log is the durable copy).
 *
 * <p>Invariant: when {@link #finish} returns, every record of the invocation is in the notes
 * (git) or the store's log (no git); a record whose node file cannot be found is still
 * written to the store and reported, never dropped.
 */
public final class InvocationRecords implements AutoCloseable {
  private final Store store;
  private final Repository repo;
  private final GitRecordSink git;
  private final Consumer<Diagnostic> problems;

  private InvocationRecords(Store store, Repository repo, GitRecordSink git, Consumer<Diagnostic> problems) {
    this.store = store;
    this.repo = repo;
    this.git = git;
    this.problems = problems;
  }

  /** Records for an invocation in {@code cwd}; {@code store} stays the caller's to close. */
  public static InvocationRecords open(Path cwd, java.util.Map<String, String> env, Clock clock, Store store,
      Consumer<Diagnostic> problems) {
    Objects.requireNonNull(store, "store");
    Optional<Repository> repo = GitRepos.find(cwd, env);
    if (repo.isEmpty()) {
      return new InvocationRecords(store, null, null, problems);
    }
    return new InvocationRecords(store, repo.get(), GitRecordSink.open(repo.get(), clock, Optional.of(store), problems),
        problems);
  }

  /** The sink to run with. */
  public RecordSink sink() {
    return git != null ? git : store;
  }

  /** Whether records go to the notes refs. */
  public boolean inGit() {
    return git != null;
  }

  /**
   * Writes what the invocation produced: binds each record to its node's {@code node.onex.yaml}
   * (found by {@code metadataFileOf}), then one notes commit and one store batch.
   *
   * @return the number of records written
   */
  public int finish(String message, Function<ExecutionRecord.NodeRef, Optional<Path>> metadataFileOf) {
    if (git == null) {
      return 0;
    }
    List<ExecutionRecord> pending = git.pending();
    for (ExecutionRecord r : pending) {
      metadataFileOf.apply(r.node()).ifPresentOrElse(f -> git.bindFile(r.node().hash(), f), () -> { });
    }
    return git.flushBound(message, problems).size();
  }

  @Override
  public void close() {
    if (repo != null) {
      repo.close();
    }
  }
}
