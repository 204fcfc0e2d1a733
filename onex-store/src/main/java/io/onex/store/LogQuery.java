package io.onex.store;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link Store#log(LogQuery)} returns: records newest {@code started_at} first, filtered by
 * node (name, namespace, {@code name@version} or {@code namespace@version}; any of the list),
 * status (any of the set) and time ({@code since <= started_at <= until}), at most {@code limit}.
 *
 * <p>Limits, so that hostile arguments fail clearly: at most {@link #MAX_NODES} nodes of at most
 * {@link #MAX_REF} characters each, statuses from the record schema only, limit 0 or more.
 */
public record LogQuery(List<String> nodes, Set<String> statuses, Optional<Instant> since, Optional<Instant> until,
    int limit) {
  public static final int MAX_NODES = 100;
  public static final int MAX_REF = 256;
  public static final Set<String> STATUSES = Set.of("success", "failure", "error", "skipped", "cached");
  private static final Pattern RELATIVE = Pattern.compile("([0-9]{1,9})([smhdw])");

  public LogQuery {
    nodes = List.copyOf(nodes);
    statuses = Set.copyOf(new TreeSet<>(statuses));
    if (limit < 0) {
      throw bad("limit must be 0 or more, not " + limit);
    }
    if (nodes.size() > MAX_NODES) {
      throw bad("at most " + MAX_NODES + " nodes, not " + nodes.size());
    }
    for (String n : nodes) {
      if (n.isEmpty() || n.length() > MAX_REF || n.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw bad("a node must be 1 to " + MAX_REF + " printable characters");
      }
    }
    for (String s : statuses) {
      if (!STATUSES.contains(s)) {
        throw bad("unknown status '" + clip(s) + "' (use " + String.join(", ", new TreeSet<>(STATUSES)) + ")");
      }
    }
  }

  /** The newest {@code limit} records, unfiltered. */
  public static LogQuery newest(int limit) {
    return new LogQuery(List.of(), Set.of(), Optional.empty(), Optional.empty(), limit);
  }

  /**
   * A time as {@code --since}/{@code --until} accept it: an ISO-8601 date-time with offset
   * ({@code 2026-11-23T10:00:00Z}), a date ({@code 2026-11-23}, midnight UTC), or an age before
   * {@code clock}'s now: digits and a unit {@code s m h d w} ({@code 2h}, {@code 3d}).
   *
   * @throws OnexException {@code ONEX-L001} for anything else
   */
  public static Instant parseTime(String text, Clock clock, String option) {
    String t = text == null ? "" : text.trim();
    if (t.length() > 64) {
      throw badTime(option, t.substring(0, 64) + "...");
    }
    Matcher m = RELATIVE.matcher(t.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      Duration d = switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        case "d" -> Duration.ofDays(n);
        default -> Duration.ofDays(7 * n);
      };
      return clock.instant().minus(d);
    }
    try {
      return OffsetDateTime.parse(t.toUpperCase(Locale.ROOT)).toInstant();
    } catch (DateTimeParseException e) {
      // not a date-time; maybe a date
    }
    try {
      return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw badTime(option, t);
    }
  }

  private static OnexException badTime(String option, String t) {
    return new OnexException(Diagnostic.error(BrowseError.BAD_TIME, "", 0, 0, option,
        option + " '" + clip(t) + "' is not a time: use 2026-11-23T10:00:00Z, 2026-11-23 or an age such as 2h or 3d"));
  }

  static OnexException bad(String message) {
    return new OnexException(Diagnostic.error(BrowseError.BAD_QUERY, "", 0, 0, "", message));
  }

  /** At most 80 characters of user input, control characters replaced, for messages. */
  static String clip(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().limit(80).forEach(c -> b.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c));
    return s.codePointCount(0, s.length()) > 80 ? b + "..." : b.toString();
  }
}
