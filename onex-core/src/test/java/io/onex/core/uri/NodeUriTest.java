package io.onex.core.uri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeUriTest {

  @Test
  void parse_splitsParts() {
    NodeUri uri = NodeUri.parse("validator://acme.lint.yaml@>=1.0.0 <2.0.0");
    assertEquals(UriType.VALIDATOR, uri.type());
    assertEquals("acme.lint.yaml", uri.namespace());
    assertEquals(">=1.0.0 <2.0.0", uri.version().text());
    assertEquals("validator://acme.lint.yaml@>=1.0.0 <2.0.0", uri.toString());
  }

  @Test
  void parse_acceptsEveryType() {
    for (UriType t : UriType.values()) {
      NodeUri uri = NodeUri.parse(t.id() + "://a.b@1.0.0");
      assertEquals(t, uri.type());
      assertEquals(t.id() + "://a.b@1.0.0", uri.toString());
    }
  }

  @Test
  void parse_throwsOnexExceptionWithOneDiagnostic() {
    OnexException e = assertThrows(OnexException.class, () -> NodeUri.parse("tool:/acme@1.0.0"));
    assertEquals(1, e.diagnostics().size());
    assertEquals("ONEX-U001", e.diagnostics().get(0).code());
    assertFalse(e.diagnostics().get(0).hint().isEmpty());
  }

  @Test
  void parse_rejectsNullAndEmpty() {
    assertEquals("ONEX-U001", assertThrows(OnexException.class, () -> NodeUri.parse(null))
        .diagnostics().get(0).code());
    assertEquals("ONEX-U001", assertThrows(OnexException.class, () -> NodeUri.parse(""))
        .diagnostics().get(0).code());
  }

  @Test
  void parse_rejectsOverlongUri() {
    String uri = "tool://" + "a".repeat(600) + "@1.0.0";
    assertEquals("ONEX-U008", assertThrows(OnexException.class, () -> NodeUri.parse(uri))
        .diagnostics().get(0).code());
  }

  @Test
  void parse_versionProblemNamesTheUri() {
    List<Diagnostic> d = NodeUri.check("tool://acme.x@^", "a/node.onex.yaml", 12, 5, "dependencies[0]");
    assertEquals(1, d.size());
    assertEquals("ONEX-U006", d.get(0).code());
    assertTrue(d.get(0).message().startsWith("in 'tool://acme.x@^': "), d.get(0).message());
    assertEquals("a/node.onex.yaml", d.get(0).file());
    assertEquals(12, d.get(0).line());
    assertEquals("dependencies[0]", d.get(0).field());
  }

  @Test
  void parse_firstAtSeparatesVersion() {
    List<Diagnostic> d = NodeUri.check("tool://acme.x@1.0.0@2", "", 0, 0, "");
    assertEquals("ONEX-U006", d.get(0).code());
  }

  @Test
  void isValidNamespace_enforcesDottedLowercase() {
    assertTrue(NodeUri.isValidNamespace("acme.text_2.upper"));
    assertFalse(NodeUri.isValidNamespace("acme."));
    assertFalse(NodeUri.isValidNamespace("_acme"));
    assertFalse(NodeUri.isValidNamespace(null));
  }

  @Test
  void equals_comparesParts() {
    assertEquals(NodeUri.parse("tool://a.b@^1.0"), NodeUri.parse("tool://a.b@^1.0"));
    assertFalse(NodeUri.parse("tool://a.b@^1.0").equals(NodeUri.parse("node://a.b@^1.0")));
  }
}
