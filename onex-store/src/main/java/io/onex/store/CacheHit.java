package io.onex.store;

import io.onex.core.record.ExecutionRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * What a cache hit needs of the producing record, as the store's {@code cache} map keeps it
 * (docs/formats/store.md, "cache map"): served without reading or parsing the full record.
 *
 * <p>Binary form (the sealed value): {@code crc32c (4 bytes, big-endian)} over the 32 raw key
 * bytes followed by the payload, then the payload: {@code u8 1} (layout), record id, status,
 * node id, node version (each {@code u16} byte length + UTF-8), {@code u8} flags (bit 0
 * output_hash, bit 1 exit_code, bit 2 started_at), the 32 raw bytes of trace_hash, then when
 * flagged the 32 raw bytes of output_hash, the exit code ({@code i32}), the start instant
 * ({@code i64} epoch second, {@code i32} nano). All integers big-endian. A value whose CRC or
 * layout does not match is never decoded into a hit.
 *
 * @param cacheKey the key (64 lowercase hex digits)
 * @param recordId the producing record's id
 * @param status its status (always {@code success} for an indexed entry)
 * @param namespace its {@code node.id}
 * @param version its {@code node.version}
 * @param traceHash its trace hash
 * @param outputHash its output hash
 * @param exitCode its exit code
 * @param startedAt its {@code started_at} as an instant; empty when the text is not an RFC 3339
 *     instant {@link OffsetDateTime#parse} reads (a leap second), i.e. of unknown age
 */
public record CacheHit(String cacheKey, String recordId, String status, String namespace, String version,
    String traceHash, Optional<String> outputHash, Optional<Integer> exitCode, Optional<Instant> startedAt) {
  private static final int LAYOUT = 1;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** The hit a success record gives. */
  public static CacheHit of(ExecutionRecord r) {
    Optional<Instant> t;
    try {
      t = Optional.of(OffsetDateTime.parse(r.startedAt()).toInstant());
    } catch (DateTimeParseException e) {
      t = Optional.empty();
    }
    return new CacheHit(r.cacheKey(), r.recordId(), r.status(), r.node().id(), r.node().version(), r.traceHash(),
        r.outputHash(), r.exitCode(), t);
  }

  /** The sealed binary form of this hit (see the class comment). */
  public byte[] seal() {
    byte[] id = utf8(recordId);
    byte[] st = utf8(status);
    byte[] ns = utf8(namespace);
    byte[] ver = utf8(version);
    int size = 4 + 1 + 8 + id.length + st.length + ns.length + ver.length + 1 + 32
        + (outputHash.isPresent() ? 32 : 0) + (exitCode.isPresent() ? 4 : 0) + (startedAt.isPresent() ? 12 : 0);
    ByteBuffer b = ByteBuffer.allocate(size);
    b.position(4);
    b.put((byte) LAYOUT);
    for (byte[] s : new byte[][] {id, st, ns, ver}) {
      b.putShort((short) s.length).put(s);
    }
    b.put((byte) ((outputHash.isPresent() ? 1 : 0) | (exitCode.isPresent() ? 2 : 0) | (startedAt.isPresent() ? 4 : 0)));
    b.put(requireKey(traceHash));
    outputHash.ifPresent(h -> b.put(requireKey(h)));
    exitCode.ifPresent(b::putInt);
    startedAt.ifPresent(t -> b.putLong(t.getEpochSecond()).putInt(t.getNano()));
    byte[] out = b.array();
    ByteBuffer.wrap(out).putInt((int) crc(requireKey(cacheKey), out));
    return out;
  }

  /**
   * Decodes a sealed value stored under {@code cacheKey}; empty when the seal or the layout does
   * not match (the bytes are damaged, or belong to another key).
   */
  public static Optional<CacheHit> unseal(String cacheKey, byte[] sealed) {
    byte[] key = keyBytes(cacheKey);
    if (key == null || sealed == null || sealed.length < 5 + 8 + 1 + 32) {
      return Optional.empty();
    }
    ByteBuffer b = ByteBuffer.wrap(sealed);
    if ((b.getInt() & 0xffffffffL) != crc(key, sealed)) {
      return Optional.empty();
    }
    try {
      if (b.get() != LAYOUT) {
        return Optional.empty();
      }
      String id = str(b);
      String st = str(b);
      String ns = str(b);
      String ver = str(b);
      int flags = b.get();
      String trace = hex(b);
      Optional<String> out = (flags & 1) != 0 ? Optional.of(hex(b)) : Optional.empty();
      Optional<Integer> exit = (flags & 2) != 0 ? Optional.of(b.getInt()) : Optional.empty();
      Optional<Instant> t = (flags & 4) != 0 ? Optional.of(Instant.ofEpochSecond(b.getLong(), b.getInt())) : Optional.empty();
      return b.hasRemaining() ? Optional.empty()
          : Optional.of(new CacheHit(cacheKey, id, st, ns, ver, trace, out, exit, t));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The 32 bytes of a 64-digit lowercase hex key; null for any other text. */
  static byte[] keyBytes(String hex) {
    if (hex == null || hex.length() != 64) {
      return null;
    }
    byte[] out = new byte[32];
    for (int i = 0; i < 32; i++) {
      int hi = digit(hex.charAt(2 * i));
      int lo = digit(hex.charAt(2 * i + 1));
      if (hi < 0 || lo < 0) {
        return null;
      }
      out[i] = (byte) (hi << 4 | lo);
    }
    return out;
  }

  /** The 64-digit lowercase hex text of 32 key bytes. */
  static String keyHex(byte[] key) {
    char[] c = new char[key.length * 2];
    for (int i = 0; i < key.length; i++) {
      c[2 * i] = HEX[(key[i] >> 4) & 15];
      c[2 * i + 1] = HEX[key[i] & 15];
    }
    return new String(c);
  }

  private static int digit(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  }

  private static byte[] requireKey(String hex) {
    byte[] b = keyBytes(hex);
    if (b == null) {
      throw new IllegalArgumentException("not a lowercase hex SHA-256: " + hex);
    }
    return b;
  }

  private static long crc(byte[] key, byte[] sealed) {
    CRC32C c = new CRC32C();
    c.update(key);
    c.update(sealed, 4, sealed.length - 4);
    return c.getValue();
  }

  private static byte[] utf8(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length > 0xffff) {
      throw new IllegalArgumentException("a cache hit field is longer than 65535 bytes");
    }
    return b;
  }

  private static String str(ByteBuffer b) {
    int n = b.getShort() & 0xffff;
    String s = new String(b.array(), b.position(), n, StandardCharsets.UTF_8);
    b.position(b.position() + n);
    return s;
  }

  private static String hex(ByteBuffer b) {
    byte[] k = new byte[32];
    b.get(k);
    return keyHex(k);
  }
}
