package io.onex.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Keys of the ordered maps (docs/formats/store.md, "Keys"). All keys are ASCII strings that
 * sort, byte for byte, in the order the queries need:
 *
 * <ul>
 *   <li>time key: {@code <12 digits: 999999999999 - (epochSecond + 10^11)><9 digits:
 *       999999999 - nano><16 hex: 7fffffffffffffff - seq>} — newest {@code started_at}
 *       first, and among equal times the record appended last first;
 *   <li>node key: {@code <namespace>@<version>}; by-node key: node key, {@code |}, time key;
 *   <li>by-trace key: {@code <trace_hash>|<time key>}; by-status key: {@code <status>|<time key>}.
 * </ul>
 *
 * <p>A time range [since, until] is one contiguous key range after any of these prefixes:
 * from {@code prefix + timePrefix(until)} (inclusive) to {@code prefix + timePrefix(since) + "g"}
 * (exclusive; {@code g} sorts after every hex digit of the sequence part).
 */
final class Keys {
  static final char NODE_SEPARATOR = '|';
  private static final long SECOND_OFFSET = 100_000_000_000L;
  private static final long SECOND_MAX = 999_999_999_999L;

  private Keys() {}

  static String node(String namespace, String version) {
    return namespace + "@" + version;
  }

  static String byNodePrefix(String namespace, String version) {
    return node(namespace, version) + NODE_SEPARATOR;
  }

  /** The first key after every key that starts with {@code prefix}. */
  static String prefixEnd(String prefix) {
    char last = prefix.charAt(prefix.length() - 1);
    return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
  }

  static String time(String startedAt, long seq) {
    return timePrefix(instant(startedAt)) + String.format(Locale.ROOT, "%016x", Long.MAX_VALUE - seq);
  }

  /** The first 21 characters of every time key of {@code t} (seconds and nanoseconds part). */
  static String timePrefix(Instant t) {
    long sec = Math.max(0, Math.min(SECOND_MAX, t.getEpochSecond() + SECOND_OFFSET));
    return String.format(Locale.ROOT, "%012d%09d", SECOND_MAX - sec, 999_999_999 - t.getNano());
  }

  /** The smallest time key of a record started at or before {@code until} (newest-first order). */
  static String fromKey(Instant until) {
    return until == null ? "" : timePrefix(until);
  }

  /** A bound above every time key of a record started at or after {@code since}; null = none. */
  static String toKey(Instant since) {
    return since == null ? null : timePrefix(since) + "g";
  }

  static String byTracePrefix(String traceHash) {
    return traceHash + NODE_SEPARATOR;
  }

  static String byStatusPrefix(String status) {
    return status + NODE_SEPARATOR;
  }

  /** An RFC 3339 date-time (as the schema allows it) as an instant; a leap second counts as :59. */
  static Instant instant(String rfc3339) {
    String s = rfc3339.toUpperCase(Locale.ROOT);
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s.replaceFirst(":60(?=[.Z+-]|$)", ":59")).toInstant();
      } catch (DateTimeParseException again) {
        return Instant.EPOCH;
      }
    }
  }
}
