package io.onex.core.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.OnexException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeGeneratorTest {

  @TempDir Path root;

  private List<Path> nodes(String... rel) {
    List<Path> out = new ArrayList<>();
    for (String r : rel) {
      out.add(root.resolve(r));
    }
    return out;
  }

  @Test
  void generate_writesCanonicalText() {
    String text = TreeGenerator.generate(root, nodes("tools/upper/node.onex.yaml", "node.onex.yaml",
        "tools/lower/v1/node.onex.yaml"));
    assertEquals(String.join("\n",
        "name: .",
        "type: directory",
        "children:",
        "- name: node.onex.yaml",
        "  type: file",
        "- name: tools",
        "  type: directory",
        "  children:",
        "  - name: lower",
        "    type: directory",
        "    children:",
        "    - name: v1",
        "      type: directory",
        "      children:",
        "      - name: node.onex.yaml",
        "        type: file",
        "  - name: upper",
        "    type: directory",
        "    children:",
        "    - name: node.onex.yaml",
        "      type: file",
        ""), text);
  }

  @Test
  void generate_emptyRootHasEmptyChildren() {
    assertEquals("name: .\ntype: directory\nchildren: []\n", TreeGenerator.generate(root, List.of()));
  }

  @Test
  void generate_isByteIdenticalForAnyInputOrder() {
    List<Path> files = nodes("b/node.onex.yaml", "a/x/node.onex.yaml", "a/node.onex.yaml",
        "B/node.onex.yaml", "a/y/z/node.onex.yaml", "_/node.onex.yaml");
    String first = TreeGenerator.generate(root, files);
    Random random = new Random(42);
    for (int i = 0; i < 20; i++) {
      List<Path> shuffled = new ArrayList<>(files);
      Collections.shuffle(shuffled, random);
      shuffled.add(shuffled.get(0));
      assertEquals(first, TreeGenerator.generate(root, shuffled));
    }
    assertTrue(first.endsWith("\n"));
    assertFalse(first.contains("\r"));
  }

  @Test
  void generate_sortsChildrenByUtf8ByteOrder() {
    // UTF-16 order would put U+FF21 after U+1F600's surrogates; byte order puts it first
    String text = TreeGenerator.generate(root, nodes("b/node.onex.yaml", "\uff21/node.onex.yaml",
        "\ud83d\ude00/node.onex.yaml", "B/node.onex.yaml", "a/node.onex.yaml", "_/node.onex.yaml"));
    List<String> names = TreeFiles.parse(text.getBytes(StandardCharsets.UTF_8), ".tree").root().children()
        .stream().map(TreeEntry::name).collect(Collectors.toList());
    assertEquals(List.of("B", "_", "a", "b", "\uff21", "\ud83d\ude00"), names);
  }

  @Test
  void generate_quotesNamesThatYamlWouldRetype() {
    List<String> awkward = List.of("123", "1.0", "true", "No", "null", "~", "-x", "a: b", "#c",
        "with space", "quote\"d", "tab\tname", "caf\u00e9", ".5", ".inf", "...", "0x1F", "[x]", "*star",
        "&anchor", "!tag", "%pct", "@at", "`tick", "'single'", "y", ".onexignore", "v1_0_0");
    List<Path> files = new ArrayList<>();
    for (String name : awkward) {
      files.add(root.resolve(name).resolve("node.onex.yaml"));
    }
    String text = TreeGenerator.generate(root, files);
    TreeIndex index = TreeFiles.parse(text.getBytes(StandardCharsets.UTF_8), ".tree");
    List<String> expected = awkward.stream().map(n -> n + "/node.onex.yaml").sorted(Names.BYTE_ORDER)
        .collect(Collectors.toList());
    assertEquals(expected, index.filePaths());
    assertTrue(text.contains("- name: .onexignore\n"), text);
    assertTrue(text.contains("- name: v1_0_0\n"), text);
    assertTrue(text.contains("- name: \"123\"\n"), text);
  }

  @Test
  void generate_acceptsRelativePathsResolvedLikeRoot() {
    Path cwd = Path.of("").toAbsolutePath();
    Path relRoot = cwd.relativize(root);
    String text = TreeGenerator.generate(relRoot, List.of(relRoot.resolve("a/node.onex.yaml"),
        root.resolve("b/node.onex.yaml")));
    assertEquals(List.of("a/node.onex.yaml", "b/node.onex.yaml"),
        TreeFiles.parse(text.getBytes(StandardCharsets.UTF_8), ".tree").filePaths());
  }

  @Test
  void generate_rejectsPathOutsideRoot() {
    OnexException e = assertThrows(OnexException.class,
        () -> TreeGenerator.generate(root, List.of(root.resolve("../elsewhere/node.onex.yaml"))));
    assertEquals("ONEX-T019", e.diagnostics().get(0).code());
  }

  @Test
  void generate_rejectsOtherFiles() {
    OnexException e = assertThrows(OnexException.class,
        () -> TreeGenerator.generate(root, nodes("a/node.onex.yml", "b/node.onex.yaml/extra")));
    assertEquals(2, e.diagnostics().size());
    assertEquals("ONEX-T019", e.diagnostics().get(0).code());
    assertEquals("ONEX-T019", e.diagnostics().get(1).code());
  }

  @Test
  void generate_rejectsBackslashInName() {
    OnexException e = assertThrows(OnexException.class,
        () -> TreeGenerator.generate(root, nodes("a\\b/node.onex.yaml")));
    assertEquals("ONEX-T019", e.diagnostics().get(0).code());
  }

  @Test
  void generate_rejectsFileAndDirectoryWithSameName() {
    OnexException e = assertThrows(OnexException.class, () -> TreeGenerator.generate(root,
        nodes("a/node.onex.yaml", "a/node.onex.yaml/node.onex.yaml")));
    assertEquals("ONEX-T020", e.diagnostics().get(0).code());
    OnexException reversed = assertThrows(OnexException.class, () -> TreeGenerator.generate(root,
        nodes("a/node.onex.yaml/node.onex.yaml", "a/node.onex.yaml")));
    assertEquals("ONEX-T020", reversed.diagnostics().get(0).code());
  }

  @Test
  void generate_acceptsMaximumDepthAndRejectsDeeper() {
    String fifteen = "d/".repeat(Names.MAX_DEPTH - 1) + "node.onex.yaml";
    String text = TreeGenerator.generate(root, nodes(fifteen));
    assertEquals(List.of(fifteen), TreeFiles.parse(text.getBytes(StandardCharsets.UTF_8), ".tree").filePaths());
    OnexException e = assertThrows(OnexException.class,
        () -> TreeGenerator.generate(root, nodes("d/" + fifteen)));
    assertEquals("ONEX-T016", e.diagnostics().get(0).code());
  }

  @Test
  void generate_outputPassesChecker() {
    String text = TreeGenerator.generate(root, nodes("x/node.onex.yaml", "y/z/node.onex.yaml"));
    TreeIndex index = TreeFiles.parse(text.getBytes(StandardCharsets.UTF_8), ".tree");
    assertEquals(List.of(), TreeChecker.check(index,
        java.util.Set.of("x/node.onex.yaml", "y/z/node.onex.yaml")));
  }
}
