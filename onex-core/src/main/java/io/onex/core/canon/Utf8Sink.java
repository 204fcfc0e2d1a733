package io.onex.core.canon;

import io.onex.core.hash.HashError;
import java.util.Arrays;

/**
 * A growable byte buffer that writes canonical JSON: ASCII punctuation and numbers as is,
 * strings quoted and escaped per RFC 8785 section 3.2.2.2 and encoded as UTF-8 by hand, so
 * an unpaired surrogate is found (and refused) in the same pass.
 */
final class Utf8Sink {
  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private byte[] buf;
  private int len;

  Utf8Sink(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  void ascii(char c) {
    ensure(1);
    buf[len++] = (byte) c;
  }

  void ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  /** Writes {@code s} as a JSON string literal; throws on an unpaired surrogate. */
  void quoted(String s) {
    int n = s.length();
    // room for every char as 3 bytes (a surrogate pair needs 4 for 2 chars) and the quotes;
    // only an escape (6 bytes for 1 char) asks for more
    ensure(3 * n + 2);
    buf[len++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c != '"' && c != '\\') {
          buf[len++] = (byte) c;
        } else {
          ensure(6 + 3 * (n - i));
          escape(c);
        }
      } else if (c < 0x800) {
        buf[len++] = (byte) (0xC0 | (c >> 6));
        buf[len++] = (byte) (0x80 | (c & 0x3F));
      } else if (!Character.isSurrogate(c)) {
        buf[len++] = (byte) (0xE0 | (c >> 12));
        buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[len++] = (byte) (0x80 | (c & 0x3F));
      } else {
        i = surrogatePair(s, i);
      }
    }
    buf[len++] = '"';
  }

  /** Writes the escape of {@code c}, a quote, a backslash or a C0 control. */
  private void escape(char c) {
    buf[len++] = '\\';
    switch (c) {
      case '"' -> buf[len++] = '"';
      case '\\' -> buf[len++] = '\\';
      case '\b' -> buf[len++] = 'b';
      case '\f' -> buf[len++] = 'f';
      case '\n' -> buf[len++] = 'n';
      case '\r' -> buf[len++] = 'r';
      case '\t' -> buf[len++] = 't';
      default -> {
        buf[len++] = 'u';
        buf[len++] = '0';
        buf[len++] = '0';
        buf[len++] = HEX[c >> 4];
        buf[len++] = HEX[c & 0xF];
      }
    }
  }

  /** Encodes the pair starting at {@code i}; returns the index of its low surrogate. */
  private int surrogatePair(String s, int i) {
    char hi = s.charAt(i);
    char lo = i + 1 < s.length() ? s.charAt(i + 1) : 0;
    if (!Character.isHighSurrogate(hi) || !Character.isLowSurrogate(lo)) {
      throw new CanonFailure(
          HashError.LONE_SURROGATE,
          String.format("unpaired surrogate \\u%04x at character %d of a string", (int) hi, i),
          null);
    }
    int cp = Character.toCodePoint(hi, lo);
    buf[len++] = (byte) (0xF0 | (cp >> 18));
    buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
    buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
    buf[len++] = (byte) (0x80 | (cp & 0x3F));
    return i + 1;
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }
}
