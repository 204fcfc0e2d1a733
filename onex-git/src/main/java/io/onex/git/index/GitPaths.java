package io.onex.git.index;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Path helpers: git's byte order, parents. */
final class GitPaths {
  private GitPaths() {}

  /** Compares as UTF-8 bytes, the order git and the hash lock use. */
  static int compare(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** The parent directory of {@code path} ({@code ""} for a top-level entry). */
  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** Whether {@code path} is {@code dir} or below it ({@code ""} contains everything). */
  static boolean within(String path, String dir) {
    return dir.isEmpty() || path.equals(dir) || path.startsWith(dir + "/");
  }
}
