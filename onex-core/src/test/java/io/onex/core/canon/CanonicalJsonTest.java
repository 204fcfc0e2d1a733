package io.onex.core.canon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CanonicalJsonTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static Diagnostic failure(Executable call) {
    OnexException e = assertThrows(OnexException.class, call);
    assertEquals(1, e.diagnostics().size());
    return e.diagnostics().get(0);
  }

  @Test
  void canonicalString_escapesOnlyWhatJsonRequires() {
    String all = "\"\\\b\f\n\r\t\u0000\u0001\u001f/\u007f\u0080é€";
    String expected = "\"\\\"\\\\\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f/\u007f\u0080é€\"";
    assertEquals(expected, CanonicalJson.canonicalString(F.textNode(all)));
  }

  @Test
  void canonicalize_writesUtf8IncludingSupplementaryCharacters() {
    byte[] bytes = CanonicalJson.canonicalize(F.textNode("a\uD83D\uDE02é"));
    assertArrayEquals(new byte[] {'"', 'a', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x82,
        (byte) 0xC3, (byte) 0xA9, '"'}, bytes);
  }

  @Test
  void canonicalString_sortsKeysByUtf16CodeUnits() {
    ObjectNode obj = F.objectNode();
    obj.put("\uFB33", 1); // U+FB33: one code unit 0xFB33
    obj.put("\uD83D\uDE02", 2); // U+1F602: code units 0xD83D 0xDE02, so it sorts first
    obj.put("b", 3);
    obj.put("B", 4);
    obj.put("", 5);
    obj.put("\u00e9", 6);
    assertEquals("{\"\":5,\"B\":4,\"b\":3,\"\u00e9\":6,\"\uD83D\uDE02\":2,\"\uFB33\":1}",
        CanonicalJson.canonicalString(obj));
  }

  @Test
  void canonicalString_nestedStructuresSortedAtEveryLevel() {
    String text = "{ \"z\": [ {\"b\": [], \"a\": {}} , [ null, true, false ] ],"
        + " \"a\": { \"y\": { \"d\": \"x\", \"c\": -0.0 }, \"x\": 1.50 } }";
    assertEquals("{\"a\":{\"x\":1.5,\"y\":{\"c\":0,\"d\":\"x\"}},\"z\":[{\"a\":{},\"b\":[]},[null,true,false]]}",
        new String(CanonicalJson.canonicalize(text), StandardCharsets.UTF_8));
  }

  @Test
  void canonicalize_treeAndTextAgree() throws Exception {
    String text = "{\"n\":[1,2.5,1e21,1e-7,-3],\"s\":\"\\u00e9\",\"o\":{\"k\":null}}";
    JsonNode tree = new ObjectMapper().readTree(text);
    assertArrayEquals(CanonicalJson.canonicalize(text), CanonicalJson.canonicalize(tree));
    assertEquals("{\"n\":[1,2.5,1e+21,1e-7,-3],\"o\":{\"k\":null},\"s\":\"\u00e9\"}",
        CanonicalJson.canonicalString(tree));
  }

  @Test
  void canonicalize_integerNodesGoThroughDouble() {
    ArrayNode arr = F.arrayNode();
    arr.add(F.numberNode(42));
    arr.add(F.numberNode(1L << 53));
    arr.add(F.numberNode(-(1L << 53)));
    arr.add(F.numberNode(1_000_000_000_000_000_000L)); // 10^18: beyond 2^53, spelled exactly
    arr.add(F.numberNode(new BigInteger("295147905179352830000")));
    arr.add(F.numberNode(new BigInteger("1" + "0".repeat(21))));
    arr.add(F.numberNode(0.5f));
    assertEquals("[42,9007199254740992,-9007199254740992,1000000000000000000,"
        + "295147905179352830000,1e+21,0.5]", CanonicalJson.canonicalString(arr));
  }

  @Test
  void canonicalize_rejectsIntegersWhoseDigitsWouldChange() {
    long[] longs = {(1L << 53) + 1, -(1L << 53) - 1, 1L << 60, Long.MIN_VALUE, Long.MAX_VALUE};
    for (long v : longs) {
      assertEquals("ONEX-H002", failure(() -> CanonicalJson.canonicalize(F.numberNode(v))).code(),
          Long.toString(v));
    }
    // the exact value of the double that prints as 295147905179352830000
    assertEquals("ONEX-H002", failure(() -> CanonicalJson.canonicalize(
        F.numberNode(new BigInteger("295147905179352825856")))).code());
  }

  @Test
  void canonicalize_decimalNodesGoThroughDouble() {
    ArrayNode arr = F.arrayNode();
    arr.add(F.numberNode(new BigDecimal("0.1")));
    arr.add(F.numberNode(new BigDecimal("4.50")));
    arr.add(F.numberNode(new BigDecimal("333333333.33333329")));
    arr.add(F.numberNode(new BigDecimal("1E+2")));
    arr.add(F.numberNode(new BigDecimal("1E+21")));
    arr.add(F.numberNode(new BigDecimal("1E+30"))); // integral, and "1e+30" spells it exactly
    arr.add(F.numberNode(new BigDecimal("-2.50E-8")));
    assertEquals("[0.1,4.5,333333333.3333333,100,1e+21,1e+30,-2.5e-8]",
        CanonicalJson.canonicalString(arr));
  }

  @Test
  void canonicalize_rejectsInexactIntegerWithQuoteHint() {
    ObjectNode obj = F.objectNode();
    obj.putArray("ids").add(1).add(F.numberNode((1L << 53) + 1));
    Diagnostic d = failure(() -> CanonicalJson.canonicalize(obj));
    assertEquals("ONEX-H002", d.code());
    assertEquals("/ids/1", d.field());
    assertTrue(d.hint().contains("quote it as a string"), d.hint());
  }

  @Test
  void canonicalize_rejectsInexactBigIntegerAndIntegralDecimal() {
    assertEquals("ONEX-H002", failure(() -> CanonicalJson.canonicalize(
        F.numberNode(new BigInteger("9007199254740993")))).code());
    assertEquals("ONEX-H002", failure(() -> CanonicalJson.canonicalize(
        F.numberNode(new BigInteger("1" + "0".repeat(400))))).code());
    assertEquals("ONEX-H002", failure(() -> CanonicalJson.canonicalize(
        F.numberNode(new BigDecimal("9007199254740993.0")))).code());
    assertEquals("ONEX-H002", failure(() -> CanonicalJson.canonicalize(
        F.numberNode(new BigDecimal("1000000000000000019884624838657")))).code());
  }

  @Test
  void canonicalize_rejectsNonFiniteNumbers() {
    ObjectNode obj = F.objectNode();
    obj.putObject("a/b").put("x~", Double.NaN);
    Diagnostic d = failure(() -> CanonicalJson.canonicalize(obj));
    assertEquals("ONEX-H001", d.code());
    assertEquals("/a~1b/x~0", d.field());
    assertEquals("ONEX-H001", failure(() -> CanonicalJson.canonicalize(
        F.numberNode(Double.NEGATIVE_INFINITY))).code());
    assertEquals("ONEX-H001", failure(() -> CanonicalJson.canonicalize(
        F.numberNode(Float.POSITIVE_INFINITY))).code());
    assertEquals("ONEX-H001", failure(() -> CanonicalJson.canonicalize(
        F.numberNode(new BigDecimal("1.5E+400")))).code());
  }

  @Test
  void canonicalize_rejectsLoneSurrogates() {
    for (String bad : new String[] {"\uD800", "a\uDC00", "\uDE02\uD83D", "x\uD83D"}) {
      Diagnostic d = failure(() -> CanonicalJson.canonicalize(F.arrayNode().add(bad)));
      assertEquals("ONEX-H003", d.code(), bad);
      assertEquals("/0", d.field());
    }
    ObjectNode key = F.objectNode();
    key.put("ok\uDC00", 1);
    assertEquals("ONEX-H003", failure(() -> CanonicalJson.canonicalize(key)).code());
    assertEquals("ONEX-H003", failure(() -> CanonicalJson.canonicalize("[\"\\ud800\"]")).code());
  }

  @Test
  void canonicalize_rejectsNonJsonNodes() {
    Diagnostic d = failure(() -> CanonicalJson.canonicalize(F.arrayNode().add(F.binaryNode(new byte[] {1}))));
    assertEquals("ONEX-H006", d.code());
    assertEquals("ONEX-H006", failure(() -> CanonicalJson.canonicalize(F.pojoNode(new Object()))).code());
  }

  @Test
  void canonicalize_capsNesting() {
    String ok = "[".repeat(CanonicalWriter.MAX_DEPTH) + "]".repeat(CanonicalWriter.MAX_DEPTH);
    assertEquals(2 * CanonicalWriter.MAX_DEPTH, CanonicalJson.canonicalize(ok).length);
    String deep = "[".repeat(CanonicalWriter.MAX_DEPTH + 1) + "]".repeat(CanonicalWriter.MAX_DEPTH + 1);
    assertEquals("ONEX-H005", failure(() -> CanonicalJson.canonicalize(deep)).code());
    ArrayNode tree = F.arrayNode();
    ArrayNode inner = tree;
    for (int i = 0; i < CanonicalWriter.MAX_DEPTH; i++) {
      inner = inner.addArray();
    }
    assertEquals("ONEX-H005", failure(() -> CanonicalJson.canonicalize(tree)).code());
  }

  @Test
  void canonicalizeText_rejectsInvalidJsonWithPosition() {
    Diagnostic dup = failure(() -> CanonicalJson.canonicalize("{\"a\":1,\n \"a\":2}"));
    assertEquals("ONEX-H004", dup.code());
    assertEquals(2, dup.line());
    Diagnostic syntax = failure(() -> CanonicalJson.canonicalize("{\"a\": tru}"));
    assertEquals("ONEX-H004", syntax.code());
    assertEquals(1, syntax.line());
    assertEquals("ONEX-H004", failure(() -> CanonicalJson.canonicalize("[1] [2]")).code());
    assertEquals("ONEX-H004", failure(() -> CanonicalJson.canonicalize("")).code());
    assertEquals("ONEX-H004", failure(() -> CanonicalJson.canonicalize("[NaN]")).code());
  }

  @Test
  void canonicalizeText_readsNumbersAsDoubles() {
    assertEquals("[1e+30,0.002,1e-27,9007199254740992,0,0]", new String(CanonicalJson.canonicalize(
        "[1E30, 2e-3, 0.000000000000000000000000001, 9007199254740992, -0, -0.0]"),
        StandardCharsets.UTF_8));
    assertEquals("ONEX-H002", failure(() -> CanonicalJson.canonicalize("[9007199254740993]")).code());
    assertEquals("[295147905179352830000]", new String(
        CanonicalJson.canonicalize("[295147905179352830000]"), StandardCharsets.UTF_8));
    assertEquals("ONEX-H001", failure(() -> CanonicalJson.canonicalize("{\"x\":1e400}")).code());
  }

  @Test
  void numberToString_followsEs6Layout() {
    assertEquals("100000000000000000000", CanonicalJson.numberToString(1e20));
    assertEquals("1e+21", CanonicalJson.numberToString(1e21));
    assertEquals("0.000001", CanonicalJson.numberToString(1e-6));
    assertEquals("1e-7", CanonicalJson.numberToString(1e-7));
    assertEquals("1.5e-7", CanonicalJson.numberToString(1.5e-7));
    assertEquals("123.456", CanonicalJson.numberToString(123.456));
    assertEquals("-0.01", CanonicalJson.numberToString(-0.01));
    assertEquals("0", CanonicalJson.numberToString(-0.0));
    assertEquals("2.2250738585072014e-308", CanonicalJson.numberToString(Double.MIN_NORMAL));
  }

  @Test
  void numberToString_shortDecimalsComeBackAsWritten() {
    // Any decimal of at most 15 significant digits in the normal range is the shortest form
    // of its double (DBL_DIG), so the output must be that decimal again; longer ones must at
    // least round-trip and not grow.
    java.util.SplittableRandom r = new java.util.SplittableRandom(2025);
    for (int i = 0; i < 20_000; i++) {
      int k = 1 + r.nextInt(17);
      StringBuilder digits = new StringBuilder().append(1 + r.nextInt(9));
      for (int j = 1; j < k; j++) {
        digits.append(r.nextInt(10));
      }
      String text = digits + "e" + r.nextInt(-290, 290);
      double d = Double.parseDouble(text);
      String out = CanonicalJson.numberToString(d);
      assertEquals(d, Double.parseDouble(out), text);
      BigDecimal written = new BigDecimal(text).stripTrailingZeros();
      if (written.precision() <= 15) {
        assertEquals(0, written.compareTo(new BigDecimal(out)), text + " -> " + out);
      } else {
        assertTrue(new BigDecimal(out).stripTrailingZeros().precision() <= written.precision(), text);
      }
    }
  }
}
