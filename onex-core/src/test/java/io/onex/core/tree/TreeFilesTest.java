package io.onex.core.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.testing.SharedData;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeFilesTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void read_reportsMissingFile(@TempDir Path dir) {
    OnexException e = assertThrows(OnexException.class, () -> TreeFiles.read(dir.resolve(".tree"), ".tree"));
    assertEquals("ONEX-T001", e.diagnostics().get(0).code());
    assertTrue(e.diagnostics().get(0).message().contains("does not exist"));
  }

  @Test
  void read_rejectsOversizedFileBeforeParsing(@TempDir Path dir) throws IOException {
    Path big = dir.resolve(".tree");
    Files.write(big, new byte[(int) YamlLimits.DEFAULT.maxBytes() + 1]);
    OnexException e = assertThrows(OnexException.class, () -> TreeFiles.read(big, ".tree"));
    assertEquals("ONEX-T001", e.diagnostics().get(0).code());
  }

  @Test
  void read_loadsEntriesInFileOrder(@TempDir Path dir) throws IOException {
    Path file = dir.resolve(".tree");
    Files.writeString(file, "name: .\ntype: directory\nchildren:\n- name: b\n  type: file\n"
        + "- name: a\n  type: directory\n  children: []\n");
    TreeIndex index = TreeFiles.read(file, ".tree");
    assertEquals(".tree", index.file());
    assertEquals(List.of("b", "a"), index.root().children().stream().map(TreeEntry::name).toList());
    assertEquals(List.of("b"), index.filePaths());
    assertTrue(index.find("a").orElseThrow().isDirectory());
    assertTrue(index.find("a/x").isEmpty());
  }

  @Test
  void check_reportsEveryProblemAtOnce() {
    List<Diagnostic> d = TreeFiles.check(utf8("name: .\ntype: directory\nchildren:\n"
        + "- name: ..\n  type: file\n- name: x\n  type: dir\n- name: y\n  type: file\n  size: -1\n"
        + "- name: y\n  type: file\n  colour: red\n"), ".tree");
    assertEquals(List.of("ONEX-T006", "ONEX-T008", "ONEX-T012", "ONEX-T014", "ONEX-T015"),
        d.stream().map(Diagnostic::code).sorted().toList());
  }

  @Test
  void check_emptyListForValidTree() {
    assertEquals(List.of(), TreeFiles.check(utf8("name: .\ntype: directory\nchildren: []\n"), ".tree"));
  }

  @Test
  void parse_reportsNullDocument() {
    OnexException e = assertThrows(OnexException.class, () -> TreeFiles.parse(utf8("null\n"), ".tree"));
    // the strict loader refuses a document whose only content is null before the tree rules run
    assertEquals("ONEX-Y014", e.diagnostics().get(0).code());
  }

  @Test
  void parse_reportsSyntaxErrorWithoutStackTrace() {
    OnexException e = assertThrows(OnexException.class,
        () -> TreeFiles.parse(utf8("name: [unclosed\ntype: directory\n"), ".tree"));
    Diagnostic d = e.diagnostics().get(0);
    assertTrue(d.code().equals("ONEX-T002") || d.code().startsWith("ONEX-Y"), d.format());
    assertEquals(".tree", d.file());
  }

  @Test
  void parse_rejectsStampedTree() {
    OnexException e = assertThrows(OnexException.class, () -> TreeFiles.parse(utf8(
        "# === OmniNode:Metadata ===\n# name: x\n# === /OmniNode:Metadata ===\n"
            + "name: .\ntype: directory\nchildren: []\n"), ".tree"));
    assertEquals("ONEX-T013", e.diagnostics().get(0).code());
    assertEquals(1, e.diagnostics().get(0).line());
  }

  @Test
  void parse_reportsLinesOfStructuralProblems() throws IOException {
    Path file = SharedData.conformance(TreeReferenceTest.CASES + "invalid/invalid_type_value.tree");
    byte[] bytes = Files.readAllBytes(file);
    assumeTrue(StrictYaml.parse(bytes, "x", YamlLimits.DEFAULT).locationOf("/name").line() > 0,
        "the YAML loader in this build records no source locations");
    Diagnostic d = TreeFiles.check(bytes, "t.tree").get(0);
    assertEquals("ONEX-T006", d.code());
    assertEquals(11, d.line());
    assertEquals("/children/0/children/0/children/0/type", d.field());
  }

  @Test
  void parse_rejectsTreeDeeperThanLimit() {
    StringBuilder sb = new StringBuilder("name: .\ntype: directory\nchildren:\n");
    String indent = "";
    for (int i = 0; i <= 15; i++) {
      sb.append(indent).append("- name: d").append(i).append('\n');
      sb.append(indent).append("  type: directory\n").append(indent).append("  children:\n");
      indent += "  ";
    }
    sb.append(indent).append("- name: node.onex.yaml\n").append(indent).append("  type: file\n");
    OnexException e = assertThrows(OnexException.class, () -> TreeFiles.parse(utf8(sb.toString()), ".tree"));
    String code = e.diagnostics().get(0).code();
    // the strict YAML loader may stop it first, by its own depth cap
    assertTrue(code.equals("ONEX-T016") || code.startsWith("ONEX-Y"), e.getMessage());
  }
}
