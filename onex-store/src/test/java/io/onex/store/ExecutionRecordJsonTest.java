package io.onex.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.diag.OnexException;
import io.onex.core.record.ExecutionRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExecutionRecordJsonTest {

  /** The execution-record vectors of onex-core (one directory per case). */
  static Stream<Path> vectors() throws IOException {
    Path root = Path.of(System.getProperty("onex.root.dir", "..")).resolve(
        "onex-core/src/test/resources/vectors/execution-record");
    try (Stream<Path> s = Files.list(root)) {
      List<Path> dirs = s.filter(Files::isDirectory).sorted().toList();
      assertTrue(dirs.size() >= 10, "vectors found under " + root);
      return dirs.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void fromJson_vector_roundTripsOrFailsWithExpectedCode(Path dir) throws IOException {
    JsonNode json = CanonicalJson.parse(Files.readString(dir.resolve("record.json")));
    if (dir.getFileName().toString().endsWith("_fail")) {
      String expected = Files.readAllLines(dir.resolve("expected.txt")).get(0).trim();
      OnexException e = assertThrows(OnexException.class, () -> ExecutionRecordJson.fromJson(json, "record.json"));
      assertEquals(expected, e.diagnostics().get(0).code());
    } else {
      ExecutionRecord r = ExecutionRecordJson.fromJson(json, "record.json");
      assertEquals(CanonicalJson.canonicalString(json), ExecutionRecordJson.canonical(r));
    }
  }

  @Test
  void fromJson_builtRecord_equalsOriginal() {
    ExecutionRecord r = TestRecords.record("r1", "demo.tools.echo", "1.2.3", "error", 5, "k", 42, new BigDecimal("1e-7"));
    ExecutionRecord back = ExecutionRecordJson.fromJson(CanonicalJson.parse(ExecutionRecordJson.canonical(r)));
    assertEquals(ExecutionRecordJson.canonical(r), ExecutionRecordJson.canonical(back));
    assertEquals(r.error(), back.error());
    assertEquals(r.exitCode(), back.exitCode());
    assertEquals(0, new BigDecimal("1e-7").compareTo(back.costUsd().orElseThrow()));
  }

  @Test
  void fromJson_exitCodeBeyondInt_failsWithD003() {
    ObjectNode json = (ObjectNode) TestRecords.success("r1", 1).toJson();
    json.put("exit_code", 4_000_000_000L);
    OnexException e = assertThrows(OnexException.class, () -> ExecutionRecordJson.fromJson(json, "x"));
    assertEquals("ONEX-D003", e.diagnostics().get(0).code());
    assertEquals("exit_code", e.diagnostics().get(0).field());
    assertFalse(e.diagnostics().get(0).message().isEmpty());
  }
}
