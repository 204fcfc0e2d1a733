package io.onex.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.record.ExecutionRecord;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreCorruptionTest {
  @TempDir Path tmp;
  Path dir;
  List<ExecutionRecord> all = new ArrayList<>();

  @BeforeEach
  void fill() {
    dir = tmp.resolve(".onex-store");
    try (Store s = StoreTest.open(dir)) {
      for (int b = 0; b < 30; b++) {
        List<ExecutionRecord> batch = TestRecords.batch("b" + b, 10);
        s.append(batch);
        all.addAll(batch);
      }
      s.append(StoreTest.mixed());
      all.addAll(StoreTest.mixed());
    }
  }

  private Path db() {
    return dir.resolve("store.db");
  }

  /** What a writer killed before its clean close leaves: the full proof runs on the next open. */
  private void markUncleanClose() throws IOException {
    Files.write(dir.resolve("store.db" + Index.DIRTY_SUFFIX), new byte[0]);
  }

  private Path log() {
    return dir.resolve("records/records.jsonl");
  }

  /** Opens, checks that every record is there and equal, fsck is clean; returns the warning codes. */
  private List<String> openAndCheckNothingLost() {
    try (Store s = StoreTest.open(dir)) {
      for (ExecutionRecord r : all) {
        assertEquals(StoreTest.json(r), StoreTest.json(s.byId(r.recordId()).orElseThrow()), r.recordId());
      }
      assertEquals(all.size(), s.size());
      assertEquals(StoreTest.json(StoreTest.mixed().get(4)),
          StoreTest.json(s.cacheLookup(TestRecords.hash("key:k1")).orElseThrow()));
      FsckResult f = s.fsck();
      assertTrue(f.clean(), f.problems().toString());
      return s.warnings().stream().map(Diagnostic::code).toList();
    }
  }

  private List<Path> broken() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("store.db.broken-")).toList();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4096, 2})
  void open_truncatedStoreDb_rebuildsAndLosesNothing(int divisor) throws IOException {
    long size = Files.size(db());
    try (RandomAccessFile f = new RandomAccessFile(db().toFile(), "rw")) {
      f.setLength(divisor == 0 ? 0 : divisor == 1 ? 16 : size / divisor);
    }
    assertEquals(List.of("ONEX-D008"), openAndCheckNothingLost());
    assertEquals(1, broken().size());
    assertTrue(broken().get(0).getFileName().toString().startsWith("store.db.broken-20260101T000000Z"));
  }

  @Test
  void open_zeroedStoreDb_rebuildsAndLosesNothing() throws IOException {
    Files.write(db(), new byte[(int) Files.size(db())]);
    assertEquals(List.of("ONEX-D008"), openAndCheckNothingLost());
  }

  @Test
  void open_flippedByteInHeader_rebuilds() throws IOException {
    flip(8);
    assertEquals(List.of("ONEX-D008"), openAndCheckNothingLost());
  }

  @Test
  void open_flippedByteInsideStoredRecordJson_rebuilds() throws IOException {
    byte[] b = Files.readAllBytes(db());
    // MapDB writes each char of a string as a packed int: ASCII with the high bit set
    byte[] needle = "\"record_id\":\"b17-4\"".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < needle.length; i++) {
      needle[i] |= (byte) 0x80;
    }
    int at = indexOf(b, needle);
    assertTrue(at > 0, "record text found in store.db");
    flip(at + 5);
    markUncleanClose();
    assertEquals(List.of("ONEX-D008"), openAndCheckNothingLost());
  }

  @Test
  void query_flippedRecordAfterCleanClose_healsOnReadAndLosesNothing() throws IOException {
    byte[] b = Files.readAllBytes(db());
    byte[] needle = "\"record_id\":\"b17-4\"".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < needle.length; i++) {
      needle[i] |= (byte) 0x80;
    }
    flip(indexOf(b, needle) + 5);
    // a clean close leaves no dirty marker: open runs the O(window) proof, the read notices the seal
    assertEquals(List.of("ONEX-D021"), openAndCheckNothingLost());
  }

  @Test
  void open_flippedBytesAtSeededRandomPlaces_neverLosesAnything() throws IOException {
    byte[] pristine = Files.readAllBytes(db());
    List<Integer> used = new ArrayList<>();
    for (int i = 0; i < pristine.length; i++) {
      if (pristine[i] != 0) {
        used.add(i);
      }
    }
    // store.db's layout differs between runs (MapDB seeds its hash map at random), so the seed
    // alone does not fix which bytes are hit; -Donex.store.flips=N runs a longer sweep
    Random rnd = new Random(20261122);
    int rebuilt = 0;
    int rounds = Integer.getInteger("onex.store.flips", 12);
    for (int round = 0; round < rounds; round++) {
      Files.delete(db());
      Files.write(db(), pristine);
      flip(used.get(rnd.nextInt(used.size())));
      markUncleanClose();
      // a flip in free or stale space changes nothing; every other one must be noticed
      rebuilt += openAndCheckNothingLost().contains("ONEX-D008") ? 1 : 0;
    }
    assertTrue(rebuilt > 0, "some flips hit live data");
  }

  @Test
  void open_flippedByteInCacheKey_rebuilds() throws IOException {
    byte[] b = Files.readAllBytes(db());
    int at = indexOf(b, CacheHit.keyBytes(TestRecords.hash("key:k1")));
    assertTrue(at > 0, "cache key found in store.db");
    flip(at + 7);
    markUncleanClose();
    assertEquals(List.of("ONEX-D008"), openAndCheckNothingLost());
  }

  @Test
  void open_tornLogTail_truncatedWithWarningAndCopyKept() throws IOException {
    Files.write(log(), "0000abcd {\"record_id\":\"torn".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    List<String> codes = openAndCheckNothingLost();
    assertEquals(List.of("ONEX-D005"), codes);
    assertTrue(Files.exists(log().resolveSibling("records.jsonl.corrupt-1")));
  }

  @Test
  void open_logAheadOfIndex_replaysTheTail() {
    List<ExecutionRecord> extra = TestRecords.batch("late", 7);
    try (JsonlRecordLog l = JsonlRecordLog.open(log())) {
      l.append(extra);
    }
    all.addAll(extra);
    assertEquals(List.of("ONEX-D009"), openAndCheckNothingLost());
    assertEquals(List.of(), openAndCheckNothingLost());
  }

  @Test
  void open_storeDbMissing_indexesTheWholeLog() throws IOException {
    Files.delete(db());
    assertEquals(List.of("ONEX-D009"), openAndCheckNothingLost());
  }

  @Test
  void open_indexOfAnotherLog_rebuilds() throws IOException {
    Files.delete(log());
    all.clear();
    try (JsonlRecordLog l = JsonlRecordLog.open(log())) {
      for (int b = 0; b < 40; b++) {
        List<ExecutionRecord> batch = TestRecords.batch("other" + b, 10);
        l.append(batch);
        all.addAll(batch);
      }
      all.addAll(StoreTest.mixed());
      l.append(StoreTest.mixed());
    }
    assertEquals(List.of("ONEX-D008"), openAndCheckNothingLost());
  }

  @Test
  void query_indexEntryPointingElsewhere_rebuildsAndAnswersRight() {
    Index ix = Index.open(db());
    CacheHit other = CacheHit.of(all.stream().filter(r -> r.recordId().equals("b3-3")).findFirst().orElseThrow());
    String k1 = TestRecords.hash("key:k1");
    ix.cache().put(CacheHit.keyBytes(k1), new CacheHit(k1, other.recordId(), other.status(), other.namespace(),
        other.version(), other.traceHash(), other.outputHash(), other.exitCode(), other.startedAt()).seal());
    ix.commit();
    ix.close();
    try (Store s = StoreTest.open(dir)) {
      assertTrue(s.warnings().isEmpty(), "the proof does not cross-check every entry");
      assertEquals("m5", s.cacheLookup(TestRecords.hash("key:k1")).orElseThrow().recordId());
      assertEquals(List.of("ONEX-D021"), s.warnings().stream().map(Diagnostic::code).toList());
      assertTrue(s.fsck().clean());
    }
  }

  @Test
  void cacheHit_flippedByteInCacheEntryAfterCleanClose_healsAndServesTheRightHit() throws IOException {
    ExecutionRecord m5 = StoreTest.mixed().get(4);
    // the cache value holds the producer's trace hash as 32 raw bytes; nothing else does
    int at = indexOf(Files.readAllBytes(db()), CacheHit.keyBytes(m5.traceHash()));
    assertTrue(at > 0, "cache value found in store.db");
    flip(at + 3);
    try (Store s = StoreTest.open(dir)) {
      assertTrue(s.warnings().isEmpty(), "a clean open does not read the cache map");
      assertEquals(CacheHit.of(m5), s.cacheHit(m5.cacheKey()).orElseThrow());
      assertEquals(List.of("ONEX-D021"), s.warnings().stream().map(Diagnostic::code).toList());
    }
    assertEquals(List.of(), openAndCheckNothingLost());
  }

  @Test
  void openAndFsck_cacheEntryFailingItsSeal_fullProofRebuildsAndFsckReportsIt() {
    String k1 = TestRecords.hash("key:k1");
    Index ix = Index.open(db());
    byte[] v = ix.cache().get(CacheHit.keyBytes(k1));
    v[v.length - 1] ^= 1;
    ix.cache().put(CacheHit.keyBytes(k1), v);
    ix.commit();
    ix.close();
    try (Store s = StoreTest.open(dir)) {
      FsckResult f = s.fsck();
      assertEquals(java.util.Set.of("ONEX-D020"), f.codes(), f.problems().toString());
      assertTrue(f.problems().get(0).message().contains("fails its checksum"));
    }
    try {
      markUncleanClose();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertEquals(List.of("ONEX-D008"), openAndCheckNothingLost());
  }

  @Test
  void fsck_entriesAddedAndRemovedWithCountsAdjusted_reportsReasonCodes() {
    Index ix = Index.open(db());
    ix.byTime().remove(ix.byTime().firstKey());
    ix.counts.merge("by_time", -1L, Long::sum);
    Index.put(ix.records(), "ghost", "{}");
    ix.counts.merge("records", 1L, Long::sum);
    ix.commit();
    ix.close();
    try (Store s = StoreTest.open(dir)) {
      assertTrue(s.warnings().isEmpty(), s.warnings().toString());
      FsckResult f = s.fsck();
      assertEquals(java.util.Set.of("ONEX-D015", "ONEX-D016"), f.codes());
      assertTrue(f.problems().stream().anyMatch(d -> d.message().contains("ghost")));
    }
  }

  @Test
  void corruptMiddleOfLog_isAClearErrorOnRebuildFsckAndOpenWithoutIndex() throws IOException {
    byte[] b = Files.readAllBytes(log());
    int line3 = 0;
    for (int i = 0, nl = 0; nl < 2; i++) {
      if (b[i] == '\n') {
        nl++;
        line3 = i + 1;
      }
    }
    b[line3 + 40] ^= 0x04;
    Files.write(log(), b);
    try (Store s = StoreTest.open(dir)) {
      FsckResult f = s.fsck();
      assertEquals("ONEX-D002", f.problems().get(0).code());
      assertEquals(3, f.problems().get(0).line());
      OnexException e = assertThrows(OnexException.class, s::rebuild);
      assertEquals("ONEX-D002", e.diagnostics().get(0).code());
      assertTrue(e.diagnostics().get(0).message().startsWith("line 3 "), e.getMessage());
      OnexException q = assertThrows(OnexException.class, () -> s.byId("b0-0"));
      assertEquals("ONEX-D002", q.diagnostics().get(0).code());
    }
    Files.delete(db());
    OnexException e = assertThrows(OnexException.class, () -> StoreTest.open(dir));
    assertEquals("ONEX-D002", e.diagnostics().get(0).code());
    assertEquals(3, e.diagnostics().get(0).line());
    assertTrue(e.diagnostics().get(0).file().endsWith("records.jsonl"));
  }

  @Test
  void corruptLogInsideRecentWindow_failsOpenWithD002() throws IOException {
    byte[] b = Files.readAllBytes(log());
    int nl = 0;
    int at = -1;
    for (int i = b.length - 2; i >= 0; i--) {
      if (b[i] == '\n' && ++nl == 5) {
        at = i + 50;
        break;
      }
    }
    b[at] ^= 0x02;
    Files.write(log(), b);
    OnexException e = assertThrows(OnexException.class, () -> StoreTest.open(dir));
    assertEquals("ONEX-D002", e.diagnostics().get(0).code());
    assertEquals(all.size() - 4, e.diagnostics().get(0).line());
  }

  private void flip(long at) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(db().toFile(), "rw")) {
      f.seek(at);
      int v = f.read();
      f.seek(at);
      f.write(v ^ 0x10);
    }
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
