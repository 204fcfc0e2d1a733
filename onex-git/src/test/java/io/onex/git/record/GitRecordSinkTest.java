package io.onex.git.record;

import static io.onex.git.testing.GitFixtures.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.OnexException;
import io.onex.core.record.ExecutionRecord;
import io.onex.exec.Execution;
import io.onex.exec.RuntimeOptions;
import io.onex.git.notes.NotesLog;
import io.onex.git.notes.NotesRefs;
import io.onex.git.testing.GitFixtures;
import io.onex.git.testing.Nodes;
import io.onex.git.testing.Records;
import io.onex.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRecordSinkTest {
  @TempDir Path dir;

  @Test
  void flush_writesEveryRecordOfARunInOneNotesCommitAndTheStore() throws Exception {
    Path repo = GitFixtures.init(dir.resolve("r"));
    Nodes.init(repo);
    Nodes.node(repo, "a", "a", List.of(), false);
    Nodes.node(repo, "b", "b", List.of(), false);
    Nodes.stamp(repo);
    try (Repository r = GitFixtures.open(repo);
        Store store = Store.open(repo.resolve(".onex-store"), GitFixtures.CLOCK, Duration.ofSeconds(5))) {
      GitRecordSink sink = GitRecordSink.open(r, GitFixtures.CLOCK, Optional.of(store), d -> { });
      Map<String, ObjectId> blobs = new java.util.HashMap<>();
      for (String n : List.of("a", "b")) {
        Path meta = repo.resolve(n + "/node.onex.yaml");
        String hash = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
            .readTree(meta.toFile()).get("hash").asText();
        blobs.put(n, sink.bindFile(hash, meta));
      }
      Execution exec = Execution.open(repo, RuntimeOptions.defaults(GitFixtures.CLOCK, Map.of(), dir), sink);
      assertEquals(2, exec.test(List.of(), c -> { }).passed());
      assertEquals(2, sink.pending().size());
      assertFalse(ObjectId.zeroId().equals(blobs.get("a")));
      assertEquals(git(repo, "hash-object", "a/node.onex.yaml").trim(), blobs.get("a").name(),
          "the blob is the file's git blob, inserted before any commit");
      GitRecordSink.Flushed f = sink.flush("onex: test");
      assertEquals(2, f.records().size());
      assertEquals("1", git(repo, "rev-list", "--count", NotesRefs.RECORDS).trim(), "one notes commit");
      List<JsonNode> onA = NotesLog.open(r, GitFixtures.CLOCK, d -> { }).read(blobs.get("a"));
      assertEquals(1, onA.size());
      assertEquals("a", onA.get(0).path("node").path("name").asText());
      String viaGit = git(repo, "notes", "--ref=onex/records", "show", blobs.get("b").name());
      assertTrue(viaGit.contains("\"name\":\"b\""), viaGit);
      assertEquals(2, store.size());
      assertEquals(List.of(), sink.flush("again").records(), "a second flush writes nothing");
    }
  }

  @Test
  void flush_unboundRecordIsJ008AndWritesNothing() {
    Path repo = GitFixtures.init(dir.resolve("r"));
    try (Repository r = GitFixtures.open(repo)) {
      GitRecordSink sink = GitRecordSink.open(r, GitFixtures.CLOCK, Optional.empty(), d -> { });
      ExecutionRecord rec = Records.record("r1", "t.x");
      sink.append(rec);
      OnexException e = assertThrows(OnexException.class, () -> sink.flush("m"));
      assertEquals("ONEX-J008", e.diagnostics().get(0).code());
      assertTrue(NotesLog.open(r, GitFixtures.CLOCK, d -> { }).head().isEmpty());
    }
  }
}
