package io.onex.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.diag.OnexException;
import io.onex.core.hash.Sha256;
import io.onex.core.record.ExecutionRecord;
import io.onex.core.record.TraceHashes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputStoreTest {
  @TempDir Path dir;

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private OutputStore store() {
    return new OutputStore(dir.resolve("outputs"), OutputStore.MAX_BYTES);
  }

  @Test
  void put_storesCanonicalBytesUnderTheOutputHash() throws Exception {
    JsonNode out = CanonicalJson.parse("{\"b\": 1.0, \"a\": [true, \"x\"]}");
    String hash = store().put(out);
    assertEquals(TraceHashes.state(out), hash);
    Path file = dir.resolve("outputs").resolve(hash.substring(0, 2)).resolve(hash + ".json");
    assertEquals("{\"a\":[true,\"x\"],\"b\":1}", Files.readString(file, StandardCharsets.UTF_8));
    OutputStore.Lookup l = store().get(hash);
    assertTrue(l.hit());
    assertEquals(hash, TraceHashes.state(l.output().get()));
    assertEquals(1, l.output().get().get("b").intValue());
  }

  @Test
  void get_missingFile_isAQuietMiss() {
    OutputStore.Lookup l = store().get(TestRecords.hash("nothing"));
    assertEquals(OutputStore.Status.MISSING, l.status());
    assertTrue(l.problem().isEmpty());
  }

  @Test
  void get_corruptedFile_isAMissWithK001() throws Exception {
    String hash = store().put(CanonicalJson.parse("{\"n\": 1}"));
    Files.writeString(store().fileOf(hash), "{\"n\":2}", StandardCharsets.UTF_8);
    OutputStore.Lookup l = store().get(hash);
    assertEquals(OutputStore.Status.CORRUPT, l.status());
    assertTrue(l.output().isEmpty());
    assertEquals("ONEX-K001", l.problem().get().code());
  }

  @Test
  void get_malformedFileWithMatchingName_isAMissWithK002() throws Exception {
    byte[] garbage = "{\"n\": 1, \"n\": 2}".getBytes(StandardCharsets.UTF_8);
    String hash = Sha256.hex(garbage);
    Path f = store().fileOf(hash);
    Files.createDirectories(f.getParent());
    Files.write(f, garbage);
    OutputStore.Lookup l = store().get(hash);
    assertEquals(OutputStore.Status.MALFORMED, l.status());
    assertEquals("ONEX-K002", l.problem().get().code());
    byte[] array = "[1,2]".getBytes(StandardCharsets.UTF_8);
    Path g = store().fileOf(Sha256.hex(array));
    Files.createDirectories(g.getParent());
    Files.write(g, array);
    assertEquals(OutputStore.Status.MALFORMED, store().get(Sha256.hex(array)).status());
  }

  @Test
  void oversized_isNeitherStoredNorServed() throws Exception {
    OutputStore small = new OutputStore(dir.resolve("outputs"), 16);
    OnexException e = assertThrows(OnexException.class, () -> small.put(CanonicalJson.parse("{\"text\": \"0123456789abcdef\"}")));
    assertEquals("ONEX-K003", e.diagnostics().get(0).code());
    assertTrue(small.list().isEmpty());
    String hash = store().put(CanonicalJson.parse("{\"text\": \"0123456789abcdef\"}"));
    OutputStore.Lookup l = small.get(hash);
    assertEquals(OutputStore.Status.OVERSIZED, l.status());
    assertEquals("ONEX-K003", l.problem().get().code());
  }

  @Test
  void put_overCorruptFile_repairsIt() throws Exception {
    JsonNode out = CanonicalJson.parse("{\"n\": 1}");
    String hash = store().put(out);
    Files.writeString(store().fileOf(hash), "junk", StandardCharsets.UTF_8);
    store().put(out);
    assertTrue(store().get(hash).hit());
  }

  @Test
  void tempFilesOfAKilledWriter_areNotEntriesAndAreRemoved() throws Exception {
    String hash = store().put(CanonicalJson.parse("{\"n\": 1}"));
    Path tmp = store().fileOf(hash).resolveSibling("." + hash.substring(0, 16) + "-dead.tmp");
    Files.writeString(tmp, "{\"n\":", StandardCharsets.UTF_8);
    assertEquals(1, store().list().size());
    assertEquals(1, store().removeTemps());
    assertFalse(Files.exists(tmp));
    assertTrue(store().delete(hash));
    assertFalse(store().get(hash).hit());
  }

  @Test
  void markers_persistAcrossOpensAndAreRedetectedFromRecords() throws Exception {
    Path sd = dir.resolve("store");
    ExecutionRecord a = TestRecords.record("r1", "demo.tools.rand", "1.0.0", "success", 1, "k", 5, null);
    ExecutionRecord b = withOutput(TestRecords.record("r2", "demo.tools.rand", "1.0.0", "success", 2, "k", 5, null), "other");
    try (Store s = Store.open(sd, CLOCK, Duration.ZERO)) {
      s.append(a);
      s.append(b);
      s.markNondeterministic("demo.tools.rand", "1.0.0", a.cacheKey());
    }
    try (Store s = Store.open(sd, CLOCK, Duration.ZERO)) {
      assertEquals(Set.of(a.cacheKey()), s.nondeterministicKeys("demo.tools.rand", "1.0.0"));
      assertEquals(1, s.cacheEntries().size());
      assertEquals("r2", s.cacheEntries().get(0).recordId());
    }
    Files.writeString(sd.resolve(Store.NONDETERMINISTIC_FILE), "{broken", StandardCharsets.UTF_8);
    try (Store s = Store.open(sd, CLOCK, Duration.ZERO)) {
      assertTrue(s.nondeterministicKeys("demo.tools.rand", "1.0.0").isEmpty());
      assertTrue(s.warnings().stream().anyMatch(d -> d.code().equals("ONEX-K008")));
      assertEquals(1, s.redetectNondeterminism());
      assertEquals(Set.of(a.cacheKey()), s.nondeterministicKeys("demo.tools.rand", "1.0.0"));
    }
  }

  private static ExecutionRecord withOutput(ExecutionRecord r, String seed) {
    return new ExecutionRecord(r.recordId(), r.node(), r.inputHash(), r.configHash(), Optional.of(TestRecords.hash(seed)),
        r.traceHash(), r.cacheKey(), r.status(), r.exitCode(), r.error(), r.startedAt(), r.durationMs(), r.costUsd(),
        r.executor(), r.environment(), r.commit(), r.parentRecordId(), r.cachedFrom(), r.trustBefore(), r.trustAfter());
  }
}
