package io.onex.exec.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.record.ExecutionRecord;
import io.onex.exec.LoadedNode;
import io.onex.exec.RunResult;
import io.onex.store.OutputStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's cache policy over a real store: hits, TTL, invalidation, damaged outputs, nondeterminism. */
class MemoizationTest {
  @TempDir Path root;
  MemoFixture f;

  @BeforeEach
  void setUp() {
    f = new MemoFixture(root);
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void run_secondRunIsServedFromTheCache() {
    f.node("echo", "noop", "-", "");
    RunResult first = f.run("echo", "{\"n\": 1}");
    RunResult second = f.run("echo", "{\"n\": 1}");
    assertEquals("success", first.record().status());
    ExecutionRecord c = second.record();
    assertEquals("cached", c.status());
    assertTrue(second.succeeded());
    assertEquals(Optional.of(first.record().recordId()), c.cachedFrom());
    assertEquals(first.record().outputHash(), c.outputHash());
    assertEquals(first.record().traceHash(), c.traceHash());
    assertEquals(first.record().cacheKey(), c.cacheKey());
    assertEquals(0, c.durationMs());
    assertEquals(first.output(), second.output());
    assertEquals(2, f.store.size(), "the cached record is persisted too");
  }

  @Test
  void run_differentInputOrNoCache_executes() {
    f.node("echo", "noop", "-", "");
    f.run("echo", "{\"n\": 1}");
    assertEquals("success", f.run("echo", "{\"n\": 2}").record().status());
    assertEquals("success", f.run("echo", "{\"n\": 1}", false).record().status());
    assertEquals(0, f.count("echo", "cached"));
  }

  @Test
  void run_ttlExpiry_followsTheInjectedClock() {
    f.node("echo", "noop", "-", "cache: {ttl_seconds: 60}\n");
    RunResult first = f.run("echo", "{}");
    f.clock.advance(Duration.ofSeconds(60));
    assertEquals("cached", f.run("echo", "{}").record().status(), "60 s old, ttl 60: still fresh");
    f.clock.advance(Duration.ofSeconds(1));
    RunResult late = f.run("echo", "{}");
    assertEquals("success", late.record().status(), "61 s old: expired, runs again");
    assertNotEquals(first.record().recordId(), late.record().recordId());
    assertEquals(Optional.of(late.record().recordId()), f.run("echo", "{}").record().cachedFrom(), "the new run is the new producer");
  }

  @Test
  void run_cacheDisabledOrStrategyNone_neverHits() {
    f.node("off", "noop", "-", "cache: {enabled: false}\n");
    f.node("none", "noop", "-", "cache: {strategy: none}\n");
    for (String n : new String[] {"off", "none"}) {
      f.run(n, "{}");
      assertEquals("success", f.run(n, "{}").record().status(), n);
    }
  }

  @Test
  void key_changesWithNodeHashContractAndSchema_andMisses() {
    f.node("echo", "noop", "-", "");
    String k1 = f.run("echo", "{}").record().cacheKey();
    f.edit("echo", "node.onex.yaml", "description: \"a test node\"", "description: \"an edited node\"");
    RunResult afterEdit = f.run("echo", "{}");
    assertEquals("success", afterEdit.record().status(), "node hash changed: miss");
    String k2 = afterEdit.record().cacheKey();
    assertNotEquals(k1, k2);
    f.file("echo", "state_contract.json", "{\"type\": \"object\", \"required\": []}\n");
    f.reload("echo");
    RunResult afterContract = f.run("echo", "{}");
    assertEquals("success", afterContract.record().status(), "contract file changed: miss");
    assertNotEquals(k2, afterContract.record().cacheKey());
    f.edit("echo", "node.onex.yaml", "meta_type: tool\n", "meta_type: tool\ninput_contract: {n: \"int?\"}\n");
    RunResult afterInputContract = f.run("echo", "{}");
    assertEquals("success", afterInputContract.record().status(), "input_contract changed: miss");
    f.edit("echo", "node.onex.yaml", "schema_version: \"1.0.0\"", "schema_version: \"0.9.0\"");
    RunResult afterSchema = f.run("echo", "{}");
    assertEquals("success", afterSchema.record().status(), "schema_version changed: miss");
    assertNotEquals(afterInputContract.record().cacheKey(), afterSchema.record().cacheKey());
    assertEquals("cached", f.run("echo", "{}").record().status());
  }

  @Test
  void key_changesWithDeclaredEnvironment() {
    f.node("envy", "noop", "-", "environment: [\"FROM_PARENT\"]\n");
    String k1 = f.run("envy", "{}").record().cacheKey();
    f.env = java.util.Map.of("FROM_PARENT", "p2");
    RunResult r = f.run("envy", "{}");
    assertEquals("success", r.record().status());
    assertNotEquals(k1, r.record().cacheKey());
  }

  @Test
  void lookup_removedOrCorruptedOutput_isAMissNeverAWrongHit() throws Exception {
    f.node("echo", "noop", "-", "");
    RunResult first = f.run("echo", "{\"n\": 1}");
    Path file = f.store.outputs().fileOf(first.record().outputHash().get());
    Files.writeString(file, "{\"n\":2}", StandardCharsets.UTF_8);
    RunResult corrupt = f.run("echo", "{\"n\": 1}");
    assertEquals("success", corrupt.record().status());
    assertEquals(MemoFixture.json("{\"n\": 1}"), corrupt.output().get());
    assertTrue(f.memo.warnings().stream().anyMatch(d -> d.code().equals("ONEX-K001")), f.memo.warnings().toString());
    assertEquals("cached", f.run("echo", "{\"n\": 1}").record().status(), "the rerun repaired the output");
    Files.delete(file);
    assertEquals("success", f.run("echo", "{\"n\": 1}").record().status());
  }

  @Test
  void lookup_oversizedOrMalformedOutputFile_isAMiss() throws Exception {
    f.node("echo", "noop", "-", "");
    RunResult first = f.run("echo", "{\"n\": 1}");
    Path file = f.store.outputs().fileOf(first.record().outputHash().get());
    byte[] big = new byte[(int) OutputStore.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    Files.write(file, big);
    assertEquals("success", f.run("echo", "{\"n\": 1}").record().status());
    assertTrue(f.memo.warnings().stream().anyMatch(d -> d.code().equals("ONEX-K003")), f.memo.warnings().toString());
    Files.writeString(file, "not json", StandardCharsets.UTF_8);
    assertEquals("success", f.run("echo", "{\"n\": 1}").record().status());
  }

  @Test
  void run_pythonRandom_isMarkedNondeterministicAndNotServed() {
    f.node("rand", "python", "main.py", "");
    f.file("rand", "main.py", "import json, random, sys\njson.load(sys.stdin)\nprint(json.dumps({\"r\": random.random()}))\n");
    LoadedNode n = f.reload("rand");
    RunResult a = f.run("rand", "{}");
    assertEquals("success", a.record().status(), a.stderr());
    assertEquals("cached", f.run("rand", "{}").record().status(), "cached by default: nondeterminism is hidden");
    RunResult b = f.run("rand", "{}", false);
    assertEquals("success", b.record().status());
    assertTrue(b.record().error().isEmpty());
    assertNotEquals(a.record().outputHash(), b.record().outputHash());
    assertTrue(f.memo.warnings().stream().anyMatch(d -> d.code().equals("ONEX-K005")), f.memo.warnings().toString());
    assertEquals(java.util.Set.of(a.record().cacheKey()), f.store.nondeterministicKeys("tests.rand", "1.0.0"));
    assertEquals("success", f.run("rand", "{}").record().status(), "a nondeterministic key is never served");
    assertEquals("nondeterministic", f.why("rand", "{}", "{}").component());
    assertEquals("tests.rand", n.metadata().namespace());
  }

  @Test
  void run_whileTheNodeRuns_theStoreLockIsFree() {
    // the node itself tries the store's lock (fcntl, as the JDK's FileChannel lock is on Linux)
    f.node("probe", "python", "main.py", "");
    f.file("probe", "main.py", String.join("\n",
        "import fcntl, json, sys",
        "lock = json.load(sys.stdin)['lock']",
        "with open(lock, 'a') as fh:",
        "    try:",
        "        fcntl.lockf(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)",
        "        free = True",
        "        fcntl.lockf(fh, fcntl.LOCK_UN)",
        "    except OSError:",
        "        free = False",
        "print(json.dumps({'free': free}))", ""));
    f.reload("probe");
    String input = "{\"lock\": " + MemoFixture.M.valueToTree(root.resolve(".onex-store/store.lock").toString()) + "}";
    RunResult r = f.run("probe", input);
    assertEquals("success", r.record().status(), r.stderr());
    assertEquals("{\"free\":true}", r.output().orElseThrow().toString(), "another process could take the lock");
    assertEquals("cached", f.run("probe", input).record().status(), "the store came back for the lookup");
    assertEquals(2, f.store.size());
  }

  @Test
  void run_deterministicRerun_isNotMarked() {
    f.node("echo", "noop", "-", "");
    f.run("echo", "{}");
    f.run("echo", "{}", false);
    assertTrue(f.store.nondeterministicKeys("tests.echo", "1.0.0").isEmpty());
    assertTrue(f.memo.warnings().isEmpty());
  }

  @Test
  void cacheAdmin_clearMakesLaterLookupsMissAndKeepsRecords() {
    f.node("echo", "noop", "-", "");
    f.node("other", "noop", "-", "");
    f.run("echo", "{\"n\": 1}");
    f.run("other", "{\"n\": 2}");
    CacheAdmin admin = new CacheAdmin(f.store, f.clock, ref -> Optional.empty());
    assertEquals(2, admin.list().size());
    assertEquals(1, admin.clear(Optional.of("echo")));
    assertEquals("success", f.run("echo", "{\"n\": 1}").record().status());
    assertEquals("cached", f.run("other", "{\"n\": 2}").record().status());
    assertEquals(4, f.store.size());
  }

  @Test
  void cacheAdmin_gcRemovesExpiredAndUnreferencedOutputsAndTemps() throws Exception {
    f.node("echo", "noop", "-", "cache: {ttl_seconds: 10}\n");
    f.node("keep", "noop", "-", "");
    RunResult e = f.run("echo", "{\"n\": 1}");
    RunResult k = f.run("keep", "{\"n\": 2}");
    String stray = f.store.outputs().put(MemoFixture.json("{\"stray\": true}"));
    Path tmp = f.store.outputs().root().resolve("ab");
    Files.createDirectories(tmp);
    Files.writeString(tmp.resolve(".abcd-x.tmp"), "{", StandardCharsets.UTF_8);
    f.clock.advance(Duration.ofSeconds(11));
    CacheAdmin admin = new CacheAdmin(f.store, f.clock,
        ref -> Optional.ofNullable(f.nodes.get("tool://" + ref.id() + "@" + ref.version())).map(n -> n.metadata().cache()));
    CacheAdmin.GcReport r = admin.gc();
    assertEquals(2, r.removedOutputs(), "expired echo output and the stray one");
    assertEquals(1, r.removedTemps());
    assertEquals(1, r.keptOutputs());
    assertTrue(f.store.outputs().get(k.record().outputHash().get()).hit());
    assertFalse(f.store.outputs().get(e.record().outputHash().get()).hit());
    assertFalse(f.store.outputs().get(stray).hit());
  }
}
