package io.onex.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class StrictYamlTest {
  @TempDir Path tmp;

  private static Diagnostic failure(Executable call) {
    OnexException e = assertThrows(OnexException.class, call);
    assertEquals(1, e.diagnostics().size());
    return e.diagnostics().get(0);
  }

  private static YamlDocument parse(String yaml) {
    return StrictYaml.parse(yaml.getBytes(StandardCharsets.UTF_8), "t.yaml", YamlLimits.DEFAULT);
  }

  private static Diagnostic parseFailure(String yaml, YamlLimits limits) {
    return failure(() -> StrictYaml.parse(yaml.getBytes(StandardCharsets.UTF_8), "t.yaml", limits));
  }

  @Test
  void load_rejects50MegabyteFileBySizeBeforeReading() throws IOException {
    Path big = tmp.resolve("big.yaml");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.write(0xFF); // invalid UTF-8: had the file been read and decoded, Y004 would win
      file.setLength(50L * 1024 * 1024);
    }
    assertEquals(50L * 1024 * 1024, Files.size(big));
    Diagnostic d = failure(() -> StrictYaml.load(big, "big.yaml", YamlLimits.DEFAULT));
    assertEquals(YamlError.FILE_TOO_LARGE.id(), d.code());
    assertEquals("big.yaml", d.file());
    assertTrue(d.message().contains("52428800 bytes"), d.message());
    assertTrue(d.hint().contains("1048576"), d.hint());
  }

  @Test
  void parse_rejectsBytesOverSizeLimit() {
    YamlLimits small = new YamlLimits(10, 32, 100, 100);
    Diagnostic d = parseFailure("name: more than ten bytes\n", small);
    assertEquals(YamlError.FILE_TOO_LARGE.id(), d.code());
  }

  @Test
  void load_acceptsFileOfExactlyMaxBytes() throws IOException {
    Path file = Files.writeString(tmp.resolve("exact.yaml"), "a: 1\n");
    YamlDocument doc = StrictYaml.load(file, "exact.yaml", new YamlLimits(5, 32, 100, 100));
    assertEquals(1, doc.root().get("a").intValue());
  }

  @Test
  void load_rejectsDirectory() {
    Diagnostic d = failure(() -> StrictYaml.load(tmp, "dir", YamlLimits.DEFAULT));
    assertEquals(YamlError.NOT_A_REGULAR_FILE.id(), d.code());
    assertTrue(d.message().contains("directory"), d.message());
  }

  @Test
  void load_rejectsFifoWithoutOpeningIt() throws Exception {
    Path fifo = tmp.resolve("pipe.yaml");
    boolean made;
    try {
      made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      made = false;
    }
    assumeTrue(made, "mkfifo is not available here");
    // opening a FIFO with no writer would block forever: the type check must come first
    Diagnostic d = failure(() -> StrictYaml.load(fifo, "pipe.yaml", YamlLimits.DEFAULT));
    assertEquals(YamlError.NOT_A_REGULAR_FILE.id(), d.code());
  }

  @Test
  void load_rejectsMissingFile() {
    Path missing = tmp.resolve("missing.yaml");
    Diagnostic d = failure(() -> StrictYaml.load(missing, "missing.yaml", YamlLimits.DEFAULT));
    assertEquals(YamlError.READ_FAILED.id(), d.code());
    assertEquals("the file does not exist", d.message());
  }

  @Test
  void parse_rejectsTooManyNodesWithDefaultLimit() {
    StringBuilder yaml = new StringBuilder("[");
    for (int i = 0; i < YamlLimits.DEFAULT.maxNodes(); i++) {
      yaml.append("1,"); // with the sequence itself: maxNodes + 1 nodes
    }
    Diagnostic d = parseFailure(yaml.append("]").toString(), YamlLimits.DEFAULT);
    assertEquals(YamlError.TOO_MANY_NODES.id(), d.code());
    assertEquals("/" + (YamlLimits.DEFAULT.maxNodes() - 1), d.field());
  }

  @Test
  void parse_countsKeysAsNodes() {
    YamlLimits four = new YamlLimits(1000, 32, 4, 100);
    // mapping, key, value: 3 nodes pass
    assertEquals(1, StrictYaml.parse("{a: 1}".getBytes(StandardCharsets.UTF_8), "t", four)
        .root().get("a").intValue());
    Diagnostic d = parseFailure("a: 1\nb: 2\n", four); // 5 nodes
    assertEquals(YamlError.TOO_MANY_NODES.id(), d.code());
    assertEquals("2:4", d.line() + ":" + d.column());
  }

  @Test
  void parse_rejectsGeneratedOverLongScalar() {
    int max = YamlLimits.DEFAULT.maxScalarLength();
    String ok = "x".repeat(max);
    assertEquals(max, parse("v: " + ok + "\n").root().get("v").textValue().length());
    Diagnostic d = parseFailure("a: 1\nv: \"" + ok + "y\"\n", YamlLimits.DEFAULT);
    assertEquals(YamlError.SCALAR_TOO_LONG.id(), d.code());
    assertEquals("2:4", d.line() + ":" + d.column());
    assertEquals("/v", d.field());
  }

  @Test
  void parse_countsScalarLengthInCodePoints() {
    YamlLimits three = new YamlLimits(1000, 32, 100, 3);
    String emoji = "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"; // 3 code points, 6 chars
    JsonNode root = StrictYaml.parse(("v: " + emoji).getBytes(StandardCharsets.UTF_8), "t", three)
        .root();
    assertEquals(emoji, root.get("v").textValue());
    Diagnostic d = parseFailure("toolong: 1", three);
    assertEquals(YamlError.SCALAR_TOO_LONG.id(), d.code());
  }

  @Test
  void parse_acceptsNestingAtDepthLimit() {
    YamlLimits two = new YamlLimits(1000, 2, 100, 100);
    assertEquals(1, StrictYaml.parse("a: [1]".getBytes(StandardCharsets.UTF_8), "t", two)
        .root().get("a").size());
    Diagnostic d = parseFailure("a: [[1]]", two);
    assertEquals(YamlError.TOO_DEEP.id(), d.code());
    assertEquals("1:5", d.line() + ":" + d.column());
  }

  @Test
  void locationOf_givesKeyPositionAndFallsBackToAncestor() {
    YamlDocument doc = parse("name: demo\n"
        + "entrypoint:\n"
        + "  type: python\n"
        + "  target: src/main.py\n"
        + "tags:\n"
        + "  - a\n"
        + "  -   b\n"
        + "flow: {k: [x, y]}\n");
    assertEquals(new SourceLocation(1, 1), doc.locationOf(""));
    assertEquals(new SourceLocation(2, 1), doc.locationOf("/entrypoint"));
    assertEquals(new SourceLocation(4, 3), doc.locationOf("/entrypoint/target"));
    assertEquals(new SourceLocation(6, 5), doc.locationOf("/tags/0"));
    assertEquals(new SourceLocation(7, 7), doc.locationOf("/tags/1"));
    assertEquals(new SourceLocation(8, 15), doc.locationOf("/flow/k/1"));
    assertEquals(new SourceLocation(4, 3), doc.locationOf("/entrypoint/target/nope"));
    assertEquals(new SourceLocation(2, 1), doc.locationOf("/entrypoint/missing"));
    assertEquals(new SourceLocation(1, 1), doc.locationOf("/unknown/deeper"));
  }

  @Test
  void locationOf_escapesSlashAndTildeInKeys() {
    YamlDocument doc = parse("a: 1\n\"x/y~z\": 2\n");
    assertEquals(new SourceLocation(2, 1), doc.locationOf("/x~1y~0z"));
    assertEquals(2, doc.root().get("x/y~z").intValue());
  }

  @Test
  void locationOf_countsColumnsInCodePoints() {
    YamlDocument doc = parse("{\"\uD83D\uDE00\": 1, b: 2}");
    assertEquals(new SourceLocation(1, 10), doc.locationOf("/b"));
  }

  @Test
  void parseMapping_rejectsSequenceAndScalarRoots() {
    byte[] list = "- a\n- b\n".getBytes(StandardCharsets.UTF_8);
    Diagnostic d = failure(() -> StrictYaml.parseMapping(list, "l.yaml", YamlLimits.DEFAULT));
    assertEquals(YamlError.ROOT_NOT_MAPPING.id(), d.code());
    assertEquals("1:1", d.line() + ":" + d.column());
    byte[] scalar = "\n  just text\n".getBytes(StandardCharsets.UTF_8);
    d = failure(() -> StrictYaml.parseMapping(scalar, "s.yaml", YamlLimits.DEFAULT));
    assertEquals(YamlError.ROOT_NOT_MAPPING.id(), d.code());
    assertEquals("2:3", d.line() + ":" + d.column());
  }

  @Test
  void loadMapping_returnsMapping(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("node.onex.yaml"), "name: demo\n");
    assertEquals("demo", StrictYaml.loadMapping(file, "node.onex.yaml", YamlLimits.DEFAULT)
        .root().get("name").textValue());
  }

  @Test
  void parse_keepsDecimalTextExact() {
    JsonNode root = parse("a: 0.01\nb: 1.50\nc: 1e3\n").root();
    assertInstanceOf(DecimalNode.class, root.get("a"));
    assertEquals(new BigDecimal("0.01"), root.get("a").decimalValue());
    assertEquals(2, root.get("b").decimalValue().scale());
    assertEquals(new BigDecimal("1e3"), root.get("c").decimalValue());
  }

  @Test
  void parse_sizesIntegerNodes() {
    JsonNode root = parse("i: 2147483647\nl: -2147483649\nb: 9223372036854775808\n").root();
    assertInstanceOf(IntNode.class, root.get("i"));
    assertInstanceOf(LongNode.class, root.get("l"));
    assertInstanceOf(BigIntegerNode.class, root.get("b"));
  }

  @Test
  void parse_keepsHugeExponentAsText() {
    assertEquals("1e99999999999", parse("x: 1e99999999999").root().get("x").textValue());
  }

  @Test
  void parse_neverReadsAliasAsAnchorName() {
    Diagnostic d = parseFailure("a: &x hello\nb: *x\n", YamlLimits.DEFAULT);
    assertEquals(YamlError.ANCHOR.id(), d.code());
    d = parseFailure("b: *x\n", YamlLimits.DEFAULT);
    assertEquals(YamlError.ALIAS.id(), d.code());
    assertEquals("/b", d.field());
  }

  @Test
  void parse_reportsSyntaxErrorAsDiagnosticWithContext() {
    Diagnostic d = parseFailure("a: [1, 2\nb: 3\n", YamlLimits.DEFAULT);
    assertEquals(YamlError.SYNTAX.id(), d.code());
    assertEquals(2, d.line());
    assertTrue(d.message().contains("started at line 1, column 4"), d.message());
  }

  @Test
  void parse_reportsDuplicateWithFirstLine() {
    Diagnostic d = parseFailure("a:\n  b: 1\n  c: 2\n  b: 3\n", YamlLimits.DEFAULT);
    assertEquals(YamlError.DUPLICATE_KEY.id(), d.code());
    assertEquals("4:3", d.line() + ":" + d.column());
    assertEquals("/a/b", d.field());
    assertTrue(d.message().contains("first defined at line 2"), d.message());
  }

  @Test
  void parse_reportsInvalidUtf8AfterMultibyteText() {
    byte[] bytes = {'a', ':', ' ', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF};
    Diagnostic d = failure(() -> StrictYaml.parse(bytes, "u.yaml", YamlLimits.DEFAULT));
    assertEquals(YamlError.INVALID_UTF8.id(), d.code());
    assertEquals("1:5", d.line() + ":" + d.column());
    assertTrue(d.message().contains("0xFF"), d.message());
  }

  @Test
  void parse_tagHintSaysQuote() {
    Diagnostic d = parseFailure("v: !!str 1.0", YamlLimits.DEFAULT);
    assertEquals("remove the tag; quote the value if it must be a string", d.hint());
  }

  @Test
  void parse_returnsSharedNullSingletonForEmptyValue() {
    assertSame(com.fasterxml.jackson.databind.node.NullNode.getInstance(),
        parse("a:\n").root().get("a"));
  }
}
