package io.onex.exec.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaValuesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void toJava_givesPlainMutableValuesInDocumentOrder() throws Exception {
    JsonNode tree = JSON.readTree("{\"z\": 1, \"a\": [1, 2.5, \"s\", true, null, {\"k\": 12345678901}], \"big\": 123456789012345678901234567890}");
    Map<String, Object> m = JavaValues.toJava(tree);
    assertEquals(List.of("z", "a", "big"), new ArrayList<>(m.keySet()));
    assertEquals(1, m.get("z"));
    List<?> a = (List<?>) m.get("a");
    assertEquals(Arrays.asList(1, 2.5, "s", true, null), a.subList(0, 5));
    assertEquals(12345678901L, ((Map<?, ?>) a.get(5)).get("k"));
    assertEquals(new BigInteger("123456789012345678901234567890"), m.get("big"));
    m.put("new", "ok");
    assertNotSame(m, JavaValues.toJava(tree));
    assertEquals(3, JavaValues.toJava(tree).size(), "each call is a fresh copy");
  }

  @Test
  void toJava_nonObject_isEmptyMap() throws Exception {
    assertEquals(Map.of(), JavaValues.toJava(JSON.readTree("[1]")));
    assertEquals(Map.of(), JavaValues.toJava(null));
  }

  @Test
  void toJson_roundTripsAndNormalizesNumbers() throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("int", 5L);
    out.put("short", (short) 2);
    out.put("big", BigInteger.valueOf(7));
    out.put("float", 0.1f);
    out.put("decimal", new BigDecimal("1.50"));
    out.put("list", List.of(Map.of("x", "y")));
    out.put("null", null);
    JsonNode json = JavaValues.toJson(out);
    assertEquals(JSON.readTree("{\"int\": 5, \"short\": 2, \"big\": 7, \"float\": 0.1, \"list\": [{\"x\": \"y\"}], \"null\": null}"),
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.deepCopy()).without("decimal"));
    assertEquals("1.50", json.get("decimal").decimalValue().toPlainString());
  }

  @Test
  void toJson_rejectsWhatJsonCannotHold_namingThePath() {
    JavaValues.NotJson e = assertThrows(JavaValues.NotJson.class,
        () -> JavaValues.toJson(Map.of("a b", List.of(1, new StringBuilder("x")))));
    assertTrue(e.getMessage().startsWith("$['a b'][1] is a java.lang.StringBuilder"), e.getMessage());
    assertThrows(JavaValues.NotJson.class, () -> JavaValues.toJson(Map.of("x", Float.POSITIVE_INFINITY)));
    assertThrows(JavaValues.NotJson.class, () -> JavaValues.toJson(Map.of("x", new java.util.concurrent.atomic.AtomicInteger(1))));
    List<Object> selfList = new ArrayList<>();
    selfList.add(selfList);
    assertThrows(JavaValues.NotJson.class, () -> JavaValues.toJson(Map.of("x", selfList)));
  }
}
