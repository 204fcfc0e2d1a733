package io.onex.core.uri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionConstraintTest {

  @ParameterizedTest
  @ValueSource(strings = {
    ">=abc", "^", "1..0", ">>1.0", "1.0.0.0", "~", ">=", "1.", ".1", "1.0.0-", "1.0.0+",
    "1.0.0-beta..1", "1.0.0-01", "x.1", "1.x.1", "^*", "<x", "* - 2.0.0", "1.0.0 - x",
    "1.0.0 - 2.0.0 - 3.0.0", ">=1.0.0 - 2.0.0", "1.0.0 ||", "|| 1.0.0", "1.0.0 | 2.0.0",
    "1.0.0  -2.0.0", "-1.0.0", "1.0.0\t<2.0.0", "latest", "1.0.0 <2.0.0,", "\u00b9.0.0",
    "==1.0.0", "=>1.0.0", "~>1.2", "1.2.3-beta_1", "2147483648.0.0"
  })
  void parse_rejectsMalformedSpec(String spec) {
    OnexException e = assertThrows(OnexException.class, () -> VersionConstraint.parse(spec));
    assertEquals(1, e.diagnostics().size());
    assertEquals("ONEX-U006", e.diagnostics().get(0).code(), e.diagnostics().get(0).message());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "   "})
  void parse_rejectsEmptySpec(String spec) {
    OnexException e = assertThrows(OnexException.class, () -> VersionConstraint.parse(spec));
    assertEquals("ONEX-U005", e.diagnostics().get(0).code());
  }

  @Test
  void parse_rejectsNullAsEmpty() {
    OnexException e = assertThrows(OnexException.class, () -> VersionConstraint.parse(null));
    assertEquals("ONEX-U005", e.diagnostics().get(0).code());
  }

  @Test
  void parse_rejectsOverlongSpec() {
    String spec = ">=1.0.0 ".repeat(40).trim();
    OnexException e = assertThrows(OnexException.class, () -> VersionConstraint.parse(spec));
    assertEquals("ONEX-U008", e.diagnostics().get(0).code());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "1.0.0", ">=0.2.0", "<2.0.0", "^1.0", "~1.2", ">=1.0.0 <2.0.0", "1.0.0 || 2.0.0",
    "1.0.0 - 2.0.0", "*", "x", "X", "x.x.x", "1.x", "1.2.X", "1.*", "=1.0.0", "<=1.2", ">1",
    "^0.0.1", "~1.2.3-beta.2", "1.0.0-alpha.1+build.5", ">=1.0.0  <2.0.0", "1 - 2",
    "^1.0 || ~2.3 || >=5.0.0 <6", "0.0.0", "999999999.999999999.999999999"
  })
  void parse_acceptsValidSpecAndKeepsText(String spec) {
    VersionConstraint c = VersionConstraint.parse(spec);
    assertEquals(spec, c.toString());
    assertEquals(spec, c.text());
  }

  @Test
  void satisfiedBy_followsNpmSemantics() {
    assertTrue(VersionConstraint.parse("^1.0").satisfiedBy("1.9.9"));
    assertFalse(VersionConstraint.parse("^1.0").satisfiedBy("2.0.0"));
    assertTrue(VersionConstraint.parse("~1.2").satisfiedBy("1.2.7"));
    assertFalse(VersionConstraint.parse("~1.2").satisfiedBy("1.3.0"));
    assertTrue(VersionConstraint.parse("x").satisfiedBy("4.5.6"));
    assertTrue(VersionConstraint.parse("X").satisfiedBy("0.0.0"));
    assertTrue(VersionConstraint.parse("x.x").satisfiedBy("3.0.0"));
    assertFalse(VersionConstraint.parse("*").satisfiedBy("1.0.0-rc.1"));
    assertFalse(VersionConstraint.parse(">=1.0.0").satisfiedBy("1.1.0-rc.1"));
    assertTrue(VersionConstraint.parse(">=1.1.0-rc.0").satisfiedBy("1.1.0-rc.1"));
    assertTrue(VersionConstraint.parse("1.0.0 - 2.0.0").satisfiedBy("2.0.0"));
    assertFalse(VersionConstraint.parse("1.0.0 - 2.0.0").satisfiedBy("2.0.1"));
    assertTrue(VersionConstraint.parse(">=1.0.0 <2.0.0 || 3.0.0").satisfiedBy("3.0.0"));
    assertFalse(VersionConstraint.parse(">=1.0.0 <2.0.0 || 3.0.0").satisfiedBy("2.5.0"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "v1.0.0", " 1.0.0", "1.0.0 ", "01.0.0", "1.0.0-01", "1.0.0-a..b",
      "1.0.0+", "1.0.1234567890", "", "1.0.0-1234567890"})
  void satisfiedBy_rejectsInvalidVersion(String version) {
    VersionConstraint c = VersionConstraint.parse("*");
    OnexException e = assertThrows(OnexException.class, () -> c.satisfiedBy(version));
    assertEquals("ONEX-U007", e.diagnostics().get(0).code());
    assertFalse(VersionConstraint.isValidVersion(version));
  }

  @Test
  void checkVersion_placesDiagnostic() {
    List<Diagnostic> d = VersionConstraint.checkVersion("1.0", "n/node.onex.yaml", 4, 10, "version");
    assertEquals(1, d.size());
    assertEquals("n/node.onex.yaml", d.get(0).file());
    assertEquals(4, d.get(0).line());
    assertEquals("version", d.get(0).field());
    assertEquals(List.of(), VersionConstraint.checkVersion("1.0.0-rc.1+b", "f", 1, 1, "version"));
  }

  @Test
  void check_reportsPositionOfProblem() {
    List<Diagnostic> d = VersionConstraint.check(">=1.0.0 <2.0.0.1", "f.yaml", 3, 7, "deps");
    assertEquals(1, d.size());
    assertTrue(d.get(0).message().contains("position 15"), d.get(0).message());
    assertEquals(3, d.get(0).line());
    assertEquals(7, d.get(0).column());
  }

  @Test
  void equals_isByText() {
    assertEquals(VersionConstraint.parse("^1.0"), VersionConstraint.parse("^1.0"));
    assertFalse(VersionConstraint.parse("^1.0").equals(VersionConstraint.parse("^1.0.0")));
  }
}
