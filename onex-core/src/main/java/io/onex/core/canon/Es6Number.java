package io.onex.core.canon;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * ECMAScript {@code Number.prototype.toString()} (ES2015 section 7.1.12.1) of a finite double,
 * as RFC 8785 section 3.2.2.3 requires.
 *
 * <p>Design: JDK 17's {@code Double.toString} is not the shortest round-trip form, so the
 * digits are found here. For p = 1..17 the two p-digit decimals around the exact value of the
 * double (rounded down and up) are tried; the first precision at which one of them parses
 * back to the same double gives the digits. When both do, the one closer to the exact value
 * wins, and on a tie the one with the even last digit (the ES2015 rule). Trying both
 * neighbours rather than only the nearest matters next to powers of two, where the round-trip
 * interval is not symmetric. {@code BigDecimal.doubleValue()} is correctly rounded, which is
 * what makes the parse-back test sound.
 *
 * <p>Fast path: for a normal (not subnormal) double, when {@code Double.toString} (which
 * always round-trips, but may print too many digits on JDK 17) gives at most 15 significant
 * digits, those digits are the shortest: every decimal of at most 15 digits survives the
 * trip to a double and back to 15 digits (DBL_DIG), so two different such decimals cannot
 * name the same double, and a shorter one would equal it with trailing zeros stripped.
 */
final class Es6Number {
  private static final long EXACT_INTEGER_LIMIT = 1L << 53;

  private Es6Number() {}

  /** The ES2015 string of {@code d}, which must be finite. {@code -0} gives {@code "0"}. */
  static String format(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("not finite: " + d);
    }
    if (d == 0) {
      return "0";
    }
    if (d == Math.rint(d) && Math.abs(d) <= EXACT_INTEGER_LIMIT) {
      return Long.toString((long) d);
    }
    double v = Math.abs(d);
    Decimal dec = v >= Double.MIN_NORMAL ? fromJavaString(v) : null;
    if (dec == null) {
      BigDecimal shortest = shortest(v).stripTrailingZeros();
      String digits = shortest.unscaledValue().toString();
      dec = new Decimal(digits, digits.length() - shortest.scale());
    }
    StringBuilder sb = new StringBuilder(26);
    if (d < 0) {
      sb.append('-');
    }
    layout(sb, dec.digits, dec.n);
    return sb.toString();
  }

  /** The value {@code 0.digits * 10^n}; {@code digits} has no leading or trailing zero. */
  private record Decimal(String digits, int n) {}

  /**
   * The digits of {@code Double.toString(v)} (v positive, finite) if there are at most 15 of
   * them, else null. Its forms: {@code 123.456}, {@code 0.001}, {@code 1.0E-5}.
   */
  private static Decimal fromJavaString(double v) {
    String s = Double.toString(v);
    int e = s.indexOf('E');
    int exp = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
    String mantissa = e < 0 ? s : s.substring(0, e);
    int dot = mantissa.indexOf('.');
    String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
    int start = 0;
    while (start < digits.length() - 1 && digits.charAt(start) == '0') {
      start++;
    }
    int end = digits.length();
    while (end > start + 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    if (end - start > 15) {
      return null;
    }
    return new Decimal(digits.substring(start, end), dot + exp - start);
  }

  /** The shortest decimal that parses back to {@code v} (positive, finite). */
  private static BigDecimal shortest(double v) {
    BigDecimal exact = new BigDecimal(v);
    for (int p = 1; p <= 17; p++) {
      BigDecimal down = exact.round(new MathContext(p, RoundingMode.FLOOR));
      BigDecimal up = exact.round(new MathContext(p, RoundingMode.CEILING));
      boolean downOk = down.doubleValue() == v;
      boolean upOk = up.doubleValue() == v;
      if (downOk && upOk) {
        return closer(exact, down, up);
      }
      if (downOk) {
        return down;
      }
      if (upOk) {
        return up;
      }
    }
    // 17 significant digits always round-trip; this is unreachable for a finite double.
    throw new AssertionError("no round-trip form for " + v);
  }

  private static BigDecimal closer(BigDecimal exact, BigDecimal down, BigDecimal up) {
    int cmp = exact.subtract(down).compareTo(up.subtract(exact));
    if (cmp != 0) {
      return cmp < 0 ? down : up;
    }
    return down.unscaledValue().testBit(0) ? up : down;
  }

  /**
   * Lays out the digits {@code s} (k of them, no trailing zero) of the value
   * {@code 0.s * 10^n}, following steps 6 to 10 of ES2015 7.1.12.1.
   */
  private static void layout(StringBuilder sb, String s, int n) {
    int k = s.length();
    if (k <= n && n <= 21) {
      sb.append(s);
      sb.append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      sb.append(s, 0, n).append('.').append(s, n, k);
    } else if (-6 < n && n <= 0) {
      sb.append("0.").append("0".repeat(-n)).append(s);
    } else {
      int e = n - 1;
      sb.append(s.charAt(0));
      if (k > 1) {
        sb.append('.').append(s, 1, k);
      }
      sb.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
  }
}
