package io.onex.git.notes;

import static io.onex.git.testing.GitFixtures.CLOCK;
import static io.onex.git.testing.GitFixtures.git;
import static io.onex.git.testing.GitFixtures.gitBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.record.ExecutionRecord;
import io.onex.git.testing.GitFixtures;
import io.onex.git.testing.Records;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NotesLog against real repositories, checked both ways with the git command line. */
class NotesLogTest {
  @TempDir Path tmp;
  private Path dir;
  private Repository repo;
  private final List<Diagnostic> problems = new ArrayList<>();
  private NotesLog log;

  @BeforeEach
  void setUp() {
    dir = GitFixtures.init(tmp.resolve("repo"));
    repo = GitFixtures.open(dir);
    log = NotesLog.open(repo, CLOCK, problems::add);
  }

  @AfterEach
  void tearDown() {
    repo.close();
  }

  static String canon(ExecutionRecord r) {
    return CanonicalJson.canonicalString(r.toJson());
  }

  /** The expected note text: canonical lines sorted by UTF-8 bytes, unique, newline-terminated. */
  static String noteText(String... lines) {
    TreeSet<String> sorted = new TreeSet<>((a, b) -> java.util.Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
    sorted.addAll(List.of(lines));
    StringBuilder sb = new StringBuilder();
    sorted.forEach(l -> sb.append(l).append('\n'));
    return sb.toString();
  }

  static List<String> canons(List<JsonNode> records) {
    return records.stream().map(CanonicalJson::canonicalString).toList();
  }

  private String show(String ref, ObjectId target) {
    return new String(gitBytes(dir, null, "notes", "--ref=" + ref, "show", target.name()), StandardCharsets.UTF_8);
  }

  @Test
  void append_textIsWhatGitNotesShows() {
    ObjectId a = GitFixtures.stage(dir, "nodes/a/node.onex.yaml", "name: a\n");
    ObjectId b = GitFixtures.stage(dir, "nodes/b/node.onex.yaml", "name: b\n");
    ExecutionRecord r2 = Records.record("rec-2", "demo.a");
    ExecutionRecord r1 = Records.record("rec-1", "demo.a", "failure");
    ExecutionRecord r3 = Records.record("rec-3", "demo.b");

    NotesCommit c = log.append(Map.of(a, List.of(r2, r1, r2), b, List.of(r3)), "onex: run");

    assertTrue(c.created());
    assertEquals(2, c.notesChanged());
    assertEquals(c.commit().name(), git(dir, "rev-parse", NotesRefs.RECORDS).trim());
    assertEquals("1", git(dir, "rev-list", "--count", NotesRefs.RECORDS).trim());
    assertEquals(noteText(canon(r1), canon(r2)), show("onex/records", a));
    assertEquals(noteText(canon(r3)), show("onex/records", b));
    assertEquals(noteText(canon(r1), canon(r2)).lines().toList(), canons(log.read(a)));
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void append_stagedBlobKeepsItsNotesOnceCommitted() {
    ObjectId staged = GitFixtures.stage(dir, "nodes/a/node.onex.yaml", "name: a\n");
    ExecutionRecord r = Records.record("rec-1", "demo.a");
    log.append(Map.of(staged, List.of(r)), "onex: pre-commit");
    GitFixtures.commit(dir, "add a");

    assertEquals(staged.name(), git(dir, "rev-parse", "HEAD:nodes/a/node.onex.yaml").trim());
    assertEquals(noteText(canon(r)),
        git(dir, "notes", "--ref=onex/records", "show", "HEAD:nodes/a/node.onex.yaml"));
  }

  @Test
  void append_onlyAddsLinesAndWritesNothingWhenAllPresent() {
    ObjectId a = GitFixtures.stage(dir, "node.onex.yaml", "name: a\n");
    ExecutionRecord r1 = Records.record("rec-1", "demo.a");
    ExecutionRecord r2 = Records.record("rec-2", "demo.a");
    NotesCommit first = log.append(Map.of(a, List.of(r2)), "one");
    NotesCommit second = log.append(Map.of(a, List.of(r1, r2)), "two");
    NotesCommit third = log.append(Map.of(a, List.of(r1)), "three");

    assertTrue(second.created());
    assertEquals(first.commit().name(), git(dir, "rev-parse", NotesRefs.RECORDS + "^").trim());
    assertFalse(third.created());
    assertEquals(second.commit(), third.commit());
    assertEquals("2", git(dir, "rev-list", "--count", NotesRefs.RECORDS).trim());
    assertEquals(noteText(canon(r1), canon(r2)), show("onex/records", a));
  }

  @Test
  void addCommitSummary_isShownByGitLog() {
    GitFixtures.stage(dir, "node.onex.yaml", "name: a\n");
    ObjectId commit = GitFixtures.commit(dir, "add a");
    ExecutionRecord r = Records.record("rec-1", "demo.a");
    ExecutionRecord f = Records.record("rec-2", "demo.b", "failure");

    log.addCommitSummary(commit, List.of(CommitSummary.of(r), CommitSummary.of(f)));

    String shown = git(dir, "log", "-1", "--notes=onex/commits", "--format=%H%n%N");
    assertEquals(commit.name() + "\n"
        + "{\"node\":\"demo.a\",\"record_id\":\"rec-1\",\"status\":\"success\"}\n"
        + "{\"node\":\"demo.b\",\"record_id\":\"rec-2\",\"status\":\"failure\"}\n\n", shown);
    assertTrue(git(dir, "log", "--notes=onex/commits").contains("Notes (onex/commits):"));
    assertEquals(2, log.summary(commit).size());
    assertEquals(List.of(), log.read(commit));
  }

  @Test
  void read_notesWrittenByGitNotesAddAndAppend() {
    ObjectId a = GitFixtures.stage(dir, "node.onex.yaml", "name: a\n");
    ExecutionRecord r1 = Records.record("rec-1", "demo.a");
    ExecutionRecord r2 = Records.record("rec-2", "demo.a");
    ExecutionRecord r3 = Records.record("rec-3", "demo.a");
    git(dir, "notes", "--ref=onex/records", "add", "-m", canon(r2), a.name());
    git(dir, "notes", "--ref=onex/records", "append", "-m", canon(r1), a.name());

    assertEquals(List.of(canon(r2), canon(r1)), canons(log.read(a)));
    log.append(Map.of(a, List.of(r3)), "onex: more");

    assertEquals(noteText(canon(r1), canon(r2), canon(r3)), show("onex/records", a));
    assertEquals(noteText(canon(r1), canon(r2), canon(r3)).lines().toList(), canons(log.read(a)));
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void read_garbageLineIsReportedAndKeptVerbatim() {
    ObjectId a = GitFixtures.stage(dir, "node.onex.yaml", "name: a\n");
    ExecutionRecord r1 = Records.record("rec-1", "demo.a");
    ExecutionRecord r2 = Records.record("rec-2", "demo.a");
    log.append(Map.of(a, List.of(r1)), "one");
    git(dir, "notes", "--ref=onex/records", "append", "-m", "not json at all", a.name());

    assertEquals(List.of(canon(r1)), canons(log.read(a)));
    assertEquals(1, problems.size());
    Diagnostic d = problems.get(0);
    assertEquals("ONEX-N001", d.code());
    assertEquals(a.name(), d.field());
    assertEquals(3, d.line()); // line 2 is the separator git notes append adds
    assertTrue(d.message().contains(a.name()) && d.message().contains("not json at all"), d.message());

    log.append(Map.of(a, List.of(r2)), "two");
    assertEquals(noteText(canon(r1), canon(r2), "not json at all"), show("onex/records", a));
  }

  @Test
  void readAndAppend_oversizedNoteIsReportedNeverRewritten() {
    ObjectId a = GitFixtures.stage(dir, "node.onex.yaml", "name: a\n");
    byte[] big = new byte[NotesLog.MAX_NOTE_BYTES + 1];
    java.util.Arrays.fill(big, (byte) 'x');
    gitBytes(dir, big, "notes", "--ref=onex/records", "add", "-F", "-", a.name());
    String before = git(dir, "rev-parse", NotesRefs.RECORDS).trim();

    assertEquals(List.of(), log.read(a));
    assertEquals("ONEX-N002", problems.get(0).code());
    assertEquals(a.name(), problems.get(0).field());
    OnexException e = assertThrows(OnexException.class,
        () -> log.append(Map.of(a, List.of(Records.record("rec-1", "demo.a"))), "onex"));
    assertEquals("ONEX-N002", e.diagnostics().get(0).code());
    assertEquals(before, git(dir, "rev-parse", NotesRefs.RECORDS).trim());
  }

  @Test
  void append_refusesTargetsThatAreNotBlobs() {
    GitFixtures.stage(dir, "node.onex.yaml", "name: a\n");
    ObjectId commit = GitFixtures.commit(dir, "c");
    ObjectId missing = ObjectId.fromString("1234567890123456789012345678901234567890");
    ExecutionRecord r = Records.record("rec-1", "demo.a");

    for (ObjectId bad : List.of(commit, missing)) {
      OnexException e = assertThrows(OnexException.class, () -> log.append(Map.of(bad, List.of(r)), "x"));
      assertEquals("ONEX-N010", e.diagnostics().get(0).code());
      assertEquals(bad.name(), e.diagnostics().get(0).field());
    }
    assertEquals(1, git(dir, "show-ref").lines().count());
  }

  @Test
  void appendJson_refusesNonObjects() {
    ObjectId a = GitFixtures.stage(dir, "node.onex.yaml", "name: a\n");
    JsonNode array = CanonicalJson.parse("[1,2]");
    OnexException e = assertThrows(OnexException.class, () -> log.appendJson(Map.of(a, List.of(array)), "x"));
    assertEquals("ONEX-N008", e.diagnostics().get(0).code());
  }

  @Test
  void all_streamsEveryRecordWithItsBlob() {
    ObjectId a = GitFixtures.stage(dir, "a/node.onex.yaml", "name: a\n");
    ObjectId b = GitFixtures.stage(dir, "b/node.onex.yaml", "name: b\n");
    log.append(Map.of(a, List.of(Records.record("rec-1", "demo.a"), Records.record("rec-2", "demo.a")),
        b, List.of(Records.record("rec-3", "demo.b"))), "x");

    List<String> seen;
    try (Stream<NoteRecord> s = log.all()) {
      seen = s.map(n -> n.blob().name() + " " + n.record().get("record_id").asText()).sorted().toList();
    }
    assertEquals(List.of(a.name() + " rec-1", a.name() + " rec-2", b.name() + " rec-3").stream().sorted().toList(),
        seen);
    assertEquals(log.head().orElseThrow().name(), git(dir, "rev-parse", NotesRefs.RECORDS).trim());
  }

  @Test
  void read_missingRefOrNoteIsEmpty() {
    ObjectId a = GitFixtures.stage(dir, "node.onex.yaml", "name: a\n");
    assertEquals(List.of(), log.read(a));
    assertTrue(log.head().isEmpty());
    try (Stream<NoteRecord> s = log.all()) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void read_noteOnTreeEntryThatIsNotABlobIsReported() {
    ObjectId a = GitFixtures.stage(dir, "node.onex.yaml", "name: a\n");
    ObjectId tree = ObjectId.fromString(git(dir, "write-tree").trim());
    String notesTree = new String(gitBytes(dir, ("040000 tree " + tree.name() + "\t" + a.name() + "\n")
        .getBytes(StandardCharsets.UTF_8), "mktree"), StandardCharsets.UTF_8).trim();
    String c = git(dir, "commit-tree", notesTree, "-m", "bad notes").trim();
    git(dir, "update-ref", NotesRefs.RECORDS, c);

    assertEquals(List.of(), log.read(a));
    assertEquals("ONEX-N003", problems.get(0).code());
    assertEquals(a.name(), problems.get(0).field());
  }

  @Test
  void append_staleLockIsReportedAsN004AndLosesNothing() throws Exception {
    ObjectId a = GitFixtures.stage(dir, "node.onex.yaml", "name: a\n");
    ExecutionRecord r1 = Records.record("rec-1", "demo.a");
    log.append(Map.of(a, List.of(r1)), "one");
    Path lock = dir.resolve(".git/" + NotesRefs.RECORDS + ".lock");
    java.nio.file.Files.writeString(lock, "");

    OnexException e = assertThrows(OnexException.class,
        () -> log.append(Map.of(a, List.of(Records.record("rec-2", "demo.a"))), "two"));

    assertEquals("ONEX-N004", e.diagnostics().get(0).code());
    assertTrue(e.diagnostics().get(0).message().contains(lock.toString()), e.diagnostics().get(0).message());
    java.nio.file.Files.delete(lock);
    assertEquals(noteText(canon(r1)), show("onex/records", a));
  }
}
