package io.onex.exec.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Drains one output stream of the node on its own thread into a buffer that never grows past
 * the limit. The first time the node writes beyond the limit, the pump keeps the first
 * {@code limit} bytes, marks itself overflowed and calls {@code onOverflow} (which kills the
 * node); it keeps reading and discarding until end of stream so the node never blocks on a
 * full pipe. Memory use is at most {@code limit} bytes plus one read chunk.
 */
final class OutputPump implements Runnable {
  private static final int CHUNK = 64 * 1024;

  private final InputStream in;
  private final int limit;
  private final Runnable onOverflow;
  private final CountDownLatch done = new CountDownLatch(1);
  private byte[] buffer = new byte[0];
  private int size;
  private boolean overflowed;

  OutputPump(InputStream in, int limit, Runnable onOverflow) {
    this.in = in;
    this.limit = limit;
    this.onOverflow = onOverflow;
  }

  /** Starts the pump on a daemon thread. */
  OutputPump start(String name) {
    Thread t = new Thread(this, name);
    t.setDaemon(true);
    t.start();
    return this;
  }

  @Override
  public void run() {
    byte[] chunk = new byte[CHUNK];
    try {
      int n;
      while ((n = in.read(chunk)) >= 0) {
        if (store(chunk, n)) {
          onOverflow.run();
        }
      }
    } catch (IOException e) {
      // The stream was closed under us: the run is over, keep what was read.
    } finally {
      done.countDown();
    }
  }

  /** Appends up to the limit; true exactly once, when the limit is first exceeded. */
  private synchronized boolean store(byte[] chunk, int n) {
    if (overflowed) {
      return false;
    }
    int keep = Math.min(n, limit - size);
    if (keep > 0) {
      if (size + keep > buffer.length) {
        int grown = Math.max(size + keep, Math.max(8192, buffer.length * 2));
        buffer = Arrays.copyOf(buffer, Math.min(limit, grown));
      }
      System.arraycopy(chunk, 0, buffer, size, keep);
      size += keep;
    }
    if (n > keep) {
      overflowed = true;
      return true;
    }
    return false;
  }

  /** Waits until end of stream; false when the wait timed out. */
  boolean awaitEnd(long nanos) throws InterruptedException {
    return done.await(nanos, TimeUnit.NANOSECONDS);
  }

  /** Whether end of stream was reached. */
  boolean ended() {
    return done.getCount() == 0;
  }

  /** Closes the stream (best effort, used when the end never came). */
  void close() {
    try {
      in.close();
    } catch (IOException e) {
      // nothing more to do
    }
  }

  synchronized byte[] bytes() {
    return Arrays.copyOf(buffer, size);
  }

  synchronized boolean overflowed() {
    return overflowed;
  }
}
