package io.onex.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Positional reads over the log's channel (no shared file pointer, safe for one writer). */
final class LogFile {
  static final int CHUNK = 64 * 1024;

  private LogFile() {}

  /** Reads up to {@code len} bytes at {@code pos} into {@code dst[off..]}; returns the count. */
  static int readAt(FileChannel ch, long pos, byte[] dst, int off, int len) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(dst, off, len);
    long p = pos;
    while (b.hasRemaining()) {
      int n = ch.read(b, p);
      if (n < 0) {
        break;
      }
      p += n;
    }
    return (int) (p - pos);
  }

  /** The offset of the last {@code '\n'} in {@code [0, before)}, or -1. */
  static long lastNewlineBefore(FileChannel ch, long before) throws IOException {
    byte[] buf = new byte[CHUNK];
    long hi = before;
    while (hi > 0) {
      long lo = Math.max(0, hi - CHUNK);
      int n = readAt(ch, lo, buf, 0, (int) (hi - lo));
      for (int i = n - 1; i >= 0; i--) {
        if (buf[i] == '\n') {
          return lo + i;
        }
      }
      hi = lo;
    }
    return -1;
  }

  /** The 1-based number of the line that starts at {@code pos}: newlines before it, plus one. */
  static long lineNumberAt(FileChannel ch, long pos) throws IOException {
    byte[] buf = new byte[CHUNK];
    long lines = 1;
    long p = 0;
    while (p < pos) {
      int n = readAt(ch, p, buf, 0, (int) Math.min(CHUNK, pos - p));
      if (n <= 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        if (buf[i] == '\n') {
          lines++;
        }
      }
      p += n;
    }
    return lines;
  }
}
