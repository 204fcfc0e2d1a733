package io.onex.git.notes;

import static io.onex.git.notes.NotesLogTest.canon;
import static io.onex.git.testing.GitFixtures.CLOCK;
import static io.onex.git.testing.GitFixtures.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.OnexException;
import io.onex.core.record.ExecutionRecord;
import io.onex.git.testing.GitFixtures;
import io.onex.git.testing.Records;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NotesMerge against git notes merge -s cat_sort_uniq on real divergent clones. */
class NotesMergeTest {
  private static final String FETCHED = NotesRefs.remote("origin", NotesRefs.RECORDS);

  @TempDir Path tmp;
  private Path origin;
  /** Node blobs committed in origin: a..f. */
  private final List<ObjectId> blobs = new ArrayList<>();
  /** Every record line written anywhere. */
  private final Set<String> written = new HashSet<>();

  @BeforeEach
  void setUp() {
    origin = GitFixtures.init(tmp.resolve("origin"));
    for (String n : List.of("a", "b", "c", "d", "e", "f")) {
      blobs.add(GitFixtures.stage(origin, "nodes/" + n + "/node.onex.yaml", "name: " + n + "\n"));
    }
    GitFixtures.commit(origin, "nodes");
  }

  private ObjectId blob(char name) {
    return blobs.get(name - 'a');
  }

  private void append(Path dir, char blob, ExecutionRecord... records) {
    try (Repository repo = GitFixtures.open(dir)) {
      NotesLog.open(repo, CLOCK, d -> {
        throw new AssertionError(d.format());
      }).append(Map.of(blob(blob), List.of(records)), "onex: test");
    }
    for (ExecutionRecord r : records) {
      written.add(canon(r));
    }
  }

  private void gitAppend(Path dir, char blob, ExecutionRecord r) {
    git(dir, "notes", "--ref=onex/records", "append", "-m", canon(r), blob(blob).name());
    written.add(canon(r));
  }

  private Path cloneWithNotes(String name) {
    Path c = GitFixtures.cloneOf(origin, tmp.resolve(name));
    git(c, "fetch", "-q", "origin", "refs/notes/*:refs/notes/*");
    return c;
  }

  /** target -> exact note text, for every note of {@code ref}. */
  private static Map<String, String> notes(Path dir, String ref) {
    Map<String, String> out = new TreeMap<>();
    for (String line : git(dir, "notes", "--ref=" + ref, "list").lines().toList()) {
      String[] p = line.split(" ");
      out.put(p[1], git(dir, "cat-file", "blob", p[0]));
    }
    return out;
  }

  private NotesMerge.Outcome onexMerge(Path dir) {
    try (Repository repo = GitFixtures.open(dir)) {
      return NotesMerge.merge(repo, NotesRefs.RECORDS, FETCHED, CLOCK);
    }
  }

  /** Runs both merges from the same state of {@code dir}; returns (onex result, git result). */
  private List<Map<String, String>> mergeBothWays(Path dir, int expectCombined) {
    String local = git(dir, "rev-parse", NotesRefs.RECORDS).trim();
    String fetched = git(dir, "rev-parse", FETCHED).trim();
    NotesMerge.Outcome out = onexMerge(dir);
    assertEquals(NotesMerge.Kind.MERGED, out.kind());
    assertEquals(expectCombined, out.notesCombined());
    assertEquals(out.commit().name() + " " + local + " " + fetched,
        git(dir, "rev-list", "--parents", "-n1", NotesRefs.RECORDS).trim());
    git(dir, "update-ref", "refs/notes/onex-merged", out.commit().name());
    git(dir, "update-ref", NotesRefs.RECORDS, local);
    git(dir, "notes", "--ref=onex/records", "merge", "-q", "-s", "cat_sort_uniq", FETCHED);
    return List.of(notes(dir, "onex-merged"), notes(dir, "onex/records"));
  }

  private void assertHoldsEveryRecord(Map<String, String> merged) {
    Set<String> lines = new HashSet<>();
    merged.values().forEach(t -> lines.addAll(t.lines().toList()));
    for (String r : written) {
      assertTrue(lines.contains(r), "lost record " + r);
    }
  }

  @Test
  void merge_divergentClonesAgreeWithGitCatSortUniq() {
    append(origin, 'a', Records.record("rec-base", "demo.a"));
    Path one = cloneWithNotes("one");
    Path two = cloneWithNotes("two");
    append(one, 'a', Records.record("rec-1a", "demo.a"), Records.record("rec-shared", "demo.a"),
        Records.record("rec-\uff5a", "demo.a"));
    append(one, 'b', Records.record("rec-1b", "demo.b"));
    gitAppend(one, 'c', Records.record("rec-1c", "demo.c"));
    append(one, 'f', Records.record("rec-1f", "demo.f"));
    append(two, 'a', Records.record("rec-2a", "demo.a"), Records.record("rec-shared", "demo.a"),
        Records.record("rec-\ud83d\ude00", "demo.a"));
    append(two, 'd', Records.record("rec-2d", "demo.d"));
    append(two, 'e', Records.record("rec-2e0", "demo.e"));
    gitAppend(two, 'e', Records.record("rec-2e1", "demo.e"));
    append(two, 'f', Records.record("rec-2f", "demo.f"));
    git(two, "push", "-q", "origin", NotesRefs.RECORDS);
    git(one, "fetch", "-q", "origin", NotesRefs.fetchRefspec("origin"));

    List<Map<String, String>> both = mergeBothWays(one, 2);

    assertEquals(both.get(1), both.get(0));
    assertEquals(6, both.get(0).size());
    assertHoldsEveryRecord(both.get(0));
    assertHoldsEveryRecord(both.get(1));
    String a = both.get(0).get(blob('a').name());
    assertTrue(a.indexOf("rec-\uff5a") < a.indexOf("rec-\ud83d\ude00"), "UTF-8 byte order, not UTF-16");
  }

  @Test
  void merge_unrelatedHistoriesAgreeWithGit() {
    Path one = GitFixtures.cloneOf(origin, tmp.resolve("one"));
    Path two = GitFixtures.cloneOf(origin, tmp.resolve("two"));
    append(one, 'a', Records.record("rec-1a", "demo.a"));
    append(one, 'b', Records.record("rec-1b", "demo.b"));
    append(two, 'a', Records.record("rec-2a", "demo.a"));
    append(two, 'c', Records.record("rec-2c", "demo.c"));
    git(one, "fetch", "-q", two.toString(), NotesRefs.RECORDS + ":" + FETCHED);

    List<Map<String, String>> both = mergeBothWays(one, 1);

    assertEquals(both.get(1), both.get(0));
    assertHoldsEveryRecord(both.get(0));
  }

  @Test
  void merge_fastForwardsWhenLocalIsMissingOrBehind() {
    append(origin, 'a', Records.record("rec-0", "demo.a"));
    Path one = GitFixtures.cloneOf(origin, tmp.resolve("one"));
    git(one, "fetch", "-q", "origin", NotesRefs.fetchRefspec("origin"));

    NotesMerge.Outcome first = onexMerge(one);
    assertEquals(NotesMerge.Kind.FAST_FORWARD, first.kind());
    assertEquals(git(one, "rev-parse", FETCHED), git(one, "rev-parse", NotesRefs.RECORDS));

    append(origin, 'a', Records.record("rec-1", "demo.a"));
    git(one, "fetch", "-q", "origin", NotesRefs.fetchRefspec("origin"));
    NotesMerge.Outcome second = onexMerge(one);
    assertEquals(NotesMerge.Kind.FAST_FORWARD, second.kind());
    assertEquals(git(origin, "rev-parse", NotesRefs.RECORDS), git(one, "rev-parse", NotesRefs.RECORDS));
    assertEquals("2", git(one, "rev-list", "--count", NotesRefs.RECORDS).trim());
  }

  @Test
  void merge_upToDateWhenLocalContainsFetched() {
    append(origin, 'a', Records.record("rec-0", "demo.a"));
    Path one = cloneWithNotes("one");
    git(one, "fetch", "-q", "origin", NotesRefs.fetchRefspec("origin"));
    append(one, 'b', Records.record("rec-1", "demo.b"));
    String before = git(one, "rev-parse", NotesRefs.RECORDS);

    NotesMerge.Outcome out = onexMerge(one);

    assertEquals(NotesMerge.Kind.UP_TO_DATE, out.kind());
    assertEquals(before, git(one, "rev-parse", NotesRefs.RECORDS));
  }

  @Test
  void merge_missingFetchedRefIsN009() {
    Path one = GitFixtures.cloneOf(origin, tmp.resolve("one"));
    OnexException e = assertThrows(OnexException.class, () -> onexMerge(one));
    assertEquals("ONEX-N009", e.diagnostics().get(0).code());
    assertEquals(FETCHED, e.diagnostics().get(0).file());
  }

  @Test
  void pick_followsGitThreeWayRulesButNeverDropsOurs() {
    ObjectId b = ObjectId.fromString("b".repeat(40));
    ObjectId o = ObjectId.fromString("c".repeat(40));
    ObjectId t = ObjectId.fromString("d".repeat(40));
    assertEquals(o, NotesMerge.pick(b, o, o));
    assertEquals(o, NotesMerge.pick(b, o, b));
    assertEquals(t, NotesMerge.pick(b, b, t));
    assertEquals(t, NotesMerge.pick(null, null, t));
    assertEquals(o, NotesMerge.pick(null, o, null));
    assertEquals(b, NotesMerge.pick(b, b, null), "a deletion by the other side keeps ours");
    assertNull(NotesMerge.pick(b, null, b), "our deletion stands");
    assertEquals(t, NotesMerge.pick(b, null, t));
    assertSame(NotesMerge.COMBINE, NotesMerge.pick(b, o, t));
    assertSame(NotesMerge.COMBINE, NotesMerge.pick(null, o, t));
    assertSame(NotesMerge.COMBINE, NotesMerge.pick(b, o, null));
  }
}
