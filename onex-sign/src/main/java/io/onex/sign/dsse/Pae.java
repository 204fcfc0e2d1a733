package io.onex.sign.dsse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * DSSE pre-authentication encoding (DSSE protocol 1.0.2), the exact bytes that are signed:
 * {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, where SP is one 0x20 byte,
 * {@code type} is the payload type as UTF-8, {@code body} the raw payload bytes and LEN the
 * byte length in ASCII decimal without leading zeros.
 */
public final class Pae {
  private static final byte[] PREFIX = "DSSEv1 ".getBytes(StandardCharsets.US_ASCII);

  private Pae() {}

  public static byte[] encode(String payloadType, byte[] payload) {
    Objects.requireNonNull(payloadType, "payloadType");
    Objects.requireNonNull(payload, "payload");
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + type.length + 32);
    out.writeBytes(PREFIX);
    out.writeBytes(Integer.toString(type.length).getBytes(StandardCharsets.US_ASCII));
    out.write(' ');
    out.writeBytes(type);
    out.write(' ');
    out.writeBytes(Integer.toString(payload.length).getBytes(StandardCharsets.US_ASCII));
    out.write(' ');
    out.writeBytes(payload);
    return out.toByteArray();
  }
}
