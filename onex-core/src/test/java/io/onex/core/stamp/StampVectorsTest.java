package io.onex.core.stamp;

import static io.onex.core.stamp.StampTesting.CTX;
import static io.onex.core.stamp.StampTesting.NOW_TEXT;
import static io.onex.core.stamp.StampTesting.blockRange;
import static io.onex.core.stamp.StampTesting.linesWithEol;
import static io.onex.core.stamp.StampTesting.stableBlockLines;
import static io.onex.core.stamp.StampTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks {@code vectors/stamp/<case>/}: one input file, {@code expected.txt} and, for stamping
 * cases, {@code expected.out} (the exact expected bytes). The first line of {@code expected.txt}
 * is a stamp status (UNCHANGED, STAMPED, RESTAMPED: run {@code stamp}), a check status (OK,
 * MISSING, MISMATCH: run {@code check}) or, for {@code _fail} cases, an error code that both
 * {@code check} (status MALFORMED or UNSUPPORTED) and {@code stamp} (OnexException) must report.
 * Optional further lines: {@code code: ONEX-Mnnn} (a diagnostic the check must also report) and
 * {@code line: N} (the line of the first error diagnostic). The context is fixed (clock
 * {@link StampTesting#NOW}, uuid {@link StampTesting#NEW_UUID}, author "ONEX Test").
 */
class StampVectorsTest {
  private static final Set<String> STAMP = Set.of("UNCHANGED", "STAMPED", "RESTAMPED");
  private static final Set<String> CHECK = Set.of("OK", "MISSING", "MISMATCH");
  private final Stamper stamper = new Stamper();

  static Path root() throws URISyntaxException {
    return Paths.get(Objects.requireNonNull(StampVectorsTest.class.getResource("/vectors/stamp")).toURI());
  }

  static Stream<Path> cases() throws IOException, URISyntaxException {
    try (Stream<Path> s = Files.list(root())) {
      return s.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  @Test
  void vectors_coverAtLeastFifteenCasesWithFailures() throws Exception {
    List<Path> all = cases().toList();
    assertTrue(all.size() >= 15, "cases: " + all.size());
    assertTrue(all.stream().filter(p -> p.getFileName().toString().endsWith("_fail")).count() >= 5);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void vector_yieldsExpectedOutcome(Path dir) throws IOException {
    List<String> expected = Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8);
    String first = expected.get(0).strip();
    Path input = inputOf(dir);
    Path name = Paths.get(input.getFileName().toString());
    byte[] in = Files.readAllBytes(input);
    if (dir.getFileName().toString().endsWith("_fail")) {
      assertTrue(first.startsWith("ONEX-M"), "a _fail case expects an error code: " + first);
      expectFailure(name, in, first, expected);
    } else if (STAMP.contains(first)) {
      expectStamp(dir, name, in, StampResult.Status.valueOf(first), expected);
    } else if (CHECK.contains(first)) {
      expectCheck(name, in, StampCheck.Status.valueOf(first), expected);
    } else {
      fail("unknown expectation " + first + " in " + dir);
    }
  }

  private void expectFailure(Path name, byte[] in, String code, List<String> expected) {
    StampCheck c = stamper.check(name, in);
    assertTrue(c.status() == StampCheck.Status.MALFORMED || c.status() == StampCheck.Status.UNSUPPORTED,
        "status " + c.status());
    Diagnostic d = c.diagnostics().stream().filter(x -> x.code().equals(code)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " in " + c.diagnostics()));
    assertTrue(d.isError());
    assertFalse(d.hint().isEmpty());
    assertEquals(name.toString(), d.file());
    extras(c, expected);
    OnexException e = assertThrows(OnexException.class, () -> stamper.stamp(name, in, CTX));
    assertTrue(e.diagnostics().stream().anyMatch(x -> x.code().equals(code)), e.diagnostics().toString());
  }

  private void expectCheck(Path name, byte[] in, StampCheck.Status status, List<String> expected) {
    StampCheck c = stamper.check(name, in);
    assertEquals(status, c.status(), c.diagnostics().toString());
    if (status == StampCheck.Status.MISMATCH) {
      assertTrue(c.computedHash().matches("[0-9a-f]{64}"));
      assertNotEquals(c.storedHash(), c.computedHash());
      assertTrue(c.diagnostics().stream().anyMatch(d -> d.code().equals("ONEX-M002")
          && d.message().contains(c.storedHash()) && d.message().contains(c.computedHash())));
    }
    if (status == StampCheck.Status.OK) {
      assertEquals(c.storedHash(), c.computedHash());
    }
    extras(c, expected);
  }

  private static void extras(StampCheck c, List<String> expected) {
    for (String line : expected.subList(1, expected.size())) {
      if (line.startsWith("code: ")) {
        String code = line.substring(6).strip();
        assertTrue(c.diagnostics().stream().anyMatch(d -> d.code().equals(code)),
            code + " not in " + c.diagnostics());
      } else if (line.startsWith("line: ")) {
        Diagnostic d = c.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
        assertEquals(Integer.parseInt(line.substring(6).strip()), d.line(), d.format());
      }
    }
  }

  private void expectStamp(Path dir, Path name, byte[] in, StampResult.Status status,
      List<String> expected) throws IOException {
    StampResult r = stamper.stamp(name, in, CTX);
    assertEquals(status, r.status());
    assertArrayEquals(Files.readAllBytes(dir.resolve("expected.out")), r.content(),
        "expected.out differs:\n" + utf8(r.content()));
    StampCheck again = stamper.check(name, r.content());
    assertEquals(StampCheck.Status.OK, again.status(), again.diagnostics().toString());
    assertEquals(r.hash(), again.storedHash());
    StampResult second = stamper.stamp(name, r.content(), CTX);
    assertEquals(StampResult.Status.UNCHANGED, second.status());
    assertArrayEquals(r.content(), second.content());
    extras(stamper.check(name, in), expected);
    switch (status) {
      case UNCHANGED:
        assertArrayEquals(in, r.content());
        break;
      case STAMPED:
        assertBodyKept(utf8(in), utf8(r.content()));
        break;
      default:
        assertRestampKeptEverythingElse(utf8(in), utf8(r.content()));
    }
  }

  /** Removing the inserted block (and the blank line added after it) gives the input back. */
  private static void assertBodyKept(String in, String out) {
    List<String> lines = new ArrayList<>(linesWithEol(out));
    int[] r = blockRange(lines);
    lines.subList(r[0], r[1] + 1).clear();
    String without = String.join("", lines);
    if (!without.equals(in) && r[0] < lines.size() && lines.get(r[0]).isBlank()) {
      lines.remove(r[0]);
      without = String.join("", lines);
    }
    if (!without.equals(in) && r[0] > 0 && in.equals(without.replaceFirst("\r?\n$", ""))) {
      without = in; // a prolog line without terminator (a lone #! line) gains one
    }
    assertEquals(in, without);
  }

  /** Outside the block nothing changes; inside only hash and last_modified_at change. */
  private static void assertRestampKeptEverythingElse(String in, String out) {
    List<String> a = linesWithEol(in);
    List<String> b = linesWithEol(out);
    int[] ra = blockRange(a);
    int[] rb = blockRange(b);
    assertEquals(a.subList(0, ra[0]), b.subList(0, rb[0]));
    assertEquals(a.subList(ra[1] + 1, a.size()), b.subList(rb[1] + 1, b.size()));
    assertEquals(stableBlockLines(a), stableBlockLines(b));
    assertEquals(StampTesting.field(in, "uuid"), StampTesting.field(out, "uuid"));
    assertEquals(StampTesting.field(in, "created_at"), StampTesting.field(out, "created_at"));
    assertTrue(StampTesting.field(out, "last_modified_at").contains(NOW_TEXT));
    assertNotEquals(StampTesting.field(in, "hash"), StampTesting.field(out, "hash"));
  }

  private static Path inputOf(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> inputs = s.filter(p -> {
        String n = p.getFileName().toString();
        return !n.equals("expected.txt") && !n.equals("expected.out") && !n.startsWith(".git");
      }).toList();
      assertEquals(1, inputs.size(), "one input file per case: " + inputs);
      return inputs.get(0);
    }
  }
}
