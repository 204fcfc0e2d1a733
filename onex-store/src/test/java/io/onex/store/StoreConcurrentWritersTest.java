package io.onex.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.record.ExecutionRecord;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two writer processes append N batches each to one store; the lock serializes them. */
class StoreConcurrentWritersTest {
  static final int BATCHES = 8;
  static final int SIZE = 5;

  @TempDir Path tmp;

  @Test
  void twoProcesses_appendConcurrently_allBatchesPresentAndLogWellFormed() throws Exception {
    Path dir = tmp.resolve(".onex-store");
    try (Child a = Child.start(tmp.resolve("a.err"), "batches", dir.toString(), "wa", "" + BATCHES, "" + SIZE);
        Child b = Child.start(tmp.resolve("b.err"), "batches", dir.toString(), "wb", "" + BATCHES, "" + SIZE)) {
      for (Child c : List.of(a, b)) {
        List<String> lines = c.rest().stream().filter(l -> !l.equals("waiting")).toList();
        assertTrue(c.process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, c.process.exitValue(), c.stderr());
        assertEquals(BATCHES + 1, lines.size(), lines.toString());
        assertTrue(lines.get(BATCHES).startsWith("contended "));
      }
    }
    verify(dir);
  }

  @Test
  void secondWriter_waitsOnTheLockUntilTheFirstReleasesIt() throws Exception {
    Path dir = tmp.resolve(".onex-store");
    try (Child a = Child.start(tmp.resolve("a.err"), "holdafter", dir.toString(), "wa", "" + BATCHES, "" + SIZE)) {
      for (int i = 0; i < BATCHES; i++) {
        assertEquals("ok wa " + i, a.line());
      }
      assertEquals("holding", a.line());
      try (Child b = Child.start(tmp.resolve("b.err"), "batches", dir.toString(), "wb", "" + BATCHES, "" + SIZE)) {
        assertEquals("waiting", b.line(), "the second writer finds the lock taken");
        OutputStream in = a.process.getOutputStream();
        in.write("release\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
        assertEquals("released", a.line());
        assertEquals("ok wb 0", b.line(), "and proceeds once it is released");
        List<String> rest = b.rest();
        assertTrue(b.process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, b.process.exitValue(), b.stderr());
        assertEquals("contended", rest.get(rest.size() - 1).split(" ")[0]);
      }
      assertTrue(a.process.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, a.process.exitValue(), a.stderr());
    }
    verify(dir);
  }

  private static void verify(Path dir) throws Exception {
    try (Store s = StoreTest.open(dir)) {
      assertTrue(s.warnings().isEmpty(), s.warnings().toString());
      assertEquals(2L * BATCHES * SIZE, s.size());
      for (String prefix : List.of("wa", "wb")) {
        for (int batch = 0; batch < BATCHES; batch++) {
          for (ExecutionRecord want : TestRecords.childBatch(prefix, batch, SIZE)) {
            assertEquals(StoreTest.json(want), StoreTest.json(s.byId(want.recordId()).orElseThrow()));
          }
        }
      }
      FsckResult f = s.fsck();
      assertTrue(f.clean(), f.problems().toString());
      assertEquals(2L * BATCHES * SIZE, f.logRecords());
    }
    // well-formed: every line intact (fsck above) and each batch contiguous, never interleaved
    List<String> lines = Files.readAllLines(dir.resolve("records/records.jsonl"));
    assertEquals(2 * BATCHES * SIZE, lines.size());
    Set<String> seenBatches = new HashSet<>();
    for (int i = 0; i < lines.size(); i += SIZE) {
      String first = id(lines.get(i));
      String batch = first.substring(0, first.lastIndexOf("-r"));
      assertTrue(seenBatches.add(batch), "batch " + batch + " appears twice");
      for (int j = 0; j < SIZE; j++) {
        assertEquals(batch + "-r" + j, id(lines.get(i + j)));
      }
    }
  }

  private static String id(String line) {
    int at = line.indexOf("\"record_id\":\"") + 13;
    return line.substring(at, line.indexOf('"', at));
  }
}
