package io.onex.git.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.record.ExecutionRecord;
import io.onex.git.GitError;
import io.onex.git.GitRepos;
import io.onex.git.notes.NoteRecord;
import io.onex.git.notes.NotesLog;
import io.onex.store.ExecutionRecordJson;
import io.onex.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Keeps the store a derived index of the notes (DESIGN invariant 1): records that reached
 * {@code refs/notes/onex/records} by any way (this machine, a fetch, a merge, {@code onex
 * sync}) are indexed into the store. The store remembers the notes commit it was last brought
 * up to ({@code .onex-store/notes-indexed}); catching up reads only the notes that changed since
 * (a tree diff), or every note when that commit is unknown (first run, {@code onex store
 * rebuild}, a deleted store).
 *
 * <p>Crash safety: the marker is written (temp file, rename) only after the store has the
 * records durably; a crash in between re-imports, and records the store already holds are
 * skipped by id, so nothing is lost or doubled. Callers hold the store's writer lock.
 */
public final class NotesIndexer {
  /** The marker file in the store directory. */
  public static final String STATE_FILE = "notes-indexed";
  private static final String MAGIC = "onex-notes-indexed/1 ";
  private static final int BATCH = 1000;

  private NotesIndexer() {}

  /** What a catch-up did. */
  public record Result(boolean upToDate, int imported, int skipped, int invalid, Optional<String> notesCommit) {}

  /**
   * Brings {@code store} up to the current notes of the repository containing {@code workDir};
   * nothing (and no JGit start-up) when the notes ref has not moved since the last catch-up.
   * Outside git, or with no notes yet: nothing.
   */
  public static Result catchUp(Path workDir, Map<String, String> env, Store store, Path storeDir, Clock clock,
      Consumer<Diagnostic> problems) {
    Optional<String> state = readState(storeDir);
    String fast = env.containsKey("GIT_DIR") ? null : LooseRefs.read(workDir, "refs/notes/onex/records");
    if (fast != null && (fast.isEmpty() ? state.isEmpty() : state.equals(Optional.of(fast)))) {
      return new Result(true, 0, 0, 0, state);
    }
    Optional<Repository> repo = GitRepos.find(workDir, env);
    if (repo.isEmpty()) {
      return new Result(true, 0, 0, 0, Optional.empty());
    }
    try (Repository r = repo.get()) {
      return catchUp(r, store, storeDir, clock, problems, false);
    }
  }

  /**
   * Indexes the notes of {@code repo} into {@code store}: incrementally from the last marker,
   * or every note when {@code full} or when the marker is missing or names an unknown commit.
   */
  public static Result catchUp(Repository repo, Store store, Path storeDir, Clock clock, Consumer<Diagnostic> problems,
      boolean full) {
    NotesLog notes = NotesLog.open(repo, clock, problems);
    Optional<ObjectId> head = notes.head();
    if (head.isEmpty()) {
      return new Result(true, 0, 0, 0, Optional.empty());
    }
    Optional<String> state = full ? Optional.empty() : readState(storeDir);
    if (state.equals(Optional.of(head.get().name()))) {
      return new Result(true, 0, 0, 0, state);
    }
    Optional<ObjectId> from = state.filter(ObjectId::isId).map(ObjectId::fromString).filter(id -> exists(repo, id));
    Counts c = new Counts();
    if (from.isPresent()) {
      importAll(notes.changed(from.get(), head.get()).stream(), store, problems, c);
    } else {
      try (Stream<NoteRecord> all = notes.all(head.get())) {
        importAll(all, store, problems, c);
      }
    }
    writeState(storeDir, head.get().name());
    return new Result(false, c.imported, c.skipped, c.invalid, Optional.of(head.get().name()));
  }

  private static final class Counts {
    int imported;
    int skipped;
    int invalid;
  }

  private static void importAll(Stream<NoteRecord> records, Store store, Consumer<Diagnostic> problems, Counts c) {
    Set<String> seen = new HashSet<>();
    List<ExecutionRecord> batch = new ArrayList<>();
    records.forEach(nr -> {
      JsonNode json = nr.record();
      String id = json.path("record_id").asText("");
      if (id.isEmpty() || !seen.add(id) || store.byId(id).isPresent()) {
        c.skipped++;
        return;
      }
      try {
        batch.add(ExecutionRecordJson.fromJson(json, "note on " + nr.blob().name()));
      } catch (OnexException e) {
        c.invalid++;
        e.diagnostics().forEach(problems);
        return;
      }
      if (batch.size() >= BATCH) {
        c.imported += flush(store, batch);
      }
    });
    c.imported += flush(store, batch);
  }

  private static int flush(Store store, List<ExecutionRecord> batch) {
    int n = batch.size();
    if (n > 0) {
      store.append(List.copyOf(batch));
      batch.clear();
    }
    return n;
  }

  private static boolean exists(Repository repo, ObjectId id) {
    try {
      return repo.getObjectDatabase().has(id);
    } catch (IOException e) {
      return false;
    }
  }

  /** The notes commit the store was last brought up to, if the marker is present and well-formed. */
  public static Optional<String> readState(Path storeDir) {
    try {
      String s = Files.readString(storeDir.resolve(STATE_FILE), StandardCharsets.UTF_8).trim();
      if (s.startsWith(MAGIC) && ObjectId.isId(s.substring(MAGIC.length()))) {
        return Optional.of(s.substring(MAGIC.length()));
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void writeState(Path storeDir, String commit) {
    Path file = storeDir.resolve(STATE_FILE);
    Path tmp = storeDir.resolve(STATE_FILE + ".tmp");
    try {
      Files.writeString(tmp, MAGIC + commit + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw GitError.io("write " + file, e);
    }
  }
}
