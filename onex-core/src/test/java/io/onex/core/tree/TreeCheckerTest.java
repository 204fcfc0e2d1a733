package io.onex.core.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TreeCheckerTest {
  private static final String TREE = String.join("\n",
      "name: .",
      "type: directory",
      "children:",
      "- name: a",
      "  type: directory",
      "  children:",
      "  - name: node.onex.yaml",
      "    type: file",
      "  - name: README.md",
      "    type: file",
      "- name: gone",
      "  type: directory",
      "  children:",
      "  - name: node.onex.yaml",
      "    type: file",
      "");

  private static TreeIndex tree() {
    return TreeFiles.parse(TREE.getBytes(StandardCharsets.UTF_8), ".tree");
  }

  @Test
  void check_emptyWhenTreeAndDiskAgree() {
    assertEquals(List.of(), TreeChecker.check(tree(), Set.of("a/node.onex.yaml", "gone/node.onex.yaml")));
  }

  @Test
  void check_reportsNodeMissingFromTree() {
    List<Diagnostic> d = TreeChecker.check(tree(),
        Set.of("a/node.onex.yaml", "gone/node.onex.yaml", "new/node.onex.yaml"));
    assertEquals(1, d.size());
    assertEquals("ONEX-T017", d.get(0).code());
    assertEquals("run: onex tree", d.get(0).hint());
    assertEquals(".tree", d.get(0).file());
    assertTrue(d.get(0).message().contains("new/node.onex.yaml"));
  }

  @Test
  void check_reportsTreeEntryWithoutNode() {
    List<Diagnostic> d = TreeChecker.check(tree(), Set.of("a/node.onex.yaml"));
    assertEquals(1, d.size());
    assertEquals("ONEX-T018", d.get(0).code());
    assertTrue(d.get(0).message().contains("gone/node.onex.yaml"));
  }

  @Test
  void check_ignoresOtherListedFiles() {
    // README.md is listed but is no node metadata: never reported
    List<Diagnostic> d = TreeChecker.check(tree(), Set.of("a/node.onex.yaml", "gone/node.onex.yaml"));
    assertEquals(List.of(), d);
  }

  @Test
  void check_treatsDirectoryNamedLikeMetadataAsMissing() {
    TreeIndex index = new TreeIndex(".tree", TreeEntry.directory(".", List.of(
        TreeEntry.directory("node.onex.yaml", List.of()))));
    List<Diagnostic> d = TreeChecker.check(index, Set.of("node.onex.yaml"));
    assertEquals("ONEX-T017", d.get(0).code());
  }

  @Test
  void check_reportsBadPaths() {
    List<Diagnostic> d = TreeChecker.check(tree(), Set.of("a/node.onex.yaml", "gone/node.onex.yaml",
        "/abs/node.onex.yaml", "x/../node.onex.yaml", "a/other.yaml"));
    assertEquals(List.of("ONEX-T019", "ONEX-T019", "ONEX-T019"),
        d.stream().map(Diagnostic::code).collect(Collectors.toList()));
  }

  @Test
  void check_ordersByPath() {
    List<Diagnostic> d = TreeChecker.check(tree(), Set.of("z/node.onex.yaml", "b/node.onex.yaml",
        "m/node.onex.yaml"));
    List<String> order = d.stream().map(Diagnostic::message).map(m -> m.replaceAll(".*'([^']*)'.*", "$1"))
        .collect(Collectors.toList());
    assertEquals(List.of("a/node.onex.yaml", "b/node.onex.yaml", "gone/node.onex.yaml",
        "m/node.onex.yaml", "z/node.onex.yaml"), order);
  }
}
