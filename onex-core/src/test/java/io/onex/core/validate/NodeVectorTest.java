package io.onex.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.Diagnostic;
import io.onex.core.project.ProjectInit;
import io.onex.core.project.StampReport;
import io.onex.core.project.ValidationReport;
import io.onex.core.project.Workspace;
import io.onex.core.testing.Vectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input suite at node level: each directory of {@code vectors/node/} is a node that is
 * copied into a fresh repository, hash-locked with the real stamper (unless {@code setup.txt}
 * says {@code no-stamp}), optionally altered after stamping, and validated with the real
 * pipeline. {@code expected.txt} names the code that must be reported ({@code OK}: no errors).
 * A code ending in a letter only (e.g. {@code ONEX-Y}) matches any code of that area.
 *
 * <p>{@code setup.txt} steps: {@code no-stamp}; {@code symlink <path> <target>};
 * {@code chmod-x <path>}; {@code after-stamp-replace <old> => <new>} (edits node.onex.yaml).
 * Files under {@code after-stamp/} overwrite the node's after stamping.
 */
class NodeVectorTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);

  static Stream<Path> cases() {
    return Vectors.cases("node").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validate_vector(Path caseDir, @TempDir Path repo) throws IOException {
    ProjectInit.init(repo);
    Path node = repo.resolve("greet");
    Vectors.copyTree(caseDir.resolve("node"), node);
    List<String> setup = Files.exists(caseDir.resolve("setup.txt")) ? Files.readAllLines(caseDir.resolve("setup.txt")) : List.of();
    for (String step : setup) {
      if (step.startsWith("symlink ")) {
        String[] p = step.split(" ");
        Files.createSymbolicLink(node.resolve(p[1]), Paths.get(p[2]));
      } else if (step.startsWith("chmod-x ")) {
        node.resolve(step.substring(8)).toFile().setExecutable(false, false);
      }
    }
    Workspace ws = Workspace.open(repo);
    if (!setup.contains("no-stamp")) {
      StampReport stamp = ws.stamp(List.of(node), false, CLOCK, "test");
      assertEquals(1, stamp.entries().size(), () -> "stamp: " + stamp);
    }
    if (Files.isDirectory(caseDir.resolve("after-stamp"))) {
      Vectors.copyTree(caseDir.resolve("after-stamp"), node);
    }
    for (String step : setup) {
      if (step.startsWith("after-stamp-replace ")) {
        String[] p = step.substring(20).split(" => ");
        Path meta = node.resolve("node.onex.yaml");
        Files.writeString(meta, Files.readString(meta, StandardCharsets.UTF_8).replace(p[0], p[1]), StandardCharsets.UTF_8);
      }
    }
    ws.tree(false);
    ValidationReport report = ws.validate(List.of());
    List<String> expected = Vectors.expected(caseDir);
    List<Diagnostic> errors = report.all().filter(Diagnostic::isError).toList();
    String all = report.all().map(Diagnostic::format).reduce("", (a, b) -> a + "\n" + b);
    if (expected.get(0).equals("OK")) {
      assertTrue(errors.isEmpty(), () -> caseDir.getFileName() + " should validate, got:" + all);
      return;
    }
    for (String code : expected) {
      assertTrue(errors.stream().anyMatch(d -> d.code().startsWith(code)),
          () -> caseDir.getFileName() + ": expected " + code + ", got:" + all);
    }
    for (Diagnostic d : errors) {
      assertTrue(!d.file().isEmpty() && !d.message().isEmpty() && !d.hint().isEmpty(),
          () -> "every error names its file and says how to fix it: " + d);
    }
  }
}
