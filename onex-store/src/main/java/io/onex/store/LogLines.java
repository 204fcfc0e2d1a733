package io.onex.store;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The line codec of the JSON-lines record log (docs/formats/record-log.md).
 *
 * <p>A line is {@code <crc>} + one space + {@code <json>} + {@code \n}, where {@code <json>} is
 * the record's RFC 8785 canonical JSON (which holds no raw newline) and {@code <crc>} is the
 * CRC-32C of exactly those UTF-8 bytes as 8 lowercase hex digits. A line, newline excluded, is
 * at most {@link #MAX_LINE} bytes.
 */
final class LogLines {
  /** Longest line, newline excluded: 1 MiB. */
  static final int MAX_LINE = 1 << 20;

  static final int PREFIX = 9;

  private LogLines() {}

  /** The full line for {@code canonicalJson}, newline included, or null when too long. */
  static byte[] encode(String canonicalJson) {
    byte[] json = canonicalJson.getBytes(StandardCharsets.UTF_8);
    if (json.length + PREFIX > MAX_LINE) {
      return null;
    }
    byte[] line = new byte[json.length + PREFIX + 1];
    String crc = hex(crc(json, 0, json.length));
    for (int i = 0; i < 8; i++) {
      line[i] = (byte) crc.charAt(i);
    }
    line[8] = ' ';
    System.arraycopy(json, 0, line, PREFIX, json.length);
    line[line.length - 1] = '\n';
    return line;
  }

  /**
   * Checks one line (without its newline). Returns null when it is intact, else why not.
   */
  static String problem(byte[] buf, int off, int len) {
    if (len > MAX_LINE) {
      return "line is " + len + " bytes, over the limit of " + MAX_LINE;
    }
    if (len < PREFIX + 2 || buf[off + 8] != ' ') {
      return "line does not start with an 8-digit checksum and a space";
    }
    long stored = 0;
    for (int i = 0; i < 8; i++) {
      int d = Character.digit(buf[off + i], 16);
      if (d < 0 || Character.isUpperCase(buf[off + i])) {
        return "line does not start with an 8-digit lowercase hex checksum";
      }
      stored = (stored << 4) | d;
    }
    long computed = crc(buf, off + PREFIX, len - PREFIX);
    if (stored != computed) {
      return "checksum mismatch (line says " + hex(stored) + ", content gives " + hex(computed) + ")";
    }
    return null;
  }

  /** The JSON text of an intact line. */
  static String json(byte[] buf, int off, int len) {
    return new String(buf, off + PREFIX, len - PREFIX, StandardCharsets.UTF_8);
  }

  static long crc(byte[] b, int off, int len) {
    CRC32C c = new CRC32C();
    c.update(b, off, len);
    return c.getValue();
  }

  static String hex(long crc) {
    String h = Long.toHexString(crc);
    return "0".repeat(8 - h.length()) + h;
  }
}
