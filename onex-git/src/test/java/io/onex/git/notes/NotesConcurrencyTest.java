package io.onex.git.notes;

import static io.onex.git.notes.NotesLogTest.canon;
import static io.onex.git.testing.GitFixtures.CLOCK;
import static io.onex.git.testing.GitFixtures.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.canon.CanonicalJson;
import io.onex.core.record.ExecutionRecord;
import io.onex.git.testing.GitFixtures;
import io.onex.git.testing.Records;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two writers with their own Repository instances race on the same notes ref. */
class NotesConcurrencyTest {
  private static final int BATCHES = 50;

  @TempDir Path tmp;

  @Test
  void append_twoConcurrentWritersLoseNoRecord() throws Exception {
    Path dir = GitFixtures.init(tmp.resolve("repo"));
    ObjectId shared = GitFixtures.stage(dir, "shared/node.onex.yaml", "name: shared\n");
    List<ObjectId> own = List.of(GitFixtures.stage(dir, "w0/node.onex.yaml", "name: w0\n"),
        GitFixtures.stage(dir, "w1/node.onex.yaml", "name: w1\n"));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Set<String>>> writers = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        writers.add(pool.submit(writer(dir, w, shared, own.get(w), start)));
      }
      start.countDown();
      Set<String> sharedLines = new HashSet<>();
      for (Future<Set<String>> f : writers) {
        sharedLines.addAll(f.get(5, TimeUnit.MINUTES));
      }

      assertEquals(2 * BATCHES, sharedLines.size());
      assertEquals(sharedLines, Set.copyOf(git(dir, "notes", "--ref=onex/records", "show", shared.name())
          .lines().toList()));
      for (ObjectId blob : own) {
        assertEquals(BATCHES, git(dir, "notes", "--ref=onex/records", "show", blob.name()).lines().count());
      }
      assertEquals(String.valueOf(2 * BATCHES), git(dir, "rev-list", "--count", NotesRefs.RECORDS).trim());
      try (Repository repo = GitFixtures.open(dir)) {
        NotesLog log = NotesLog.open(repo, CLOCK, d -> {
          throw new AssertionError(d.format());
        });
        Set<String> read = new HashSet<>();
        log.read(shared).forEach(j -> read.add(CanonicalJson.canonicalString(j)));
        assertEquals(sharedLines, read);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Appends BATCHES batches, each one record on the shared blob and one on its own blob. */
  private static Callable<Set<String>> writer(Path dir, int w, ObjectId shared, ObjectId own, CountDownLatch go) {
    return () -> {
      Set<String> lines = new HashSet<>();
      try (Repository repo = GitFixtures.open(dir)) {
        NotesLog log = NotesLog.open(repo, CLOCK, d -> {
          throw new AssertionError(d.format());
        });
        assertTrue(go.await(1, TimeUnit.MINUTES));
        for (int i = 0; i < BATCHES; i++) {
          ExecutionRecord s = Records.record("w" + w + "-shared-" + i, "demo.shared");
          ExecutionRecord o = Records.record("w" + w + "-own-" + i, "demo.w" + w);
          NotesCommit c = log.append(Map.of(shared, List.of(s), own, List.of(o)), "writer " + w + " batch " + i);
          assertTrue(c.created());
          lines.add(canon(s));
        }
      }
      return lines;
    };
  }
}
