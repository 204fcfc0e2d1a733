package io.onex.core.schema;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" by edit distance (Damerau: a swap of two letters counts as one edit). */
final class Suggestions {
  static final int MAX_DISTANCE = 2;

  private Suggestions() {}

  /**
   * The candidate nearest to {@code word} (case-insensitive), ties broken alphabetically;
   * empty when none is near: at most one edit per three letters of {@code word}, at least one
   * and at most {@link #MAX_DISTANCE}, so that short words do not get far-fetched guesses.
   */
  static Optional<String> nearest(String word, Collection<String> candidates) {
    int limit = Math.min(MAX_DISTANCE, Math.max(1, word.length() / 3));
    String best = null;
    int bestDistance = limit + 1;
    String w = word.toLowerCase(Locale.ROOT);
    for (String c : candidates) {
      int d = distance(w, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
        best = c;
        bestDistance = d;
      }
    }
    return bestDistance <= limit ? Optional.of(best) : Optional.empty();
  }

  /** Optimal string alignment distance. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
