package io.onex.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.record.ExecutionRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Store#release}: the lock is given up between operations, and nothing is lost. */
class StoreReleaseTest {
  @TempDir Path tmp;

  @Test
  void release_anotherProcessWritesMeanwhile_bothSeeEverything() throws Exception {
    Path dir = tmp.resolve(".onex-store");
    List<ExecutionRecord> mine = new ArrayList<>(TestRecords.batch("mine", 4));
    try (Store s = StoreTest.open(dir)) {
      s.append(mine);
      s.release();
      // with the lock held, this child would find it taken and print "waiting"
      try (Child other = Child.start(tmp.resolve("other.err"), "batches", dir.toString(), "wo", "3", "5")) {
        List<String> lines = other.rest();
        assertTrue(other.process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, other.process.exitValue(), other.stderr());
        assertEquals(List.of("ok wo 0", "ok wo 1", "ok wo 2", "contended 0"), lines);
      }
      List<ExecutionRecord> more = TestRecords.batch("after", 2);
      s.append(more);
      mine.addAll(more);
      assertEquals(4 + 15 + 2, s.size());
      for (ExecutionRecord r : mine) {
        assertEquals(StoreTest.json(r), StoreTest.json(s.byId(r.recordId()).orElseThrow()));
      }
      assertTrue(s.byId("wo-b2-r4").isPresent(), "the other process's last record is visible");
      assertEquals(List.of(), s.warnings().stream().map(Diagnostic::code).toList(), "no rebuild, no replay");
      assertTrue(s.fsck().clean());
    }
    try (Store again = StoreTest.open(dir)) {
      assertEquals(21, again.size());
    }
  }

  @Test
  void release_lockTakenMeanwhile_nextOperationWaitsThenFailsWithD001_andResumesLater() {
    Path dir = tmp.resolve(".onex-store");
    try (Store s = Store.open(dir, StoreTest.CLOCK, Duration.ofMillis(150))) {
      s.append(TestRecords.batch("a", 2));
      s.release();
      try (Store holder = StoreTest.open(dir)) {
        holder.append(TestRecords.batch("b", 3));
        OnexException e = assertThrows(OnexException.class, s::size);
        assertEquals("ONEX-D001", e.diagnostics().get(0).code());
      }
      assertEquals(5, s.size(), "the next operation takes the lock again");
      s.release();
      s.release();
    }
  }

  @Test
  void close_afterRelease_closesOnceAndLeavesTheLockFree() {
    Path dir = tmp.resolve(".onex-store");
    Store s = StoreTest.open(dir);
    s.append(TestRecords.batch("a", 1));
    s.release();
    s.close();
    OnexException e = assertThrows(OnexException.class, s::size);
    assertEquals(StoreError.STORE_CLOSED.id(), e.diagnostics().get(0).code());
    try (Store again = Store.open(dir, StoreTest.CLOCK, Duration.ZERO)) {
      assertEquals(1, again.size());
    }
  }
}
