package io.onex.sign.key;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.diag.OnexException;
import io.onex.sign.SignError;
import io.onex.sign.internal.Base64s;
import io.onex.sign.internal.Fail;
import io.onex.sign.internal.StrictJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes the key file formats of {@code docs/formats/signing.md}: the public key JSON
 * ({@value #PUBLIC_FORMAT}), the private key JSON ({@value #PRIVATE_FORMAT}) and PEM
 * SubjectPublicKeyInfo. A {@code key_id} in a file is checked against the id recomputed from
 * the key bytes and never used otherwise.
 */
final class KeyCodec {
  static final String PUBLIC_FORMAT = "onex-public-key-v1";
  static final String PRIVATE_FORMAT = "onex-private-key-v1";
  static final long MAX_FILE_BYTES = 64 * 1024;

  /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), followed by the 32 key bytes. */
  private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
  private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String PEM_END = "-----END PUBLIC KEY-----";
  private static final Set<String> PUBLIC_FIELDS =
      Set.of("format", "algorithm", "public_key", "key_id", "label", "created_at");
  private static final Set<String> PRIVATE_FIELDS =
      Set.of("format", "algorithm", "private_key", "public_key", "key_id", "label", "created_at");

  private KeyCodec() {}

  /** A public key read from a file, with its optional label and creation time. */
  record Parsed(VerifyingKey key, Optional<String> label, Optional<String> createdAt) {}

  /** A private key read from a file. */
  record ParsedPrivate(SigningKey key, Optional<String> label, Optional<String> createdAt) {}

  static byte[] publicJson(VerifyingKey key, Optional<String> label, Optional<String> createdAt) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("format", PUBLIC_FORMAT);
    o.put("algorithm", key.algorithm());
    o.put("public_key", Base64s.encode(key.bytes()));
    o.put("key_id", key.id().hex());
    label.ifPresent(l -> o.put("label", l));
    createdAt.ifPresent(c -> o.put("created_at", c));
    return line(o);
  }

  static byte[] privateJson(SigningKey key, Optional<String> label, Optional<String> createdAt) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("format", PRIVATE_FORMAT);
    o.put("algorithm", VerifyingKey.ED25519);
    o.put("private_key", Base64s.encode(key.seed()));
    o.put("public_key", Base64s.encode(key.publicKey().bytes()));
    o.put("key_id", key.id().hex());
    label.ifPresent(l -> o.put("label", l));
    createdAt.ifPresent(c -> o.put("created_at", c));
    return line(o);
  }

  static String publicPem(VerifyingKey key) {
    ByteArrayOutputStream der = new ByteArrayOutputStream();
    der.writeBytes(SPKI_PREFIX);
    der.writeBytes(key.bytes());
    return PEM_BEGIN + "\n" + Base64s.encode(der.toByteArray()) + "\n" + PEM_END + "\n";
  }

  /** Reads a public key in either form (PEM if the text starts with a PEM header). */
  static Parsed parsePublic(byte[] bytes, String file) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.stripLeading().startsWith("-----BEGIN")) {
      return new Parsed(parsePem(text, file), Optional.empty(), Optional.empty());
    }
    StrictJson json = new StrictJson(file, SignError.KEY_FILE_MALFORMED, SignError.KEY_FILE_MALFORMED);
    JsonNode o = json.parseObject(bytes, MAX_FILE_BYTES);
    json.onlyFields(o, "", PUBLIC_FIELDS);
    requireFormat(json, o, PUBLIC_FORMAT);
    String algorithm = json.nonEmptyString(o, "", "algorithm");
    if (!algorithm.equals(VerifyingKey.ED25519)) {
      throw Fail.of(SignError.UNSUPPORTED_KEY_ALGORITHM, file, "/algorithm",
          "algorithm \"" + algorithm + "\" is not supported");
    }
    VerifyingKey key = located(file, "/public_key",
        () -> VerifyingKey.ed25519(Base64s.decodeStandard(json.string(o, "", "public_key"), file, "/public_key")));
    checkHint(json, o, key);
    return new Parsed(key, optional(json, o, "label"), optional(json, o, "created_at"));
  }

  static ParsedPrivate parsePrivate(byte[] bytes, String file) {
    StrictJson json = new StrictJson(file, SignError.KEY_FILE_MALFORMED, SignError.KEY_FILE_MALFORMED);
    JsonNode o = json.parseObject(bytes, MAX_FILE_BYTES);
    json.onlyFields(o, "", PRIVATE_FIELDS);
    requireFormat(json, o, PRIVATE_FORMAT);
    if (!json.string(o, "", "algorithm").equals(VerifyingKey.ED25519)) {
      throw Fail.of(SignError.UNSUPPORTED_KEY_ALGORITHM, file, "/algorithm", "only ed25519 private keys are supported");
    }
    byte[] seed = Base64s.decodeStandard(json.string(o, "", "private_key"), file, "/private_key");
    if (seed.length != SigningKey.SEED_BYTES) {
      throw json.fail("/private_key", "an Ed25519 private key has 32 bytes, not " + seed.length);
    }
    SigningKey key = SigningKey.fromSeed(seed);
    Arrays.fill(seed, (byte) 0);
    if (o.has("public_key")) {
      byte[] stated = Base64s.decodeStandard(json.string(o, "", "public_key"), file, "/public_key");
      if (!Arrays.equals(stated, key.publicKey().bytes())) {
        throw Fail.of(SignError.KEY_ID_MISMATCH, file, "/public_key",
            "the stated public key is not the one the private key gives");
      }
    }
    checkHint(json, o, key.publicKey());
    return new ParsedPrivate(key, optional(json, o, "label"), optional(json, o, "created_at"));
  }

  private static VerifyingKey parsePem(String text, String file) {
    List<String> lines = text.strip().lines().map(String::strip).toList();
    if (lines.size() < 3 || !lines.get(0).equals(PEM_BEGIN) || !lines.get(lines.size() - 1).equals(PEM_END)) {
      throw Fail.of(SignError.KEY_FILE_MALFORMED, file, "",
          "expected one \"" + PEM_BEGIN + "\" ... \"" + PEM_END + "\" block");
    }
    String body = String.join("", lines.subList(1, lines.size() - 1));
    byte[] der = Base64s.decodeStandard(body, file, "");
    if (der.length != SPKI_PREFIX.length + 32
        || !Arrays.equals(Arrays.copyOf(der, SPKI_PREFIX.length), SPKI_PREFIX)) {
      throw Fail.of(SignError.UNSUPPORTED_KEY_ALGORITHM, file, "",
          "the PEM block is not an Ed25519 SubjectPublicKeyInfo (RFC 8410)");
    }
    return located(file, "", () -> VerifyingKey.ed25519(Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length)));
  }

  private static void requireFormat(StrictJson json, JsonNode o, String format) {
    String stated = json.string(o, "", "format");
    if (!stated.equals(format)) {
      throw json.fail("/format", "format is \"" + stated + "\", expected \"" + format + "\"");
    }
  }

  private static void checkHint(StrictJson json, JsonNode o, VerifyingKey key) {
    if (o.has("key_id")) {
      String hint = json.string(o, "", "key_id");
      if (!hint.equals(key.id().hex())) {
        throw Fail.of(SignError.KEY_ID_MISMATCH, json.file(), "/key_id",
            "the file states key id " + hint + " but the key bytes give " + key.id().hex());
      }
    }
  }

  private static Optional<String> optional(StrictJson json, JsonNode o, String name) {
    return o.has(name) ? Optional.of(json.string(o, "", name)) : Optional.empty();
  }

  /** Runs {@code read} and places any diagnostic it throws at {@code file} and {@code field}. */
  private static VerifyingKey located(String file, String field, java.util.function.Supplier<VerifyingKey> read) {
    try {
      return read.get();
    } catch (OnexException e) {
      var d = e.diagnostics().get(0);
      throw new OnexException(new io.onex.core.diag.Diagnostic(d.code(), d.severity(), file, 0, 0,
          d.field().isEmpty() ? field : d.field(), d.message(), d.hint()));
    }
  }

  private static byte[] line(ObjectNode o) {
    byte[] canon = CanonicalJson.canonicalize(o);
    byte[] out = Arrays.copyOf(canon, canon.length + 1);
    out[canon.length] = '\n';
    return out;
  }
}
