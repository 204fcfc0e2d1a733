package io.onex.store;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.record.ExecutionRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The record log as an append-only JSON-lines file, {@code .onex-store/records/records.jsonl}
 * (docs/formats/record-log.md): one line per record, {@code <crc32c hex8> <canonical json>\n}.
 *
 * <p>Invariants: the file always ends with a newline after {@link #open} (a torn or corrupt
 * tail is cut off, copied to {@code records.jsonl.corrupt-<n>} and reported as a warning);
 * {@link #append} writes a whole batch and forces it to disk before returning; a corrupt line
 * with an intact line after it is an error when read, never skipped. The class does not lock:
 * one writer at a time (the {@link Store} holds {@code store.lock} around it). Not thread-safe
 * for concurrent appends; reads may run beside an append.
 */
public final class JsonlRecordLog implements RecordLog {
  /** The log's file name inside {@code .onex-store/records/}. */
  public static final String FILE_NAME = "records.jsonl";

  private final Path file;
  private final FileChannel ch;
  private final List<Diagnostic> warnings;
  private volatile long end;
  private volatile boolean closed;

  private JsonlRecordLog(Path file, FileChannel ch, long end, List<Diagnostic> warnings) {
    this.file = file;
    this.ch = ch;
    this.end = end;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Opens (creating it and its directory if needed) the log file and recovers its tail.
   *
   * @throws OnexException {@code ONEX-D006} when the file cannot be opened or repaired
   */
  public static JsonlRecordLog open(Path file) {
    Objects.requireNonNull(file, "file");
    FileChannel ch = null;
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      boolean existed = Files.exists(file);
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      if (!existed) {
        ch.force(true);
        LogTail.syncDirectory(dir);
      }
      LogTail.Recovery r = LogTail.recover(ch, file);
      return new JsonlRecordLog(file, ch, r.end(), r.warnings());
    } catch (IOException e) {
      closeQuietly(ch);
      throw new OnexException(Diagnostic.error(StoreError.LOG_IO, file.toString(), 0, 0, "",
          "cannot open the record log: " + e));
    } catch (RuntimeException e) {
      closeQuietly(ch);
      throw e;
    }
  }

  /** Warnings from {@link #open}: a cut tail ({@code ONEX-D005}). */
  public List<Diagnostic> warnings() {
    return warnings;
  }

  /** The log file. */
  public Path file() {
    return file;
  }

  @Override
  public long append(List<ExecutionRecord> records) {
    Objects.requireNonNull(records, "records");
    ensureOpen();
    byte[] batch = encode(records);
    if (batch.length == 0) {
      return end;
    }
    long start = end;
    try {
      ByteBuffer b = ByteBuffer.wrap(batch);
      long p = start;
      while (b.hasRemaining()) {
        p += ch.write(b, p);
      }
      ch.force(true);
    } catch (IOException e) {
      undo(start);
      throw new OnexException(Diagnostic.error(StoreError.LOG_IO, file.toString(), 0, 0, "",
          "cannot append " + records.size() + " record(s) to the record log: " + e));
    }
    end = start + batch.length;
    return end;
  }

  private byte[] encode(List<ExecutionRecord> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ExecutionRecord r : records) {
      Objects.requireNonNull(r, "record");
      byte[] line = LogLines.encode(ExecutionRecordJson.canonical(r));
      if (line == null) {
        throw new OnexException(Diagnostic.error(StoreError.LOG_LINE_TOO_LONG, file.toString(), 0, 0,
            "record_id", "record " + r.recordId() + " is longer than " + LogLines.MAX_LINE
                + " bytes as a log line; nothing of the batch was written"));
      }
      out.writeBytes(line);
    }
    return out.toByteArray();
  }

  /** Best effort after a failed write: cut the partial batch so the file ends at a line end. */
  private void undo(long start) {
    try {
      ch.truncate(start);
      ch.force(true);
    } catch (IOException ignored) {
      // the next open cuts a torn tail anyway
    }
  }

  @Override
  public Iterator<Entry> iterator(long position) {
    ensureOpen();
    long limit = end;
    if (position < 0 || position > limit) {
      throw new OnexException(Diagnostic.error(StoreError.INVALID_ARGUMENT, file.toString(), 0, 0, "",
          "position " + position + " is outside the log (0.." + limit + ")"));
    }
    return new LogReader(ch, file.toString(), position, limit);
  }

  /** One line as stored: its position, the next line's position, and its JSON text (checksum verified). */
  record RawLine(long position, long next, String json) {}

  /**
   * The lines from {@code position} to the end, without parsing them: for the open-time proof,
   * which compares texts. At most {@code maxLines}; a line that fails its checksum or form ends
   * the list (the caller sees fewer lines than it expects).
   */
  List<RawLine> rawLines(long position, int maxLines) {
    ensureOpen();
    long limit = end;
    List<RawLine> out = new java.util.ArrayList<>();
    byte[] buf = new byte[LogFile.CHUNK];
    long p = position;
    try {
      while (p < limit && out.size() < maxLines) {
        int n = LogFile.readAt(ch, p, buf, 0, (int) Math.min(buf.length, limit - p));
        int off = 0;
        int nl;
        while (out.size() < maxLines && (nl = newline(buf, off, n)) >= 0) {
          if (LogLines.problem(buf, off, nl - off) != null) {
            return out;
          }
          out.add(new RawLine(p + off, p + nl + 1, LogLines.json(buf, off, nl - off)));
          off = nl + 1;
        }
        if (off == 0) {
          if (n < buf.length || buf.length > LogLines.MAX_LINE) {
            return out;
          }
          buf = new byte[Math.min(buf.length * 2, LogLines.MAX_LINE + 1)];
        }
        p += off;
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  private static int newline(byte[] buf, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  @Override
  public long end() {
    return end;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      closeQuietly(ch);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new OnexException(Diagnostic.error(StoreError.STORE_CLOSED, file.toString(), 0, 0, "",
          "the record log is closed"));
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // nothing left to do
      }
    }
  }
}
