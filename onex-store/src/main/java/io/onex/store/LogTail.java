package io.onex.store;

import io.onex.core.diag.Diagnostic;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Tail recovery of the JSON-lines log at open (docs/formats/record-log.md, "Recovery").
 *
 * <p>The tail is the longest run of bad lines at the very end of the file: an incomplete last
 * line (no newline) and any complete lines before it whose form or checksum is wrong, up to
 * the last intact line. Those bytes are copied to {@code records.jsonl.corrupt-<n>} (forced to
 * disk) before the log is truncated to the end of the last intact line. Only format and
 * checksum are checked here; a bad line followed by an intact one is not tail and is reported
 * when read.
 */
final class LogTail {
  record Recovery(long end, List<Diagnostic> warnings) {}

  private LogTail() {}

  static Recovery recover(FileChannel ch, Path file) throws IOException {
    long size = ch.size();
    long cut = size;
    int badLines = 0;
    boolean torn = false;
    if (size > 0 && lastByte(ch, size) != '\n') {
      cut = LogFile.lastNewlineBefore(ch, size) + 1;
      torn = true;
    }
    while (cut > 0) {
      long start = LogFile.lastNewlineBefore(ch, cut - 1) + 1;
      if (intact(ch, start, cut - 1 - start)) {
        break;
      }
      cut = start;
      badLines++;
    }
    if (cut == size) {
      return new Recovery(size, List.of());
    }
    long line = LogFile.lineNumberAt(ch, cut);
    Path copy = copyAside(ch, file, cut, size);
    ch.truncate(cut);
    ch.force(true);
    String what = (torn ? "an incomplete last line" : "")
        + (torn && badLines > 0 ? " and " : "")
        + (badLines > 0 ? badLines + " line(s) with a bad checksum or form" : "");
    Diagnostic w = Diagnostic.warning(StoreError.LOG_TAIL_TRUNCATED, file.toString(), (int) Math.min(Integer.MAX_VALUE, line), 0, "",
        "cut " + (size - cut) + " byte(s) from line " + line + " (byte offset " + cut + ") to the end: "
            + what + "; the cut bytes are kept in " + copy.getFileName(),
        StoreError.LOG_TAIL_TRUNCATED.hint());
    return new Recovery(cut, List.of(w));
  }

  private static byte lastByte(FileChannel ch, long size) throws IOException {
    byte[] one = new byte[1];
    LogFile.readAt(ch, size - 1, one, 0, 1);
    return one[0];
  }

  private static boolean intact(FileChannel ch, long start, long len) throws IOException {
    if (len > LogLines.MAX_LINE) {
      return false;
    }
    byte[] line = new byte[(int) len];
    int n = LogFile.readAt(ch, start, line, 0, line.length);
    return n == line.length && LogLines.problem(line, 0, line.length) == null;
  }

  private static Path copyAside(FileChannel ch, Path file, long from, long to) throws IOException {
    Path copy = freeName(file);
    try (FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      byte[] buf = new byte[LogFile.CHUNK];
      for (long p = from; p < to; ) {
        int n = LogFile.readAt(ch, p, buf, 0, (int) Math.min(buf.length, to - p));
        ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
        while (b.hasRemaining()) {
          out.write(b);
        }
        p += n;
      }
      out.force(true);
    }
    syncDirectory(copy.toAbsolutePath().getParent());
    return copy;
  }

  private static Path freeName(Path file) {
    for (int n = 1; ; n++) {
      Path p = file.resolveSibling(file.getFileName() + ".corrupt-" + n);
      if (!Files.exists(p)) {
        return p;
      }
    }
  }

  /** Makes a new directory entry durable (best effort: not every platform allows it). */
  static void syncDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | RuntimeException ignored) {
      // Windows cannot open a directory; the entry is then as durable as the platform makes it
    }
  }
}
