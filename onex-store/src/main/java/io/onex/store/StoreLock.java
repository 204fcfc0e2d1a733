package io.onex.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The single-writer lock of a store: an exclusive {@link FileChannel#tryLock()} on
 * {@code .onex-store/store.lock}, held until {@link #close()}. The operating system releases
 * it when the process dies, so a killed writer never leaves a stale lock. The holder writes
 * {@code {"host":..., "pid":..., "since":...}} into the file so that a waiting opener can name
 * it. A second opener in the same JVM is refused as well (the JDK reports an overlapping lock).
 *
 * <p>Waiting polls with a growing pause (5 ms up to 100 ms); the deadline is measured with
 * {@link System#nanoTime()}, which is monotonic and unaffected by the injected clock.
 */
final class StoreLock implements AutoCloseable {
  static final String FILE_NAME = "store.lock";

  private final FileChannel ch;
  private final FileLock lock;

  private StoreLock(FileChannel ch, FileLock lock) {
    this.ch = ch;
    this.lock = lock;
  }

  static StoreLock acquire(Path storeDir, Clock clock, Duration wait) {
    Path file = storeDir.resolve(FILE_NAME);
    FileChannel ch;
    try {
      Files.createDirectories(storeDir);
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new OnexException(Diagnostic.error(StoreError.STORE_IO, file.toString(), 0, 0, "",
          "cannot create the store lock file: " + e));
    }
    try {
      FileLock lock = waitFor(ch, wait);
      if (lock == null) {
        throw locked(file, wait);
      }
      writeOwner(ch, clock);
      return new StoreLock(ch, lock);
    } catch (IOException e) {
      close(ch);
      throw new OnexException(Diagnostic.error(StoreError.STORE_IO, file.toString(), 0, 0, "",
          "cannot lock the store: " + e));
    } catch (RuntimeException e) {
      close(ch);
      throw e;
    }
  }

  private static FileLock waitFor(FileChannel ch, Duration wait) throws IOException {
    long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
    long pause = 5;
    while (true) {
      FileLock l = tryLock(ch);
      if (l != null) {
        return l;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      try {
        Thread.sleep(Math.min(pause, TimeUnit.NANOSECONDS.toMillis(left) + 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
      pause = Math.min(100, pause * 2);
    }
  }

  private static FileLock tryLock(FileChannel ch) throws IOException {
    try {
      return ch.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  /**
   * Writes {@code {"host":...,"pid":...,"since":...}}. Built by hand: Jackson's ObjectMapper
   * costs ~150 ms of start-up, paid by every process that opens the store.
   */
  private static void writeOwner(FileChannel ch, Clock clock) throws IOException {
    String line = "{\"host\":" + quote(hostName()) + ",\"pid\":" + ProcessHandle.current().pid()
        + ",\"since\":" + quote(utc(clock.instant())) + "}\n";
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    ch.truncate(0);
    ByteBuffer buf = ByteBuffer.wrap(b);
    long p = 0;
    while (buf.hasRemaining()) {
      p += ch.write(buf, p);
    }
  }

  /**
   * {@link java.time.Instant#toString()}, written by hand for the years 0 to 9999: the JDK's
   * formatter loads some 60 classes (~15 ms of start-up) that nothing else on the open path needs.
   */
  static String utc(java.time.Instant t) {
    java.time.LocalDateTime d = java.time.LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(),
        java.time.ZoneOffset.UTC);
    if (d.getYear() < 0 || d.getYear() > 9999) {
      return t.toString();
    }
    StringBuilder b = new StringBuilder(30);
    pad(b, d.getYear(), 4).append('-');
    pad(b, d.getMonthValue(), 2).append('-');
    pad(b, d.getDayOfMonth(), 2).append('T');
    pad(b, d.getHour(), 2).append(':');
    pad(b, d.getMinute(), 2).append(':');
    pad(b, d.getSecond(), 2);
    int nano = t.getNano();
    if (nano > 0) {
      b.append('.');
      if (nano % 1_000_000 == 0) {
        pad(b, nano / 1_000_000, 3);
      } else if (nano % 1000 == 0) {
        pad(b, nano / 1000, 6);
      } else {
        pad(b, nano, 9);
      }
    }
    return b.append('Z').toString();
  }

  private static StringBuilder pad(StringBuilder b, int v, int width) {
    String s = Integer.toString(v);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(s);
  }

  /** A JSON string literal: quotes, backslashes and control characters escaped. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException | RuntimeException e) {
      return "unknown-host";
    }
  }

  private static OnexException locked(Path file, Duration wait) {
    String holder = "an unknown process";
    String hint = StoreError.STORE_LOCKED.hint();
    try {
      JsonNode o = io.onex.core.canon.CanonicalJson.parse(Files.readString(file, StandardCharsets.UTF_8).trim());
      if (o != null && o.has("pid")) {
        holder = "pid " + o.path("pid").asLong() + " on host " + o.path("host").asText()
            + " (since " + o.path("since").asText() + ")";
        hint = "Wait for onex (pid " + o.path("pid").asLong() + " on " + o.path("host").asText()
            + ") to finish, or stop it; the lock is released as soon as that process exits.";
      }
    } catch (IOException | RuntimeException ignored) {
      // the holder has not written its name yet: say so
    }
    return new OnexException(Diagnostic.error(StoreError.STORE_LOCKED, file.toString(), 0, 0, "",
        "the store is locked by " + holder + "; waited " + wait.toMillis() + " ms", hint));
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException | RuntimeException ignored) {
      // closing the channel releases it too
    }
    close(ch);
  }

  private static void close(FileChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // nothing left to do
    }
  }
}
