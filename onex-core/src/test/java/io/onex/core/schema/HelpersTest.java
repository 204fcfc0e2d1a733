package io.onex.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.regex.RegularExpression;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small package-private helpers: regex anchoring, suggestions, field paths. */
class HelpersTest {

  @Test
  void strictEnd_rewritesOnlyUnescapedDollarOutsideClasses() {
    assertEquals("^[a-z]+\\z", StrictRegexFactory.strictEnd("^[a-z]+$"));
    assertEquals("^a\\$b[$]\\z", StrictRegexFactory.strictEnd("^a\\$b[$]$"));
    assertEquals("^(x|y\\z)", StrictRegexFactory.strictEnd("^(x|y$)"));
  }

  @Test
  void regex_rejectsTrailingNewlineThatJavaDollarAccepts() {
    RegularExpression re = StrictRegexFactory.INSTANCE.getRegularExpression("^[a-z]+$");
    assertTrue(java.util.regex.Pattern.compile("^[a-z]+$").matcher("abc\n").find(), "the Java trap");
    assertFalse(re.matches("abc\n"));
    assertTrue(re.matches("abc"));
    assertTrue(StrictRegexFactory.INSTANCE.getRegularExpression("b").matches("abc"), "search, not full match");
  }

  @Test
  void nearest_findsTyposOnly() {
    List<String> fields = List.of("lifecycle", "license", "name", "namespace", "tags");
    assertEquals(Optional.of("lifecycle"), Suggestions.nearest("lifecycel", fields));
    assertEquals(Optional.of("lifecycle"), Suggestions.nearest("Lifecycle", fields));
    assertEquals(Optional.of("name"), Suggestions.nearest("nmae", fields));
    assertEquals(Optional.empty(), Suggestions.nearest("trust_score", fields));
    assertEquals(Optional.empty(), Suggestions.nearest("ab", List.of("id")));
  }

  @Test
  void distance_countsSwapAsOneEdit() {
    assertEquals(1, Suggestions.distance("tgas", "tags"));
    assertEquals(1, Suggestions.distance("lifecycel", "lifecycle"));
    assertEquals(3, Suggestions.distance("kitten", "sitting"));
  }

  @Test
  void fieldPath_printsDottedAndPointer() {
    FieldPath p = FieldPath.ROOT.child("tests").child(0).child("input").child("a.b").child("x/y~");
    assertEquals("tests[0].input[\"a.b\"][\"x/y~\"]", p.dotted());
    assertEquals("/tests/0/input/a.b/x~1y~0", p.pointer());
    assertEquals("x/y~", p.lastKey());
    assertEquals("", FieldPath.ROOT.dotted());
    assertEquals("x-extensions.$ref", FieldPath.ROOT.child("x-extensions").child("$ref").dotted());
  }

  @Test
  void offendingKey_skipsListedAndPatternedKeys() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.JsonNode owner = Schemas.tree(SchemaId.NODE_METADATA);
    assertEquals("lifecycel", Keywords.offendingKey(
        json.readTree("{\"name\": 1, \"x-a\": 2, \"lifecycel\": 3}"), owner));
    assertEquals("?", Keywords.offendingKey(json.readTree("{\"name\": 1, \"x-a\": 2}"), owner));
  }
}
