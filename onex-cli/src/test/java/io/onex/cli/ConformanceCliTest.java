package io.onex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onex.core.testing.SharedData;
import io.onex.core.testing.Vectors;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference implementation's real files, through the real CLI: every reference
 * node.onex.yaml is rejected with per-field diagnostics (never a stack trace), and stale
 * stamped files are reported as mismatches, not crashes.
 */
class ConformanceCliTest {
  @TempDir Path repo;

  @Test
  void validate_referenceNodes_rejectedPerFieldWithoutStackTrace() throws Exception {
    Vectors.copyTree(SharedData.conformance("omnibase/nodes"), repo.resolve("nodes"));
    CliRun r = CliRun.in(repo, "validate", "--format", "json");
    assertEquals(ExitCodes.FINDINGS, r.exit(), r::toString);
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    JsonNode nodes = json.get("nodes");
    assertTrue(nodes.size() >= 6, () -> "all reference nodes found: " + nodes.size());
    for (JsonNode n : nodes) {
      assertFalse(n.get("ok").asBoolean(), n::toString);
      boolean namesAField = false;
      for (JsonNode d : n.get("diagnostics")) {
        assertTrue(d.get("code").asText().matches("ONEX-[A-Z]\\d{3}"), d::toString);
        assertFalse(d.get("hint").asText().isEmpty(), d::toString);
        namesAField |= !d.get("field").asText().isEmpty() && d.get("line").asInt() > 0;
      }
      assertTrue(namesAField, () -> "a per-field error with a line for " + n.get("file"));
    }
  }

  @Test
  void stampCheck_referenceStampedFiles_reportsMismatchesNotCrashes() {
    Vectors.copyTree(SharedData.conformance("omnibase/stamped"), repo.resolve("stamped"));
    CliRun r = CliRun.in(repo, "stamp", "--check", "stamped/main/README.md", "stamped/main/docs/README.md",
        "stamped/development/README.md", "stamped/main/tests/data/shared_test_data_basic.yaml");
    assertEquals(ExitCodes.FINDINGS, r.exit(), r::toString);
    assertTrue(r.out().contains("stamped/main/docs/README.md: ok"), r::toString);
    assertTrue(r.out().contains("stamped/main/README.md: mismatch"), r::toString);
    assertTrue(r.out().contains("ONEX-M002"), r::toString);
    assertFalse(r.err().contains("Exception"), r::toString);
  }
}
