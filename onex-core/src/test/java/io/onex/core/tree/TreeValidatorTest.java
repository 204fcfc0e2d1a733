package io.onex.core.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.onex.core.diag.Diagnostic;
import io.onex.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Positions of structural problems, on a document that carries source locations. */
class TreeValidatorTest {

  private static List<Diagnostic> validate(String text) {
    List<Diagnostic> problems = new ArrayList<>();
    assertNull(new TreeValidator(LocatedYaml.parse(text, "t.tree"), problems).root());
    return problems;
  }

  @Test
  void root_reportsLineAndFieldOfInvalidType() throws IOException {
    String text = Files.readString(SharedData.conformance(
        TreeReferenceTest.CASES + "invalid/invalid_type_value.tree"));
    Diagnostic d = validate(text).get(0);
    assertEquals("ONEX-T006", d.code());
    assertEquals(11, d.line());
    assertEquals(13, d.column());
    assertEquals("/children/0/children/0/children/0/type", d.field());
    assertEquals("t.tree", d.file());
  }

  @Test
  void root_reportsMissingKeyAtTheEntry() throws IOException {
    String text = Files.readString(SharedData.conformance(
        TreeReferenceTest.CASES + "invalid/invalid_directory_missing_children.tree"));
    Diagnostic d = validate(text).get(0);
    assertEquals("ONEX-T010", d.code());
    assertEquals(7, d.line(), d.format());
    assertEquals("/children/0/children/0", d.field());
  }

  @Test
  void root_reportsDuplicateAtSecondOccurrenceNamingTheFirst() {
    List<Diagnostic> d = validate("name: .\ntype: directory\nchildren:\n- name: a\n  type: file\n"
        + "- name: a\n  type: file\n");
    assertEquals(1, d.size());
    assertEquals("ONEX-T012", d.get(0).code());
    assertEquals(6, d.get(0).line());
    assertEquals("'a' appears twice (entries 0 and 1 of (root), first at line 4)", d.get(0).message());
  }

  @Test
  void root_reportsUnknownKeyAtTheKey() {
    List<Diagnostic> d = validate("name: .\ntype: directory\nchildren:\n- name: a\n  type: file\n  sha: x\n");
    assertEquals("ONEX-T014", d.get(0).code());
    assertEquals(6, d.get(0).line());
    assertEquals(3, d.get(0).column());
    assertEquals("/children/0/sha", d.get(0).field());
  }
}
