package io.onex.core.hash;

import static io.onex.core.hash.NodeDirs.golden;
import static io.onex.core.hash.NodeDirs.metadata;
import static io.onex.core.hash.NodeDirs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.hash.NodeFiles.Entry;
import io.onex.core.hash.NodeFiles.Mode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class HashLockTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /**
   * The hash of {@link NodeDirs#golden}. Computed once by this implementation and
   * cross-checked by hand with the independent Python reference script of
   * {@code docs/formats/hash-lock.md} ({@code python3 hashlock.py <dir>} on the same layout:
   * same files, {@code chmod 755 bin/run.sh}, {@code ln -s src/main.py latest}), which printed
   * the same value. If this changes, the hash-lock format changed: that needs a new
   * {@link HashLock#VERSION}, not a new constant here.
   */
  private static final String GOLDEN_HASH =
      "10620a424e695228f51b54475ddca773fc2c45242d17577dab9223768c2caacb";

  private static String hash(Path dir) throws IOException {
    return HashLock.compute(metadata(dir), NodeFiles.ofDirectory(dir));
  }

  private static Diagnostic failure(Executable call) {
    OnexException e = assertThrows(OnexException.class, call);
    return e.diagnostics().get(0);
  }

  private static Entry entry(String path, String content) {
    return NodeFiles.entry(path, Mode.REGULAR, content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void compute_matchesGoldenHash(@TempDir Path dir) throws IOException {
    assertEquals(GOLDEN_HASH, hash(golden(dir)));
  }

  @Test
  void preimage_hasDocumentedShape(@TempDir Path dir) throws IOException {
    golden(dir);
    byte[] pre = HashLock.preimage(metadata(dir), NodeFiles.ofDirectory(dir));
    JsonNode tree = new ObjectMapper().readTree(pre);

    assertEquals("onex-hashlock-1", tree.get("version").asText());
    assertEquals(3, tree.size());
    JsonNode meta = tree.get("metadata");
    assertTrue(meta.has("name") && !meta.has("hash") && !meta.has("last_modified_at"));
    List<String> records = new ArrayList<>();
    for (JsonNode f : tree.get("files")) {
      records.add(f.get("path").asText() + " " + f.get("mode").asText() + " " + f.get("sha256").asText());
    }
    assertEquals(List.of(
        "README.md 100644 " + Sha256.hex("# Golden\n".getBytes(StandardCharsets.UTF_8)),
        "bin/run.sh 100755 " + Sha256.hex("#!/bin/sh\nexec python3 src/main.py\n".getBytes(StandardCharsets.UTF_8)),
        "data/\u00e9t\u00e9.txt 100644 " + Sha256.hex("accent\n".getBytes(StandardCharsets.UTF_8)),
        "latest 120000 " + Sha256.hex("src/main.py".getBytes(StandardCharsets.UTF_8)),
        "src/main.py 100644 " + Sha256.hex("print('hello')\n".getBytes(StandardCharsets.UTF_8))),
        records);
    // the pre-image is its own canonical form, and the hash is its SHA-256
    assertEquals(new String(pre, StandardCharsets.UTF_8), CanonicalJson.canonicalString(tree));
    assertEquals(Sha256.hex(pre), HashLock.compute(metadata(dir), NodeFiles.ofDirectory(dir)));
  }

  @Test
  void compute_stableAcrossIdenticalDirectories(@TempDir Path a, @TempDir Path b) throws IOException {
    assertEquals(hash(golden(a)), hash(golden(b)));
  }

  @Test
  void compute_changesWhenOneCodeByteChanges(@TempDir Path dir) throws IOException {
    String before = hash(golden(dir));
    write(dir, "src/main.py", "print('hellp')\n");
    assertNotEquals(before, hash(dir));
  }

  @Test
  void compute_ignoresHashSignatureAndLastModified(@TempDir Path dir) throws IOException {
    golden(dir);
    NodeFiles files = NodeFiles.ofDirectory(dir);
    String before = HashLock.compute(metadata(dir), files);
    ObjectNode m = metadata(dir);
    m.put("hash", "ffff");
    m.put("last_modified_at", "2030-01-01T00:00:00Z");
    m.putObject("signature_block").put("signature", "abc").put("key_id", "k1");
    assertEquals(before, HashLock.compute(m, files));
    m.remove(List.of("hash", "last_modified_at", "signature_block"));
    assertEquals(before, HashLock.compute(m, files));
  }

  @Test
  void compute_changesWhenAnyOtherMetadataFieldChanges(@TempDir Path dir) throws IOException {
    golden(dir);
    NodeFiles files = NodeFiles.ofDirectory(dir);
    String before = HashLock.compute(metadata(dir), files);
    List<ObjectNode> variants = new ArrayList<>();
    variants.add(metadata(dir).put("description", "other"));
    variants.add(metadata(dir).put("created_at", "2025-01-01T00:00:01Z"));
    variants.add(metadata(dir).put("cost_per_1k_tokens", 0.02));
    variants.add(metadata(dir).put("x-extra", "new field"));
    ObjectNode nested = metadata(dir);
    ((ObjectNode) nested.get("entrypoint")).put("target", "src/other.py");
    variants.add(nested);
    ObjectNode nestedHash = metadata(dir);
    ((ObjectNode) nestedHash.get("limits")).put("hash", "x"); // only top-level hash is excluded
    variants.add(nestedHash);
    ObjectNode removed = metadata(dir);
    removed.remove("tags");
    variants.add(removed);
    for (ObjectNode v : variants) {
      assertNotEquals(before, HashLock.compute(v, files), v.toString());
    }
  }

  @Test
  void compute_changesWhenFileBecomesExecutable(@TempDir Path dir) throws IOException {
    String before = hash(golden(dir));
    Files.setPosixFilePermissions(dir.resolve("src/main.py"), PosixFilePermissions.fromString("rwxr--r--"));
    assertNotEquals(before, hash(dir));
  }

  @Test
  void compute_ignoresGroupAndOtherExecuteBits(@TempDir Path dir) throws IOException {
    String before = hash(golden(dir));
    Files.setPosixFilePermissions(dir.resolve("src/main.py"), PosixFilePermissions.fromString("rw-r-xr-x"));
    assertEquals(before, hash(dir));
  }

  @Test
  void compute_excludesNestedNodeCachesAndGit(@TempDir Path dir) throws IOException {
    String before = hash(golden(dir));
    write(dir, "nested/more.py", "x = 1\n");
    write(dir, "nested/deeper/data.txt", "data\n");
    write(dir, "src/__pycache__/a.cpython-311.pyc", "x");
    write(dir, "lib/mod.pyc", "x");
    write(dir, ".git/HEAD", "ref: refs/heads/main\n");
    write(dir, "sub/.git", "gitdir: ../.git/modules/sub\n");
    write(dir, "node.onex.yaml", NodeDirs.GOLDEN_YAML + "# a comment\n");
    assertEquals(before, hash(dir));
    assertEquals(List.of("README.md", "bin/run.sh", "data/\u00e9t\u00e9.txt", "latest", "src/main.py"),
        sortedPaths(NodeFiles.ofDirectory(dir)));
  }

  @Test
  void compute_countsSubdirectoryOnceItsNestedMetadataIsGone(@TempDir Path dir) throws IOException {
    String before = hash(golden(dir));
    Files.delete(dir.resolve("nested/node.onex.yaml"));
    assertNotEquals(before, hash(dir));
    assertTrue(sortedPaths(NodeFiles.ofDirectory(dir)).contains("nested/code.py"));
  }

  @Test
  void compute_recordsSymlinkAsLinkText(@TempDir Path dir) throws IOException {
    String before = hash(golden(dir));
    Entry link = NodeFiles.ofDirectory(dir).entries().stream()
        .filter(e -> e.path().equals("latest")).findFirst().orElseThrow();
    assertEquals(Mode.SYMLINK, link.mode());
    try (InputStream in = link.open()) {
      assertEquals("src/main.py", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    Files.delete(dir.resolve("latest"));
    Files.createSymbolicLink(dir.resolve("latest"), Path.of("./src/main.py"));
    assertNotEquals(before, hash(dir));
  }

  @Test
  void compute_recordsDanglingAndDirectoryLinksWithoutFollowing(@TempDir Path dir) throws IOException {
    golden(dir);
    Files.createSymbolicLink(dir.resolve("dangling"), Path.of("no/such/file"));
    Files.createSymbolicLink(dir.resolve("srclink"), Path.of("src"));
    List<String> paths = sortedPaths(NodeFiles.ofDirectory(dir));
    assertTrue(paths.contains("dangling") && paths.contains("srclink"), paths.toString());
    assertTrue(!paths.contains("srclink/main.py"), paths.toString());
    hash(dir);
  }

  @Test
  void compute_doesNotNormalizeUnicodePaths(@TempDir Path nfc, @TempDir Path nfd) throws IOException {
    write(nfc, "node.onex.yaml", "name: n\n");
    write(nfd, "node.onex.yaml", "name: n\n");
    write(nfc, "caf\u00e9.txt", "x");
    write(nfd, "cafe\u0301.txt", "x");
    assertNotEquals(hash(nfc), hash(nfd));
  }

  @Test
  void compute_independentOfListingOrder() {
    List<Entry> entries = new ArrayList<>(List.of(
        entry("b.txt", "b"), entry("a/z.txt", "z"), entry("a.txt", "a"), entry("a-b.txt", "ab"),
        entry("\uFB33.txt", "dalet"), entry("\uD83D\uDE02.txt", "smile"), entry("Z.txt", "Z")));
    ObjectNode meta = F.objectNode().put("name", "n");
    String forward = HashLock.compute(meta, NodeFiles.of("mem", entries));
    Collections.reverse(entries);
    assertEquals(forward, HashLock.compute(meta, NodeFiles.of("mem", entries)));
    Collections.shuffle(entries, new java.util.Random(3));
    assertEquals(forward, HashLock.compute(meta, NodeFiles.of("mem", entries)));
  }

  @Test
  void preimage_sortsPathsAsUtf8Bytes() throws IOException {
    List<Entry> entries = List.of(entry("\uFB33", "1"), entry("\uD83D\uDE02", "2"), entry("a/b", "3"),
        entry("a.b", "4"), entry("a-b", "5"), entry("B", "6"));
    byte[] pre = HashLock.preimage(F.objectNode(), NodeFiles.of("mem", entries));
    ArrayNode files = (ArrayNode) new ObjectMapper().readTree(pre).get("files");
    List<String> order = new ArrayList<>();
    files.forEach(f -> order.add(f.get("path").asText()));
    // UTF-8 order: '-' < '.' < '/' and U+FB33 (EF AC B3) before U+1F602 (F0 9F 98 82),
    // the reverse of UTF-16 order
    assertEquals(List.of("B", "a-b", "a.b", "a/b", "\uFB33", "\uD83D\uDE02"), order);
  }

  @Test
  void preimage_appliesExclusionsToAnyListing() {
    ObjectNode meta = F.objectNode().put("name", "n");
    String plain = HashLock.compute(meta, NodeFiles.of("mem", List.of(entry("main.py", "x"))));
    String noisy = HashLock.compute(meta, NodeFiles.of("mem", List.of(entry("main.py", "x"),
        entry("node.onex.yaml", "name: n"), entry("sub/node.onex.yaml", "name: s"),
        entry("sub/code.py", "y"), entry("__pycache__/m.pyc", "z"), entry("a.pyc", "z"),
        entry(".git/config", "c"))));
    assertEquals(plain, noisy);
  }

  @Test
  void preimage_rejectsUnsafePaths() {
    for (String bad : new String[] {"../x", "a/../b", "a/..", "/abs", "a\\b", "", "a//b", "./a", "a/", "a\u0000b"}) {
      Diagnostic d = failure(() -> HashLock.preimage(F.objectNode(),
          NodeFiles.of("mem", List.of(entry("ok.txt", "x"), entry(bad, "y")))));
      assertEquals("ONEX-H010", d.code(), bad);
    }
    Diagnostic surrogate = failure(() -> HashLock.preimage(F.objectNode(),
        NodeFiles.of("mem", List.of(entry("bad\uD800", "y")))));
    assertEquals("ONEX-H015", surrogate.code());
  }

  @Test
  void preimage_rejectsDuplicatePaths() {
    Diagnostic d = failure(() -> HashLock.preimage(F.objectNode(),
        NodeFiles.of("mem", List.of(entry("a.txt", "x"), entry("b.txt", "y"), entry("a.txt", "z")))));
    assertEquals("ONEX-H014", d.code());
    assertEquals("mem/a.txt", d.file());
  }

  @Test
  void preimage_rejectsMetadataThatIsNotAMapping() {
    NodeFiles none = NodeFiles.of("nodes/x", List.of());
    Diagnostic d = failure(() -> HashLock.preimage(F.arrayNode().add(1), none));
    assertEquals("ONEX-H013", d.code());
    assertEquals("nodes/x/node.onex.yaml", d.file());
    assertEquals("ONEX-H013", failure(() -> HashLock.preimage(F.textNode("x"), none)).code());
    assertEquals("ONEX-H013", failure(() -> HashLock.preimage(null, none)).code());
  }

  @Test
  void preimage_pointsMetadataValueErrorsAtTheField() {
    ObjectNode meta = F.objectNode().put("name", "n");
    meta.putObject("limits").put("temperature", Double.NaN);
    Diagnostic d = failure(() -> HashLock.preimage(meta, NodeFiles.of("nodes/x", List.of())));
    assertEquals("ONEX-H001", d.code());
    assertEquals("/limits/temperature", d.field());
    assertEquals("nodes/x/node.onex.yaml", d.file());
    ObjectNode big = F.objectNode().put("max_bytes", Long.MAX_VALUE);
    Diagnostic b = failure(() -> HashLock.preimage(big, NodeFiles.of("nodes/x", List.of())));
    assertEquals("ONEX-H002", b.code());
    assertEquals("/max_bytes", b.field());
  }

  @Test
  void preimage_readFailureIsDiagnostic() {
    Entry unreadable = new Entry() {
      @Override
      public String path() {
        return "gone.txt";
      }

      @Override
      public Mode mode() {
        return Mode.REGULAR;
      }

      @Override
      public InputStream open() throws IOException {
        throw new java.nio.file.NoSuchFileException("gone.txt");
      }
    };
    Diagnostic d = failure(() -> HashLock.preimage(F.objectNode(), NodeFiles.of("nodes/x", List.of(unreadable))));
    assertEquals("ONEX-H011", d.code());
    assertEquals("nodes/x/gone.txt", d.file());
  }

  @Test
  void ofDirectory_rejectsMissingOrFile(@TempDir Path dir) throws IOException {
    assertEquals("ONEX-H012", failure(() -> NodeFiles.ofDirectory(dir.resolve("absent"))).code());
    write(dir, "file.txt", "x");
    assertEquals("ONEX-H012", failure(() -> NodeFiles.ofDirectory(dir.resolve("file.txt"))).code());
  }

  @Test
  void ofDirectory_fileRemovedAfterScanIsDiagnostic(@TempDir Path dir) throws IOException {
    golden(dir);
    NodeFiles files = NodeFiles.ofDirectory(dir);
    Files.delete(dir.resolve("README.md"));
    Diagnostic d = failure(() -> HashLock.compute(metadata(dir), files));
    assertEquals("ONEX-H011", d.code());
    assertTrue(d.file().endsWith("README.md"), d.file());
  }

  @Test
  void modeFromGit_acceptsOnlyNodeModes() {
    assertEquals(Mode.EXECUTABLE, Mode.fromGit("100755").orElseThrow());
    assertEquals(Mode.SYMLINK, Mode.fromGit("120000").orElseThrow());
    assertTrue(Mode.fromGit("160000").isEmpty());
  }

  private static List<String> sortedPaths(NodeFiles files) {
    List<String> paths = new ArrayList<>();
    files.entries().forEach(e -> paths.add(e.path()));
    Collections.sort(paths);
    return paths;
  }
}
