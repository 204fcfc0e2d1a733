package io.onex.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.record.ExecutionRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlRecordLogTest {
  @TempDir Path tmp;

  private Path file() {
    return tmp.resolve("records").resolve(JsonlRecordLog.FILE_NAME);
  }

  private List<String> ids(RecordLog log, long from) {
    return log.stream(from).map(e -> e.record().recordId()).toList();
  }

  private void write(int n) {
    try (JsonlRecordLog log = JsonlRecordLog.open(file())) {
      log.append(TestRecords.batch("r", n));
    }
  }

  @Test
  void append_thenRead_givesRecordsPositionsAndExactLineFormat() throws IOException {
    try (JsonlRecordLog log = JsonlRecordLog.open(file())) {
      long end1 = log.append(TestRecords.batch("a", 3));
      long end2 = log.append(TestRecords.batch("b", 2));
      assertEquals(Files.size(file()), end2);
      assertEquals(end2, log.end());
      assertEquals(List.of("a-0", "a-1", "a-2", "b-0", "b-1"), ids(log, 0));
      assertEquals(List.of("b-0", "b-1"), ids(log, end1));
      assertEquals(List.of(), ids(log, end2));
      List<RecordLog.Entry> all = log.stream(0).toList();
      for (int i = 1; i < all.size(); i++) {
        assertEquals(all.get(i - 1).next(), all.get(i).position());
      }
    }
    String first = Files.readAllLines(file()).get(0);
    String json = ExecutionRecordJson.canonical(TestRecords.success("a-0", 0));
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    assertEquals(LogLines.hex(LogLines.crc(b, 0, b.length)) + " " + json, first);
    assertTrue(first.matches("^[0-9a-f]{8} \\{.*\\}$"));
  }

  @Test
  void open_tornTail_truncatedWithWarningAndCopyKept() throws IOException {
    write(3);
    long good = Files.size(file());
    byte[] torn = "deadbeef {\"record_id\":\"half".getBytes(StandardCharsets.UTF_8);
    Files.write(file(), torn, StandardOpenOption.APPEND);
    try (JsonlRecordLog log = JsonlRecordLog.open(file())) {
      assertEquals(good, log.end());
      assertEquals(good, Files.size(file()));
      assertEquals(List.of("r-0", "r-1", "r-2"), ids(log, 0));
      Diagnostic w = log.warnings().get(0);
      assertEquals("ONEX-D005", w.code());
      assertEquals(4, w.line());
      assertTrue(w.message().contains(JsonlRecordLog.FILE_NAME + ".corrupt-1"), w.message());
    }
    assertArrayEquals(torn, Files.readAllBytes(file().resolveSibling(JsonlRecordLog.FILE_NAME + ".corrupt-1")));
  }

  @Test
  void open_badChecksumLastLine_truncatedAndSecondCopyNumbered() throws IOException {
    write(3);
    Files.writeString(file().resolveSibling(JsonlRecordLog.FILE_NAME + ".corrupt-1"), "older");
    byte[] all = Files.readAllBytes(file());
    int lastStart = lastLineStart(all);
    all[lastStart + 20] ^= 0x01;
    Files.write(file(), all);
    try (JsonlRecordLog log = JsonlRecordLog.open(file())) {
      assertEquals(lastStart, log.end());
      assertEquals(List.of("r-0", "r-1"), ids(log, 0));
      assertEquals("ONEX-D005", log.warnings().get(0).code());
      assertTrue(log.warnings().get(0).message().contains("corrupt-2"));
    }
    assertArrayEquals(Arrays.copyOfRange(all, lastStart, all.length),
        Files.readAllBytes(file().resolveSibling(JsonlRecordLog.FILE_NAME + ".corrupt-2")));
  }

  @Test
  void open_zeroFilledTail_cutBackToLastIntactLine() throws IOException {
    write(2);
    long good = Files.size(file());
    Files.write(file(), new byte[5000], StandardOpenOption.APPEND);
    Files.write(file(), "\n\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    try (JsonlRecordLog log = JsonlRecordLog.open(file())) {
      assertEquals(good, log.end());
      assertEquals(List.of("r-0", "r-1"), ids(log, 0));
    }
  }

  @Test
  void read_flippedByteInMiddleLine_failsWithD002NamingLine() throws IOException {
    write(5);
    byte[] all = Files.readAllBytes(file());
    int third = nthLineStart(all, 2);
    all[third + 30] ^= 0x20;
    Files.write(file(), all);
    try (JsonlRecordLog log = JsonlRecordLog.open(file())) {
      assertTrue(log.warnings().isEmpty());
      OnexException e = assertThrows(OnexException.class, () -> ids(log, 0));
      Diagnostic d = e.diagnostics().get(0);
      assertEquals("ONEX-D002", d.code());
      assertEquals(3, d.line());
      assertTrue(d.message().contains("line 3") && d.message().contains("checksum"), d.message());
      assertTrue(d.file().endsWith(JsonlRecordLog.FILE_NAME));
    }
  }

  @Test
  void read_intactChecksumButInvalidRecord_failsWithD003() throws IOException {
    write(1);
    String json = "{\"record_id\":\"x\"}";
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    Files.writeString(file(), LogLines.hex(LogLines.crc(b, 0, b.length)) + " " + json + "\n", StandardOpenOption.APPEND);
    write(0);
    try (JsonlRecordLog log = JsonlRecordLog.open(file())) {
      log.append(TestRecords.batch("z", 1));
      OnexException e = assertThrows(OnexException.class, () -> ids(log, 0));
      assertEquals("ONEX-D003", e.diagnostics().get(0).code());
      assertEquals(2, e.diagnostics().get(0).line());
      assertTrue(e.diagnostics().size() > 1, "schema diagnostics follow");
    }
  }

  @Test
  void append_recordOverOneMiB_refusedAndNothingWritten() throws IOException {
    ExecutionRecord ok = TestRecords.success("ok", 1);
    ExecutionRecord big = new ExecutionRecord("big", ok.node(), ok.inputHash(), ok.configHash(), ok.outputHash(),
        ok.traceHash(), ok.cacheKey(), "failure", Optional.of(1),
        Optional.of(new ExecutionRecord.ErrorInfo("X", "y".repeat(LogLines.MAX_LINE))), ok.startedAt(), 1,
        Optional.empty(), "local", new ExecutionRecord.Environment("linux", "amd64", "17", Map.of()),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    try (JsonlRecordLog log = JsonlRecordLog.open(file())) {
      OnexException e = assertThrows(OnexException.class, () -> log.append(List.of(ok, big)));
      assertEquals("ONEX-D004", e.diagnostics().get(0).code());
      assertEquals(0, log.end());
    }
    assertEquals(0, Files.size(file()));
  }

  @Test
  void read_lineOverOneMiB_reportedAsD004() throws IOException {
    write(1);
    byte[] huge = new byte[LogLines.MAX_LINE + 100];
    Arrays.fill(huge, (byte) 'a');
    huge[huge.length - 1] = '\n';
    Files.write(file(), huge, StandardOpenOption.APPEND);
    Files.write(file(), LogLines.encode(ExecutionRecordJson.canonical(TestRecords.success("after", 1))),
        StandardOpenOption.APPEND);
    try (JsonlRecordLog log = JsonlRecordLog.open(file())) {
      assertTrue(log.warnings().isEmpty());
      OnexException e = assertThrows(OnexException.class, () -> ids(log, 0));
      assertEquals("ONEX-D004", e.diagnostics().get(0).code());
      assertEquals(2, e.diagnostics().get(0).line());
    }
  }

  @Test
  void iterator_positionOutsideLog_failsWithD014() {
    try (JsonlRecordLog log = JsonlRecordLog.open(file())) {
      OnexException e = assertThrows(OnexException.class, () -> log.iterator(5));
      assertEquals("ONEX-D014", e.diagnostics().get(0).code());
    }
  }

  private static int lastLineStart(byte[] all) {
    for (int i = all.length - 2; i >= 0; i--) {
      if (all[i] == '\n') {
        return i + 1;
      }
    }
    return 0;
  }

  private static int nthLineStart(byte[] all, int n) {
    int line = 0;
    for (int i = 0; i < all.length; i++) {
      if (line == n) {
        return i;
      }
      if (all[i] == '\n') {
        line++;
      }
    }
    throw new IllegalArgumentException("no line " + n);
  }
}
