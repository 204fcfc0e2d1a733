package io.onex.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Directory-based test vectors under {@code src/test/resources/vectors/<area>/}: one directory
 * per case, failing cases named {@code *_fail}, each with an {@code expected.txt}.
 */
public final class Vectors {
  private Vectors() {}

  /** The case directories of {@code area}, sorted by name. */
  public static List<Path> cases(String area) {
    try {
      Path dir = Paths.get(Vectors.class.getResource("/vectors/" + area).toURI());
      try (Stream<Path> s = Files.list(dir)) {
        return s.filter(Files::isDirectory).sorted().toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("no test vectors for area " + area, e);
    }
  }

  /** The non-empty lines of {@code expected.txt} of a case. */
  public static List<String> expected(Path caseDir) {
    try {
      return Files.readAllLines(caseDir.resolve("expected.txt")).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a directory tree (regular files only) to {@code to}. */
  public static void copyTree(Path from, Path to) {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
