package io.onex.sign.dsse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.canon.CanonicalJson;
import io.onex.sign.SignError;
import io.onex.sign.internal.Base64s;
import io.onex.sign.internal.Fail;
import io.onex.sign.internal.StrictJson;
import io.onex.sign.key.SigningKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A DSSE envelope (DSSE 1.0.2, JSON encoding): {@code payload} (base64 of the exact payload
 * bytes), {@code payloadType} and a non-empty list of {@code signatures} {@code {keyid?, sig}},
 * each over {@link Pae#encode PAE(payloadType, payload)}.
 *
 * <p>Parsing is strict ({@code docs/formats/signing.md}): UTF-8 JSON of at most
 * {@value #MAX_BYTES} bytes, unique keys, no unknown fields, all three fields present,
 * canonical base64 (standard or URL-safe), at least one and at most {@value #MAX_SIGNATURES}
 * signatures, no empty {@code sig}. Writing gives RFC 8785 canonical JSON and a newline, the
 * standard base64 alphabet with padding. The payload is kept as bytes and never re-serialized.
 * Immutable.
 */
public final class Envelope {
  /** Largest envelope accepted, in bytes. */
  public static final int MAX_BYTES = 16 * 1024 * 1024;
  /** Most signatures accepted in one envelope. */
  public static final int MAX_SIGNATURES = 64;

  private static final Set<String> FIELDS = Set.of("payload", "payloadType", "signatures");
  private static final Set<String> SIGNATURE_FIELDS = Set.of("keyid", "sig");

  private final String payloadType;
  private final byte[] payload;
  private final List<DsseSignature> signatures;

  /**
   * @throws IllegalArgumentException if there are no signatures or more than the limit
   */
  public Envelope(String payloadType, byte[] payload, List<DsseSignature> signatures) {
    this.payloadType = Objects.requireNonNull(payloadType, "payloadType");
    this.payload = Objects.requireNonNull(payload, "payload").clone();
    this.signatures = List.copyOf(signatures);
    if (this.signatures.isEmpty() || this.signatures.size() > MAX_SIGNATURES) {
      throw new IllegalArgumentException("an envelope has 1 to " + MAX_SIGNATURES + " signatures");
    }
  }

  /** Signs {@code payload} with every key (in order), naming each key's id as {@code keyid}. */
  public static Envelope sign(String payloadType, byte[] payload, List<SigningKey> keys) {
    byte[] pae = Pae.encode(payloadType, payload);
    List<DsseSignature> sigs = new ArrayList<>();
    for (SigningKey k : keys) {
      sigs.add(new DsseSignature(Optional.of(k.id().hex()), k.sign(pae)));
    }
    return new Envelope(payloadType, payload, sigs);
  }

  /**
   * Parses an envelope.
   *
   * @param file display name for diagnostics
   * @throws io.onex.core.diag.OnexException {@code ONEX-G030} (not JSON, wrong types, missing
   *     field, too large), {@code G031} (unknown field), {@code G032} (bad base64),
   *     {@code G033} (no signatures), {@code G034} (too many)
   */
  public static Envelope parse(byte[] json, String file) {
    StrictJson in = new StrictJson(file, SignError.ENVELOPE_MALFORMED, SignError.ENVELOPE_UNKNOWN_FIELD);
    JsonNode root = in.parseObject(json, MAX_BYTES);
    in.onlyFields(root, "", FIELDS);
    String type = in.string(root, "", "payloadType");
    byte[] payload = Base64s.decodeDsse(in.string(root, "", "payload"), file, "/payload");
    JsonNode list = in.member(root, "", "signatures", true);
    if (list.isEmpty()) {
      throw Fail.of(SignError.ENVELOPE_NO_SIGNATURES, file, "/signatures", "the signatures list is empty");
    }
    if (list.size() > MAX_SIGNATURES) {
      throw Fail.of(SignError.ENVELOPE_TOO_MANY_SIGNATURES, file, "/signatures",
          "the envelope has " + list.size() + " signatures, more than " + MAX_SIGNATURES);
    }
    List<DsseSignature> sigs = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      sigs.add(signature(in, list.get(i), "/signatures/" + i));
    }
    return new Envelope(type, payload, sigs);
  }

  private static DsseSignature signature(StrictJson in, JsonNode s, String at) {
    in.onlyFields(s, at, SIGNATURE_FIELDS);
    byte[] sig = Base64s.decodeDsse(in.string(s, at, "sig"), in.file(), at + "/sig");
    if (sig.length == 0) {
      throw in.fail(at + "/sig", "the signature is empty");
    }
    Optional<String> keyid = s.has("keyid") ? Optional.of(in.string(s, at, "keyid")) : Optional.empty();
    return new DsseSignature(keyid, sig);
  }

  public String payloadType() {
    return payloadType;
  }

  /** A copy of the exact payload bytes. */
  public byte[] payload() {
    return payload.clone();
  }

  public List<DsseSignature> signatures() {
    return signatures;
  }

  /** The bytes every signature covers. */
  public byte[] pae() {
    return Pae.encode(payloadType, payload);
  }

  /** Canonical JSON (RFC 8785) followed by one newline. */
  public byte[] toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("payload", Base64s.encode(payload));
    o.put("payloadType", payloadType);
    ArrayNode arr = o.putArray("signatures");
    for (DsseSignature s : signatures) {
      ObjectNode e = arr.addObject();
      s.keyid().ifPresent(k -> e.put("keyid", k));
      e.put("sig", Base64s.encode(s.sig()));
    }
    byte[] canon = CanonicalJson.canonicalize(o);
    byte[] out = Arrays.copyOf(canon, canon.length + 1);
    out[canon.length] = '\n';
    return out;
  }
}
