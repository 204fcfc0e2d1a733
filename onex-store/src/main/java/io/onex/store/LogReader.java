package io.onex.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.ErrorCode;
import io.onex.core.diag.OnexException;
import io.onex.core.record.ExecutionRecord;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads the records of a JSON-lines log from a position up to a fixed limit (the end when the
 * iteration began). Every line is checked (length, checksum, JSON, schema); the first bad line
 * stops the iteration with an {@code ONEX-D} error naming its line number and byte offset.
 * Never skips a line.
 */
final class LogReader implements Iterator<RecordLog.Entry> {
  private final FileChannel ch;
  private final String file;
  private final long limit;
  private long pos;
  private byte[] buf = new byte[LogFile.CHUNK];
  private long winPos;
  private int winLen;

  LogReader(FileChannel ch, String file, long from, long limit) {
    this.ch = ch;
    this.file = file;
    this.limit = limit;
    this.pos = from;
    this.winPos = from;
  }

  @Override
  public boolean hasNext() {
    return pos < limit;
  }

  @Override
  public RecordLog.Entry next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    try {
      return readLine();
    } catch (IOException e) {
      throw new OnexException(Diagnostic.error(StoreError.LOG_IO, file, 0, 0, "",
          "cannot read the record log at byte offset " + pos + ": " + e.getMessage()));
    }
  }

  private RecordLog.Entry readLine() throws IOException {
    int start = (int) (pos - winPos);
    int scanFrom = start;
    while (true) {
      int nl = indexOfNewline(scanFrom);
      if (nl >= 0) {
        return decode(start, nl - start);
      }
      long lineLen = winPos + winLen - pos;
      if (lineLen > LogLines.MAX_LINE) {
        throw fail(StoreError.LOG_LINE_TOO_LONG, "line is over the limit of " + LogLines.MAX_LINE + " bytes");
      }
      if (winPos + winLen >= limit) {
        throw fail(StoreError.LOG_CORRUPT_LINE, "the last line has no newline (torn write)");
      }
      scanFrom = refill(start) ;
      start = 0;
    }
  }

  private int indexOfNewline(int from) {
    for (int i = from; i < winLen; i++) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Moves the current line to the front, grows the buffer if full, reads more; returns where to scan. */
  private int refill(int start) throws IOException {
    int kept = winLen - start;
    System.arraycopy(buf, start, buf, 0, kept);
    winPos = pos;
    winLen = kept;
    if (winLen == buf.length) {
      buf = Arrays.copyOf(buf, Math.min(buf.length * 2, LogLines.MAX_LINE + 2));
    }
    int want = (int) Math.min(buf.length - winLen, limit - (winPos + winLen));
    int n = LogFile.readAt(ch, winPos + winLen, buf, winLen, want);
    if (n <= 0) {
      throw fail(StoreError.LOG_CORRUPT_LINE, "the log ended early at byte offset " + (winPos + winLen));
    }
    winLen += n;
    return kept;
  }

  private RecordLog.Entry decode(int off, int len) throws IOException {
    String problem = LogLines.problem(buf, off, len);
    if (problem != null) {
      throw fail(len > LogLines.MAX_LINE ? StoreError.LOG_LINE_TOO_LONG : StoreError.LOG_CORRUPT_LINE, problem);
    }
    String json = LogLines.json(buf, off, len);
    ExecutionRecord record;
    try {
      JsonNode tree = CanonicalJson.parse(json);
      record = ExecutionRecordJson.fromJson(tree, file);
    } catch (OnexException e) {
      List<Diagnostic> all = new ArrayList<>();
      all.add(failure(StoreError.LOG_INVALID_RECORD,
          "not a valid execution record: " + e.diagnostics().get(0).message()));
      all.addAll(e.diagnostics());
      throw new OnexException(all);
    }
    long start = pos;
    pos = pos + len + 1;
    return new RecordLog.Entry(start, pos, record);
  }

  private OnexException fail(ErrorCode code, String what) throws IOException {
    return new OnexException(failure(code, what));
  }

  private Diagnostic failure(ErrorCode code, String what) throws IOException {
    long line = LogFile.lineNumberAt(ch, pos);
    return Diagnostic.error(code, file, (int) Math.min(Integer.MAX_VALUE, line), 0, "",
        "line " + line + " (byte offset " + pos + "): " + what);
  }
}
