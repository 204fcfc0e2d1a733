package io.onex.exec.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.record.ExecutionRecord;
import io.onex.core.record.TraceHashes;
import io.onex.exec.RunResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Composite memoization: Merkle keys, deep vs shallow tiers, scopes. Child executions are counted by records. */
class CompositeCacheTest {
  @TempDir Path root;
  MemoFixture f;

  @BeforeEach
  void setUp() {
    f = new MemoFixture(root);
    f.node("a", "noop", "-", "");
    f.node("b", "noop", "-", "");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private void composite(String tier) {
    f.node("comp", "composite", "-", "cache: {memoization_tier: " + tier + "}\n"
        + "subgraph:\n  - id: first\n    node: \"tool://tests.a@1.0.0\"\n  - id: second\n    node: \"tool://tests.b@1.0.0\"\n");
  }

  private List<String> statuses(String name) {
    return f.records().stream().filter(r -> r.node().name().equals(name)).map(ExecutionRecord::status).toList();
  }

  @Test
  void fullyCachedComposite_costsOneRecordAndNoChildren() {
    composite("deep");
    RunResult first = f.run("comp", "{\"x\": 1}");
    assertEquals("success", first.record().status());
    int before = f.records().size();
    RunResult second = f.run("comp", "{\"x\": 1}");
    assertEquals("cached", second.record().status());
    assertEquals(first.output(), second.output());
    assertEquals(before + 1, f.records().size(), "one cached record, no child record");
  }

  @Test
  void compositeKey_isAMerkleKeyNotTheLeafKey() {
    composite("shallow");
    RunResult r = f.run("comp", "{\"x\": 1}");
    ExecutionRecord rec = r.record();
    String leaf = TraceHashes.cacheKey(rec.node(), rec.inputHash(), rec.configHash(), Map.of());
    assertNotEquals(leaf, rec.cacheKey());
    String again = CacheKeys.key(f.nodes.get("tool://tests.comp@1.0.0"), rec.inputHash(), rec.configHash(),
        m -> Map.of(), u -> Optional.ofNullable(f.nodes.get(u)));
    assertEquals(rec.cacheKey(), again);
  }

  @Test
  void childChange_invalidatesTheComposite_deepReusesUnchangedChildren() {
    composite("deep");
    f.run("comp", "{\"x\": 1}");
    f.edit("b", "node.onex.yaml", "description: \"a test node\"", "description: \"b changed\"");
    RunResult r = f.run("comp", "{\"x\": 1}");
    assertEquals("success", r.record().status(), "the composite key covers its children's node hashes");
    assertEquals(List.of("success", "cached"), statuses("a"), "deep: the unchanged child is served from the cache");
    assertEquals(List.of("success", "success"), statuses("b"));
  }

  @Test
  void childChange_shallowRunsEveryChildAgain() {
    composite("shallow");
    f.run("comp", "{\"x\": 1}");
    f.edit("b", "node.onex.yaml", "description: \"a test node\"", "description: \"b changed\"");
    assertEquals("success", f.run("comp", "{\"x\": 1}").record().status());
    assertEquals(List.of("success", "success"), statuses("a"), "shallow: children are not looked up");
    assertEquals(List.of("success", "success"), statuses("b"));
    assertEquals("cached", f.run("comp", "{\"x\": 1}").record().status(), "the composite itself is cached");
  }

  @Test
  void wiringChange_changesTheCompositeKey() {
    composite("deep");
    String k1 = f.run("comp", "{\"x\": 1}").record().cacheKey();
    f.edit("comp", "node.onex.yaml", "    node: \"tool://tests.b@1.0.0\"\n",
        "    node: \"tool://tests.b@1.0.0\"\n    inputs: {x: \"$input.x\"}\n");
    RunResult r = f.run("comp", "{\"x\": 1}");
    assertEquals("success", r.record().status());
    assertNotEquals(k1, r.record().cacheKey());
  }

  @Test
  void scopeGlobalChild_isLookedUpEvenInAShallowComposite() {
    f.node("b", "noop", "-", "cache: {scope: global}\n");
    composite("shallow");
    f.run("b", "{\"x\": 1}");
    f.run("comp", "{\"x\": 1}");
    assertEquals(List.of("success", "cached"), statuses("b"));
    assertEquals(List.of("success"), statuses("a"));
  }

  @Test
  void scopeCompositeChild_isPrivateToItsComposite() {
    f.node("a", "noop", "-", "cache: {scope: composite}\n");
    composite("deep");
    RunResult top = f.run("a", "{\"x\": 1}");
    f.run("comp", "{\"x\": 1}");
    List<ExecutionRecord> as = f.records().stream().filter(r -> r.node().name().equals("a")).toList();
    assertEquals(List.of("success", "success"), as.stream().map(ExecutionRecord::status).toList(),
        "the top-level entry is not shared with the composite");
    assertNotEquals(top.record().cacheKey(), as.get(1).cacheKey());
    f.edit("b", "node.onex.yaml", "description: \"a test node\"", "description: \"b changed\"");
    f.run("comp", "{\"x\": 1}");
    assertEquals("success", statuses("a").get(2), "a new composite key: a new private scope");
    assertTrue(f.records().size() > 0);
  }
}
