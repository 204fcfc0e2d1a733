package io.onex.exec.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.exec.RunResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onex why}: the first differing component, with both values, for every component. */
class CacheExplainerTest {
  @TempDir Path root;
  MemoFixture f;

  @BeforeEach
  void setUp() {
    f = new MemoFixture(root);
    f.node("echo", "noop", "-", "environment: [\"FROM_PARENT\"]\ncache: {ttl_seconds: 100}\n");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void why_noEarlierExecution() {
    CacheExplainer.Explanation e = f.why("echo", "{}", "{}");
    assertEquals("no_earlier_execution", e.component());
    assertFalse(e.hit());
  }

  @Test
  void why_hit() {
    RunResult r = f.run("echo", "{}");
    CacheExplainer.Explanation e = f.why("echo", "{}", "{}");
    assertEquals("hit", e.component());
    assertTrue(e.hit());
    assertEquals(Optional.of(r.record().recordId()), e.earlierRecordId());
    assertEquals(r.record().cacheKey(), e.cacheKey());
  }

  @Test
  void why_nodeChanged_namesBothHashes() {
    RunResult r = f.run("echo", "{}");
    f.edit("echo", "node.onex.yaml", "description: \"a test node\"", "description: \"edited\"");
    CacheExplainer.Explanation e = f.why("echo", "{}", "{}");
    assertEquals("node", e.component());
    assertEquals(Optional.of("1.0.0 " + r.record().node().hash()), e.earlier());
    assertEquals(Optional.of("1.0.0 " + f.nodes.get("tool://tests.echo@1.0.0").hash()), e.current());
  }

  @Test
  void why_inputDiffers_evenWhenConfigDiffersToo() {
    RunResult r = f.run("echo", "{\"n\": 1}");
    CacheExplainer.Explanation e = f.why("echo", "{\"n\": 2}", "{\"c\": 1}");
    assertEquals("input", e.component());
    assertEquals(Optional.of(r.record().inputHash()), e.earlier());
    assertEquals(Optional.of(CacheExplainer.hashOf(MemoFixture.json("{\"n\": 2}"))), e.current());
  }

  @Test
  void why_configDiffers() {
    RunResult r = f.run("echo", "{\"n\": 1}");
    CacheExplainer.Explanation e = f.why("echo", "{\"n\": 1}", "{\"c\": 1}");
    assertEquals("config", e.component());
    assertEquals(Optional.of(r.record().configHash()), e.earlier());
  }

  @Test
  void why_nearestEarlierExecution_isTheOneSharingMostComponents() {
    f.run("echo", "{\"n\": 1}");
    f.run("echo", "{\"n\": 2}");
    assertEquals("config", f.why("echo", "{\"n\": 1}", "{\"c\": 1}").component(), "compared with the {n:1} run, not the newest");
  }

  @Test
  void why_environmentDiffers() {
    f.run("echo", "{}");
    f.env = Map.of("FROM_PARENT", "changed");
    CacheExplainer.Explanation e = f.why("echo", "{}", "{}");
    assertEquals("environment", e.component());
    assertTrue(e.current().get().contains("FROM_PARENT=changed"), e.current().get());
  }

  @Test
  void why_ttlExpired() {
    f.run("echo", "{}");
    f.clock.advance(Duration.ofSeconds(101));
    CacheExplainer.Explanation e = f.why("echo", "{}", "{}");
    assertEquals("ttl_expired", e.component());
    assertTrue(e.message().contains("101 s"), e.message());
  }

  @Test
  void why_outputMissingOrCorrupt() throws Exception {
    RunResult r = f.run("echo", "{}");
    Path file = f.store.outputs().fileOf(r.record().outputHash().get());
    Files.writeString(file, "{\"x\":1}", StandardCharsets.UTF_8);
    assertEquals("output_corrupt", f.why("echo", "{}", "{}").component());
    Files.delete(file);
    assertEquals("output_missing", f.why("echo", "{}", "{}").component());
  }

  @Test
  void why_cacheDisabled() {
    f.node("off", "noop", "-", "cache: {enabled: false}\n");
    f.run("off", "{}");
    assertEquals("cache_disabled", f.why("off", "{}", "{}").component());
  }

  @Test
  void why_onlyFailuresWithThisKey() {
    f.node("picky", "noop", "-", "input_contract: {n: int}\n");
    f.run("picky", "{}");
    assertEquals("no_success", f.why("picky", "{}", "{}").component());
  }
}
