package io.onex.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.hash.Sha256;
import io.onex.core.record.ExecutionRecord;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CacheHitTest {
  private static final ExecutionRecord M1 = StoreTest.mixed().get(0);

  @Test
  void seal_roundTripsEveryField_andNamesTheRecord() {
    CacheHit h = CacheHit.of(M1);
    assertEquals(new CacheHit(M1.cacheKey(), "m1", "success", M1.node().id(), "1.0.0", M1.traceHash(),
        M1.outputHash(), Optional.of(0), Optional.of(Instant.parse(M1.startedAt()))), h);
    assertEquals(Optional.of(h), CacheHit.unseal(M1.cacheKey(), h.seal()));
    CacheHit bare = new CacheHit(M1.cacheKey(), "ü-id", "success", "a.b", "2", M1.traceHash(), Optional.empty(),
        Optional.empty(), Optional.empty());
    assertEquals(Optional.of(bare), CacheHit.unseal(M1.cacheKey(), bare.seal()));
  }

  @Test
  void unseal_anyFlippedBitOrOtherKeyOrTruncation_isEmpty() {
    byte[] sealed = CacheHit.of(M1).seal();
    for (int i = 0; i < sealed.length * 8; i++) {
      byte[] b = sealed.clone();
      b[i / 8] ^= (byte) (1 << (i % 8));
      assertEquals(Optional.empty(), CacheHit.unseal(M1.cacheKey(), b), "bit " + i);
    }
    assertEquals(Optional.empty(), CacheHit.unseal(TestRecords.hash("other"), sealed));
    assertEquals(Optional.empty(), CacheHit.unseal(M1.cacheKey(), java.util.Arrays.copyOf(sealed, sealed.length - 1)));
    assertEquals(Optional.empty(), CacheHit.unseal("XYZ", sealed));
  }

  @Test
  void keyBytes_onlyLowercaseHex64() {
    String k = M1.cacheKey();
    assertEquals(k, CacheHit.keyHex(CacheHit.keyBytes(k)));
    assertEquals(32, CacheHit.keyBytes(k).length);
    assertNull(CacheHit.keyBytes(k.toUpperCase(java.util.Locale.ROOT)));
    assertNull(CacheHit.keyBytes(k.substring(1)));
  }

  @Test
  void recentWindow_handWrittenJsonEqualsCanonicalJsonOfTheSameArray() {
    RecentWindow w = new RecentWindow();
    w.add(0, "plain");
    w.add(1234567890123L, "quote\"back\\slash\nnl\u0001ctl-é");
    var a = JsonNodeFactory.instance.arrayNode();
    a.addArray().add(0).add("plain");
    a.addArray().add(1234567890123L).add("quote\"back\\slash\nnl\u0001ctl-é");
    assertEquals(CanonicalJson.canonicalString(a), w.toJson());
    var o = JsonNodeFactory.instance.objectNode();
    o.put("log_position", 99L);
    o.set("recent", a);
    assertEquals(Sha256.hex(CanonicalJson.canonicalize(o)), w.digest(99));
    assertEquals(w.toJson(), RecentWindow.parse(w.toJson()).toJson());
    RecentWindow plain = new RecentWindow();
    plain.add(5, "a");
    plain.add(77, "b-c");
    assertEquals(plain.toJson(), RecentWindow.parse("[[5,\"a\"],[77,\"b-c\"]]").toJson());
    for (String bad : new String[] {"[[5,\"a\"]", "[[5,\"a\"],]", "[[x,\"a\"]]", "[[5, \"a\"]]", "{}", "[[5,\"a\"]]x"}) {
      assertTrue(throwsIllegalState(bad), bad);
    }
  }

  @Test
  void storeLockUtc_equalsInstantToString() {
    for (String t : new String[] {"2026-01-01T00:00:00Z", "2026-11-23T12:25:50.123Z", "1999-12-31T23:59:59.000001Z",
        "2000-02-29T01:02:03.000000007Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"}) {
      Instant i = Instant.parse(t);
      assertEquals(i.toString(), StoreLock.utc(i));
    }
    Instant far = Instant.parse("+12000-01-01T00:00:00Z");
    assertEquals(far.toString(), StoreLock.utc(far));
  }

  private static boolean throwsIllegalState(String json) {
    try {
      RecentWindow.parse(json);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }
}
