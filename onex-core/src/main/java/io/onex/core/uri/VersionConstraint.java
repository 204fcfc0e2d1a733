package io.onex.core.uri;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.semver4j.RangesList;
import org.semver4j.RangesListFactory;
import org.semver4j.Semver;

/**
 * A version spec such as {@code ^1.0} or {@code >=1.0.0 <2.0.0}, checked by a strict grammar
 * ({@link ConstraintGrammar}) and evaluated by semver4j with npm semantics: pre-release
 * versions satisfy a range only when one of its comparators names a pre-release of the same
 * {@code major.minor.patch}; build metadata is ignored.
 *
 * <p>Equality is by the exact text, which {@link #toString()} returns unchanged.
 */
public final class VersionConstraint {
  static final int MAX_VERSION_LENGTH = 256;

  private static final String NUM = "(?:0|[1-9][0-9]{0,8})";
  private static final String PRE_ID = "(?:" + NUM + "|[0-9]*[A-Za-z-][0-9A-Za-z-]*)";
  private static final Pattern VERSION = Pattern.compile(
      NUM + "\\." + NUM + "\\." + NUM
          + "(?:-" + PRE_ID + "(?:\\." + PRE_ID + ")*)?"
          + "(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");

  private static final int CACHE_SIZE = 1024;
  private static final Map<String, RangesList> RANGES = new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, RangesList> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  private final String text;
  private final RangesList ranges;

  private VersionConstraint(String text, RangesList ranges) {
    this.text = text;
    this.ranges = ranges;
  }

  /**
   * Parses a version spec.
   *
   * @throws OnexException with one {@link UriError} diagnostic when it is empty or malformed
   */
  public static VersionConstraint parse(String text) {
    Parsed<VersionConstraint> p = tryParse(text);
    if (p.problem() != null) {
      throw new OnexException(p.problem().at("", 0, 0, ""));
    }
    return p.value();
  }

  /** The problems of {@code text} as a version spec (empty when valid), placed as given. */
  public static List<Diagnostic> check(String text, String file, int line, int column, String field) {
    Parsed<VersionConstraint> p = tryParse(text);
    return p.problem() == null ? List.of() : List.of(p.problem().at(file, line, column, field));
  }

  static Parsed<VersionConstraint> tryParse(String text) {
    String canonical;
    try {
      canonical = ConstraintGrammar.canonicalize(text);
    } catch (ConstraintGrammar.Malformed e) {
      return Parsed.failed(new Problem(e.code, e.getMessage()));
    }
    try {
      RangesList ranges = ranges(canonical);
      if (ranges.get().isEmpty()) {
        return Parsed.failed(new Problem(UriError.MALFORMED_VERSION_SPEC,
            "'" + text + "' was not understood as a version range"));
      }
      return Parsed.ok(new VersionConstraint(text, ranges));
    } catch (RuntimeException e) {
      return Parsed.failed(new Problem(UriError.MALFORMED_VERSION_SPEC,
          "'" + text + "' was not understood as a version range: " + e.getMessage()));
    }
  }

  /**
   * semver4j's range parsing costs tens of microseconds and registries repeat the same few
   * specs, so parsed ranges are shared by canonical text (read-only once built; bounded LRU).
   */
  private static RangesList ranges(String canonical) {
    synchronized (RANGES) {
      RangesList cached = RANGES.get(canonical);
      if (cached != null) {
        return cached;
      }
    }
    RangesList created = RangesListFactory.create(canonical);
    synchronized (RANGES) {
      RANGES.put(canonical, created);
    }
    return created;
  }

  /** Whether {@code version} is a semantic version 2.0 (numbers of at most 9 digits). */
  public static boolean isValidVersion(String version) {
    return version != null
        && version.length() <= MAX_VERSION_LENGTH
        && VERSION.matcher(version).matches();
  }

  /** The problems of {@code version} as a semantic version (empty when valid). */
  public static List<Diagnostic> checkVersion(
      String version, String file, int line, int column, String field) {
    return isValidVersion(version)
        ? List.of()
        : List.of(invalidVersion(version).at(file, line, column, field));
  }

  /**
   * Whether {@code version} satisfies this constraint.
   *
   * @throws OnexException ({@link UriError#INVALID_VERSION}) when it is not a semantic version
   */
  public boolean satisfiedBy(String version) {
    if (!isValidVersion(version)) {
      throw new OnexException(invalidVersion(version).at("", 0, 0, ""));
    }
    return ranges.isSatisfiedBy(new Semver(version));
  }

  /** The spec exactly as written. */
  public String text() {
    return text;
  }

  private static Problem invalidVersion(String version) {
    return new Problem(UriError.INVALID_VERSION, version == null
        ? "the version is missing"
        : "'" + abbreviate(version) + "' is not a semantic version MAJOR.MINOR.PATCH[-pre][+build]"
            + " (numbers without leading zeros, at most 9 digits)");
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VersionConstraint && ((VersionConstraint) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
