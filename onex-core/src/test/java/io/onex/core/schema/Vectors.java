package io.onex.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.Diagnostic;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The directory vectors under {@code vectors/<area>/}: one directory per case; a case whose
 * name ends in {@code _fail} has an {@code expected.txt} (first line the code every diagnostic
 * must carry, further lines the exact set of fields they name), any other case must be valid.
 */
final class Vectors {
  private Vectors() {}

  static Stream<Path> cases(String area) throws IOException {
    URL url = Vectors.class.getResource("/vectors/" + area);
    if (url == null) {
      throw new IllegalStateException("no test vectors at /vectors/" + area);
    }
    try (Stream<Path> dirs = Files.list(Paths.get(url.toURI()))) {
      List<Path> list = dirs.filter(Files::isDirectory).sorted().collect(Collectors.toList());
      assertFalse(list.isEmpty(), "no vectors in " + area);
      return list.stream();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Asserts {@code diagnostics} against the case's expectation. */
  static void check(Path caseDir, List<Diagnostic> diagnostics) throws IOException {
    String name = caseDir.getFileName().toString();
    String all = diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    Path expectedFile = caseDir.resolve("expected.txt");
    if (!name.endsWith("_fail")) {
      assertFalse(Files.exists(expectedFile), name + ": a good case has no expected.txt");
      assertTrue(diagnostics.isEmpty(), name + " should be valid, got:\n" + all);
      return;
    }
    List<String> lines = new ArrayList<>();
    for (String l : Files.readAllLines(expectedFile, StandardCharsets.UTF_8)) {
      if (!l.isBlank()) {
        lines.add(l.strip());
      }
    }
    String code = lines.get(0);
    assertFalse(diagnostics.isEmpty(), name + ": expected " + code + ", got nothing");
    for (Diagnostic d : diagnostics) {
      assertEquals(code, d.code(), name + ": unexpected diagnostic:\n" + all);
      assertFalse(d.message().isBlank(), name + ": empty message");
      assertFalse(d.hint().isBlank(), name + ": empty hint");
    }
    if (lines.size() > 1) {
      Set<String> expectedFields = new TreeSet<>(lines.subList(1, lines.size()));
      Set<String> fields = diagnostics.stream().map(Diagnostic::field).collect(Collectors.toCollection(TreeSet::new));
      assertEquals(expectedFields, fields, name + ":\n" + all);
    }
  }
}
