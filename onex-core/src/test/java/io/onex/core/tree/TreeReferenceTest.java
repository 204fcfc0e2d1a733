package io.onex.core.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The reference implementation's own valid and invalid {@code .tree} cases, and its real files. */
class TreeReferenceTest {
  static final String CASES = "omnibase/tree/src/omnibase/validate/validate_tests/directory_tree/test_case/";

  /** The codes each reference invalid case must produce (base name, without .json). */
  static final Map<String, Set<String>> EXPECTED = Map.of(
      "invalid_directory_missing_children", Set.of("ONEX-T010"),
      "invalid_file_with_children", Set.of("ONEX-T009"),
      "invalid_missing_type", Set.of("ONEX-T005"),
      "invalid_nonlist_children", Set.of("ONEX-T011"),
      "invalid_nonstring_name", Set.of("ONEX-T007"),
      "invalid_root_not_directory", Set.of("ONEX-T004"),
      "invalid_type_value", Set.of("ONEX-T006"),
      "invalid_with_metadata_block", Set.of("ONEX-T005", "ONEX-T009"));

  static Stream<Path> valid() throws IOException {
    return list("valid");
  }

  static Stream<Path> invalid() throws IOException {
    return list("invalid");
  }

  private static Stream<Path> list(String dir) throws IOException {
    List<Path> files = Files.list(SharedData.conformance(CASES + dir)).sorted().collect(Collectors.toList());
    assertFalse(files.isEmpty(), "no reference cases in " + dir);
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void read_acceptsReferenceValidCase(Path file) {
    TreeIndex index = TreeFiles.read(file, file.getFileName().toString());
    assertEquals(TreeEntry.Type.DIRECTORY, index.root().type());
    assertEquals("root", index.root().name());
    assertFalse(index.root().children().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void read_rejectsReferenceInvalidCaseWithTreeCode(Path file) {
    String name = file.getFileName().toString();
    OnexException e = assertThrows(OnexException.class, () -> TreeFiles.read(file, name));
    Set<String> codes = e.diagnostics().stream().map(Diagnostic::code).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(EXPECTED.get(name.replaceFirst("\\.tree(\\.json)?$", "")), codes, e.getMessage());
    for (Diagnostic d : e.diagnostics()) {
      assertEquals(name, d.file());
      assertFalse(d.hint().isEmpty());
    }
  }

  @Test
  void read_everyExpectedCaseExists() throws IOException {
    Set<String> names = invalid().map(p -> p.getFileName().toString().replaceFirst("\\.tree(\\.json)?$", ""))
        .collect(Collectors.toSet());
    assertEquals(EXPECTED.keySet(), names);
  }

  @Test
  void read_yamlAndJsonFormsAgree() {
    Path dir = SharedData.conformance(CASES + "valid");
    TreeIndex yaml = TreeFiles.read(dir.resolve("valid_basic.tree"));
    TreeIndex json = TreeFiles.read(dir.resolve("valid_basic.tree.json"));
    assertEquals(yaml.filePaths(), json.filePaths());
    assertEquals(List.of("src/nodes/validator.check.namegen/code.py",
        "src/nodes/validator.check.namegen/metadata.yaml",
        "src/nodes/validator.check.namegen/test.py"), yaml.filePaths());
  }

  @ParameterizedTest
  @ValueSource(strings = {"omnibase/tree/.onextree", "omnibase/tree/src/.onextree",
      "omnibase/tree/src/omnibase/.onextree"})
  void read_acceptsRealOnextreeFiles(String relative) {
    TreeIndex index = TreeFiles.read(SharedData.conformance(relative), ".onextree");
    assertTrue(index.filePaths().size() > 100, "files: " + index.filePaths().size());
    assertTrue(index.filePaths().stream().anyMatch(p -> p.endsWith("/node.onex.yaml")));
  }
}
