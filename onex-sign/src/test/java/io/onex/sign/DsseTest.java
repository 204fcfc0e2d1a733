package io.onex.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onex.core.diag.OnexException;
import io.onex.core.testing.SharedData;
import io.onex.sign.dsse.DsseReason;
import io.onex.sign.dsse.DsseResult;
import io.onex.sign.dsse.DsseVerifier;
import io.onex.sign.dsse.Envelope;
import io.onex.sign.dsse.Pae;
import io.onex.sign.key.SigningKey;
import io.onex.sign.key.TrustedKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DsseTest {
  private static final SigningKey A = SigningKey.fromSeed(new byte[32]);
  private static final SigningKey B = SigningKey.fromSeed(filled(7));

  private static byte[] filled(int v) {
    byte[] b = new byte[32];
    java.util.Arrays.fill(b, (byte) v);
    return b;
  }

  @Test
  void pae_matchesTheSpecificationVector() throws IOException {
    JsonNode v = new ObjectMapper().readTree(SharedData.conformance("dsse/pae_example.json").toFile());
    byte[] pae = Pae.encode(v.get("payloadType").asText(), v.get("payload").asText().getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(v.get("pae").asText().getBytes(StandardCharsets.UTF_8), pae);
  }

  @Test
  void parse_roundTripsAndKeepsExactPayloadBytes() {
    byte[] payload = "{\"b\":1, \"a\":2}".getBytes(StandardCharsets.UTF_8);
    Envelope e = Envelope.sign("application/x-test", payload, List.of(A, B));
    Envelope back = Envelope.parse(e.toJson(), "e.json");
    assertArrayEquals(payload, back.payload());
    assertTrue(DsseVerifier.verify(back, "application/x-test", TrustedKeys.of(A.publicKey(), B.publicKey()), 2).ok());
  }

  @Test
  void verify_countsEachKeyOnceWhateverTheKeyids() {
    Envelope e = Envelope.sign("t", new byte[] {1}, List.of(A, A));
    DsseResult r = DsseVerifier.verify(e, "t", TrustedKeys.of(A.publicKey(), B.publicKey()), 2);
    assertEquals(DsseReason.THRESHOLD_NOT_MET, r.reason());
    assertEquals(1, r.counted().size());
  }

  @Test
  void verify_refusesThresholdOutsideKeyCount() {
    Envelope e = Envelope.sign("t", new byte[] {1}, List.of(A));
    assertEquals(DsseReason.INVALID_THRESHOLD, DsseVerifier.verify(e, "t", TrustedKeys.of(A.publicKey()), 0).reason());
    assertEquals(DsseReason.INVALID_THRESHOLD, DsseVerifier.verify(e, "t", TrustedKeys.of(A.publicKey()), 2).reason());
  }

  @Test
  void parse_refusesUnknownFieldsAndBadBase64() {
    OnexException unknown = assertThrows(OnexException.class, () -> Envelope.parse(
        "{\"payload\":\"AA==\",\"payloadType\":\"t\",\"signatures\":[{\"sig\":\"AA==\"}],\"x\":1}".getBytes(StandardCharsets.UTF_8), "e"));
    assertEquals(SignError.ENVELOPE_UNKNOWN_FIELD.id(), unknown.diagnostics().get(0).code());
    OnexException b64 = assertThrows(OnexException.class, () -> Envelope.parse(
        "{\"payload\":\"A A=\",\"payloadType\":\"t\",\"signatures\":[{\"sig\":\"AA==\"}]}".getBytes(StandardCharsets.UTF_8), "e"));
    assertEquals(SignError.BAD_BASE64.id(), b64.diagnostics().get(0).code());
    OnexException dup = assertThrows(OnexException.class, () -> Envelope.parse(
        "{\"payload\":\"AA==\",\"payload\":\"AA==\",\"payloadType\":\"t\",\"signatures\":[{\"sig\":\"AA==\"}]}".getBytes(StandardCharsets.UTF_8), "e"));
    assertEquals(SignError.ENVELOPE_MALFORMED.id(), dup.diagnostics().get(0).code());
  }
}
