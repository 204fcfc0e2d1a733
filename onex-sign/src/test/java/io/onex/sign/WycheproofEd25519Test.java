package io.onex.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onex.core.testing.SharedData;
import io.onex.sign.verify.Ed25519Verifier;
import io.onex.sign.verify.VerifyReason;
import io.onex.sign.verify.VerifyResult;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every Wycheproof Ed25519 case: valid ones verify, invalid ones are refused with a reason and
 * never an exception (wrong-length, malleated S, non-canonical encodings, small-order keys).
 */
class WycheproofEd25519Test {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void verify_agreesWithEveryWycheproofCase() throws IOException {
    JsonNode doc = new ObjectMapper().readTree(SharedData.conformance("wycheproof/ed25519_test.json").toFile());
    int cases = 0;
    Map<String, Integer> reasons = new TreeMap<>();
    for (JsonNode g : doc.get("testGroups")) {
      byte[] pk = HEX.parseHex(g.get("publicKey").get("pk").asText());
      for (JsonNode t : g.get("tests")) {
        VerifyResult r = Ed25519Verifier.verify(pk, HEX.parseHex(t.get("msg").asText()), HEX.parseHex(t.get("sig").asText()));
        boolean valid = t.get("result").asText().equals("valid");
        assertEquals(valid, r.ok(), "tcId " + t.get("tcId") + " " + t.get("comment") + " " + t.get("flags") + ": " + r);
        if (!valid) {
          reasons.merge(t.get("flags").get(0).asText() + "->" + r.reason(), 1, Integer::sum);
        }
        cases++;
      }
    }
    assertEquals(151, cases);
    assertTrue(reasons.keySet().stream().anyMatch(k -> k.startsWith("SignatureMalleability->NON_CANONICAL")), reasons.toString());
    assertTrue(reasons.keySet().stream().anyMatch(k -> k.endsWith("->BAD_LENGTH")), reasons.toString());
  }

  @Test
  void checkPublicKey_refusesSmallOrderPoints() {
    byte[] identity = new byte[32];
    identity[0] = 1;
    assertEquals(VerifyReason.SMALL_ORDER_KEY, Ed25519Verifier.checkPublicKey(identity).reason());
    byte[] order8 = HEX.parseHex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a");
    assertEquals(VerifyReason.SMALL_ORDER_KEY, Ed25519Verifier.checkPublicKey(order8).reason());
    byte[] order8Neg = order8.clone();
    order8Neg[31] |= (byte) 0x80;
    assertEquals(VerifyReason.SMALL_ORDER_KEY, Ed25519Verifier.checkPublicKey(order8Neg).reason());
    byte[] nonCanonical = HEX.parseHex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    assertEquals(VerifyReason.NON_CANONICAL_KEY, Ed25519Verifier.checkPublicKey(nonCanonical).reason());
    assertFalse(Ed25519Verifier.verify(identity, new byte[0], new byte[64]).ok());
  }
}
