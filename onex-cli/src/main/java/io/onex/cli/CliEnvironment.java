package io.onex.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.Map;

/**
 * Everything the CLI takes from its surroundings, read once at start-up and injected into the
 * commands: working directory, clock, environment variables. Core code never reads them itself.
 */
record CliEnvironment(Path workingDirectory, Clock clock, Map<String, String> env) {

  static CliEnvironment of(Map<String, String> env) {
    String cwd = env.getOrDefault("ONEX_CWD", System.getProperty("user.dir"));
    return new CliEnvironment(Paths.get(cwd).toAbsolutePath().normalize(), Clock.systemUTC(), Map.copyOf(env));
  }

  boolean debug() {
    return "1".equals(env.get("ONEX_DEBUG"));
  }

  /** Resolves a user-given path against the working directory. */
  Path resolve(String path) {
    return workingDirectory.resolve(path).normalize();
  }

  /** Runtime settings: the caller's environment (filtered by each executor), the clock, java.io.tmpdir. */
  io.onex.exec.RuntimeOptions runtimeOptions() {
    return io.onex.exec.RuntimeOptions.defaults(clock, env, java.nio.file.Paths.get(System.getProperty("java.io.tmpdir")));
  }

  /**
   * Opens the store of the repository containing the working directory ({@code .onex-store/}),
   * waiting for another writer at most {@link #lockWait()}. The caller closes it.
   */
  io.onex.store.Store openStore() {
    Path dir = io.onex.core.project.ProjectLayout.discover(workingDirectory).storeDir();
    io.onex.store.Store store = io.onex.store.Store.open(dir, clock, lockWait());
    try {
      // the store is a derived index of the notes: index what arrived by fetch, merge or sync
      io.onex.git.record.NotesIndexer.catchUp(workingDirectory, env, store, dir, clock,
          d -> System.err.println(d.format()));
    } catch (io.onex.core.diag.OnexException e) {
      e.diagnostics().forEach(d -> System.err.println(d.format()));
    }
    return store;
  }

  /**
   * Runs {@code body} with an {@link io.onex.exec.Execution} over the project's store: the store
   * is the cache; the records go to the notes refs (one notes commit for the invocation, then
   * the store) in a git repository, and to the store alone outside git. Problems met while
   * writing the records go to {@code problems}.
   */
  <T> T execute(boolean useCache, String message, java.util.function.Consumer<io.onex.core.diag.Diagnostic> problems,
      java.util.function.Function<io.onex.exec.Execution, T> body) {
    try (io.onex.store.Store store = openStore();
        io.onex.git.record.InvocationRecords records =
            io.onex.git.record.InvocationRecords.open(workingDirectory, env, clock, store, problems)) {
      io.onex.exec.Execution exec = io.onex.exec.Execution.open(workingDirectory, runtimeOptions(), records.sink(), store, useCache);
      try {
        return body.apply(exec);
      } finally {
        records.finish(message, exec::metadataFileOf);
      }
    }
  }

  /**
   * In a git repository: indexes every record of the notes refs into {@code store} (records
   * it has are skipped); the count imported. Outside git: 0.
   */
  int reindexNotes(io.onex.store.Store store) {
    Path dir = io.onex.core.project.ProjectLayout.discover(workingDirectory).storeDir();
    var repo = io.onex.git.GitRepos.find(workingDirectory, env);
    if (repo.isEmpty()) {
      return 0;
    }
    try (var r = repo.get()) {
      return io.onex.git.record.NotesIndexer.catchUp(r, store, dir, clock, d -> System.err.println(d.format()), true).imported();
    }
  }

  /** {@code onex log --commit/RANGE}: the executions of commits, joined with their records in the store. */
  java.util.List<io.onex.git.history.CommitHistory.Entry> commitLog(java.util.Optional<String> commit,
      java.util.Optional<String> range, int limit) {
    try (io.onex.store.Store store = openStore(); var repo = io.onex.git.GitRepos.open(workingDirectory, env)) {
      return io.onex.git.history.CommitHistory.entries(repo, store, commit, range, limit, clock, d -> System.err.println(d.format()));
    }
  }

  /** A commit with its executions, for {@code onex show <commit>}. */
  record CommitView(String commit, String subject, java.util.List<io.onex.git.history.CommitHistory.Entry> entries) {}

  /** The executions of the commit {@code rev}, when the working directory is in a git repository and rev names a commit. */
  java.util.Optional<CommitView> commitView(String rev) {
    var found = io.onex.git.GitRepos.find(workingDirectory, env);
    if (found.isEmpty()) {
      return java.util.Optional.empty();
    }
    try (var repo = found.get()) {
      if (io.onex.git.history.CommitHistory.commitId(repo, rev).isEmpty()) {
        return java.util.Optional.empty();
      }
      var c = io.onex.git.history.CommitHistory.ofCommit(repo, rev, clock, d -> System.err.println(d.format()));
      try (io.onex.store.Store store = openStore()) {
        var entries = io.onex.git.history.CommitHistory.entries(repo, store, java.util.Optional.of(rev),
            java.util.Optional.empty(), Integer.MAX_VALUE, clock, d -> System.err.println(d.format()));
        return java.util.Optional.of(new CommitView(c.commit(), c.subject(), entries));
      }
    }
  }

  /** How long to wait for another process's store lock: {@code ONEX_LOCK_WAIT} seconds, default 30. */
  java.time.Duration lockWait() {
    String v = env.get("ONEX_LOCK_WAIT");
    if (v != null && v.matches("[0-9]{1,6}")) {
      return java.time.Duration.ofSeconds(Long.parseLong(v));
    }
    return java.time.Duration.ofSeconds(30);
  }

  /** True when standard output is an interactive terminal (System.console() exists). */
  boolean terminal() {
    return System.console() != null;
  }

  /** Colours: only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
  boolean colour() {
    return colour(env, terminal());
  }

  /**
   * The pager command for long output, as git chooses it: {@code ONEX_PAGER}, {@code PAGER},
   * else {@code less -FRX}; none when stdout is not a terminal, in CI, or when the chosen value
   * is empty or {@code cat}.
   */
  java.util.Optional<String> pager() {
    return pager(env, terminal());
  }

  /** {@link #pager()} for given surroundings. */
  static java.util.Optional<String> pager(Map<String, String> env, boolean terminal) {
    if (!terminal || env.containsKey("CI")) {
      return java.util.Optional.empty();
    }
    String p = env.get("ONEX_PAGER");
    if (p == null) {
      p = env.getOrDefault("PAGER", "less -FRX");
    }
    p = p.trim();
    return p.isEmpty() || p.equals("cat") ? java.util.Optional.empty() : java.util.Optional.of(p);
  }

  /** {@link #colour()} for given surroundings. */
  static boolean colour(Map<String, String> env, boolean terminal) {
    return terminal && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
  }

  String author() {
    String name = env.get("ONEX_AUTHOR");
    if (name == null || name.isBlank()) {
      name = env.getOrDefault("GIT_AUTHOR_NAME", env.getOrDefault("USER", "unknown"));
    }
    return name;
  }
}
