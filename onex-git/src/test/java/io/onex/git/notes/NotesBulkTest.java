package io.onex.git.notes;

import static io.onex.git.notes.NotesLogTest.canon;
import static io.onex.git.testing.GitFixtures.CLOCK;
import static io.onex.git.testing.GitFixtures.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.Diagnostic;
import io.onex.core.record.ExecutionRecord;
import io.onex.git.testing.GitFixtures;
import io.onex.git.testing.Records;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many notes in one write: one notes commit, a fanned-out tree that git reads. */
class NotesBulkTest {
  private static final int BLOBS = 2_000;

  @TempDir Path tmp;

  @Test
  void append_twoThousandBlobsInOneNotesCommitWithFanOut() {
    Path dir = GitFixtures.init(tmp.resolve("repo"));
    List<Diagnostic> problems = new ArrayList<>();
    try (Repository repo = GitFixtures.open(dir)) {
      NotesLog log = NotesLog.open(repo, CLOCK, problems::add);
      Map<ObjectId, List<ExecutionRecord>> batch = new LinkedHashMap<>();
      for (int i = 0; i < BLOBS; i++) {
        ObjectId blob = GitFixtures.blob(repo, ("name: node_" + i + "\n").getBytes(StandardCharsets.UTF_8));
        batch.put(blob, List.of(Records.record("rec-" + i, "demo.node_" + i)));
      }

      NotesCommit c = log.append(batch, "onex: bulk");

      assertEquals(BLOBS, c.notesChanged());
      assertEquals("1", git(dir, "rev-list", "--count", NotesRefs.RECORDS).trim());
      List<String> top = git(dir, "ls-tree", NotesRefs.RECORDS).lines().toList();
      assertTrue(top.size() > 1 && top.size() <= 256, "fan-out directories: " + top.size());
      assertTrue(top.stream().allMatch(l -> l.matches("040000 tree [0-9a-f]{40}\t[0-9a-f]{2}")), top.get(0));
      List<String> head = git(dir, "ls-tree", "-r", NotesRefs.RECORDS).lines().limit(10).toList();
      assertEquals(10, head.size());
      assertTrue(head.stream().allMatch(l -> l.matches("100644 blob [0-9a-f]{40}\t[0-9a-f]{2}/[0-9a-f]{38}")),
          head.toString());
      List<String> listed = git(dir, "notes", "--ref=onex/records", "list").lines().toList();
      assertEquals(BLOBS, listed.size());
      Set<String> targets = listed.stream().map(l -> l.substring(41)).collect(Collectors.toSet());
      assertEquals(batch.keySet().stream().map(ObjectId::name).collect(Collectors.toSet()), targets);

      ObjectId sample = batch.keySet().iterator().next();
      assertEquals(canon(batch.get(sample).get(0)) + "\n",
          git(dir, "notes", "--ref=onex/records", "show", sample.name()));
      try (Stream<NoteRecord> all = log.all()) {
        assertEquals(BLOBS, all.count());
      }
      assertTrue(problems.isEmpty(), problems.toString());
    }
  }

  @Test
  void append_gitAndOnexShareAFannedOutTree() {
    Path dir = GitFixtures.init(tmp.resolve("repo"));
    try (Repository repo = GitFixtures.open(dir)) {
      NotesLog log = NotesLog.open(repo, CLOCK, d -> {
        throw new AssertionError(d.format());
      });
      Map<ObjectId, List<ExecutionRecord>> batch = new LinkedHashMap<>();
      for (int i = 0; i < 600; i++) {
        batch.put(GitFixtures.blob(repo, ("n" + i).getBytes(StandardCharsets.UTF_8)),
            List.of(Records.record("rec-" + i, "demo.n")));
      }
      log.append(batch, "first");
      ObjectId viaGit = GitFixtures.stage(dir, "node.onex.yaml", "name: late\n");
      ExecutionRecord late = Records.record("rec-late", "demo.late");
      git(dir, "notes", "--ref=onex/records", "add", "-m", canon(late), viaGit.name());
      ExecutionRecord again = Records.record("rec-again", "demo.late");

      log.append(Map.of(viaGit, List.of(again)), "second");

      assertEquals(NotesLogTest.noteText(canon(late), canon(again)),
          git(dir, "notes", "--ref=onex/records", "show", viaGit.name()));
      assertEquals(601, git(dir, "notes", "--ref=onex/records", "list").lines().count());
      assertEquals("3", git(dir, "rev-list", "--count", NotesRefs.RECORDS).trim());
    }
  }
}
