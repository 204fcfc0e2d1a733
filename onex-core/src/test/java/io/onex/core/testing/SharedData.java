package io.onex.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the shared conformance data ({@code ../shared} beside the checkout, as CI lays it
 * out). Tests fail, loudly, when it is missing: conformance that silently skips proves nothing.
 */
public final class SharedData {
  private SharedData() {}

  /** The {@code shared/} directory. */
  public static Path root() {
    String prop = System.getProperty("onex.shared.dir");
    Path p = prop != null ? Paths.get(prop) : findUpwards();
    if (p == null || !Files.isDirectory(p.resolve("conformance"))) {
      throw new IllegalStateException(
          "conformance data not found (looked at " + p + "): put the shared/ directory beside the"
              + " checkout, or pass -Donex.shared.dir=/path/to/shared");
    }
    return p.toAbsolutePath().normalize();
  }

  /** A path under {@code shared/conformance/}. */
  public static Path conformance(String relative) {
    return root().resolve("conformance").resolve(relative);
  }

  private static Path findUpwards() {
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("conformance"))) {
        return candidate;
      }
      dir = dir.getParent();
    }
    return null;
  }
}
