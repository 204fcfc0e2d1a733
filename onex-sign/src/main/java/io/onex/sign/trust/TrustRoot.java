package io.onex.sign.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.diag.OnexException;
import io.onex.sign.SignError;
import io.onex.sign.internal.Base64s;
import io.onex.sign.internal.Fail;
import io.onex.sign.internal.StrictJson;
import io.onex.sign.key.KeyId;
import io.onex.sign.key.TrustedKeys;
import io.onex.sign.key.VerifyingKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One version of the trust root ({@code docs/formats/trust-root.md}): the payload of a DSSE
 * envelope of type {@value #PAYLOAD_TYPE}, RFC 8785 canonical JSON.
 *
 * <p>Invariants checked by {@link #parse}: the payload bytes are exactly their canonical form;
 * every key entry's id is the SHA-256 of its key bytes (the map key is checked, never believed);
 * all three roles are present, name only listed keys and have a threshold from 1 to their key
 * count. Keys of an unknown algorithm may be listed; they never verify, so never count toward a
 * threshold. Immutable.
 */
public final class TrustRoot {
  /** DSSE payload type of a trust root version. */
  public static final String PAYLOAD_TYPE = "application/vnd.onex.root+json;version=1";
  /** Value of the {@code format} field. */
  public static final String FORMAT = "onex.root/1";

  private static final Set<String> FIELDS = Set.of("format", "registry", "version", "expires", "keys", "roles", "revoked");

  private final String registry;
  private final long version;
  private final Instant expires;
  private final Map<KeyId, VerifyingKey> keys;
  private final Map<Role, RoleKeys> roles;
  private final Map<KeyId, Revocation> revoked;

  /**
   * @throws OnexException {@code ONEX-G078} for a role naming an unlisted key, {@code G037} for
   *     a bad threshold
   */
  public TrustRoot(String registry, long version, Instant expires, List<VerifyingKey> keys,
      Map<Role, RoleKeys> roles, List<Revocation> revoked) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.version = version;
    this.expires = Objects.requireNonNull(expires, "expires");
    TreeMap<KeyId, VerifyingKey> k = new TreeMap<>();
    keys.forEach(v -> k.put(v.id(), v));
    this.keys = k;
    this.roles = new EnumMap<>(roles);
    TreeMap<KeyId, Revocation> r = new TreeMap<>();
    revoked.forEach(v -> r.put(v.keyId(), v));
    this.revoked = r;
    check("");
  }

  private void check(String file) {
    for (Role role : Role.values()) {
      RoleKeys rk = roles.get(role);
      if (rk == null) {
        throw Fail.of(SignError.ROOT_MALFORMED, file, "/roles/" + role.id(), "the root has no role \"" + role.id() + "\"");
      }
      for (KeyId id : rk.keys()) {
        if (!keys.containsKey(id)) {
          throw Fail.of(SignError.ROOT_UNKNOWN_KEY, file, "/roles/" + role.id() + "/keys",
              "role \"" + role.id() + "\" names key " + id + ", which the root does not list under keys");
        }
      }
      if (rk.threshold() < 1 || rk.threshold() > rk.keys().size()) {
        throw Fail.of(SignError.INVALID_THRESHOLD, file, "/roles/" + role.id() + "/threshold",
            "role \"" + role.id() + "\" has threshold " + rk.threshold() + " for " + rk.keys().size() + " keys");
      }
    }
  }

  public String registry() {
    return registry;
  }

  public long version() {
    return version;
  }

  public Instant expires() {
    return expires;
  }

  public Map<KeyId, VerifyingKey> keys() {
    return Map.copyOf(keys);
  }

  public RoleKeys role(Role role) {
    return roles.get(role);
  }

  public Map<KeyId, Revocation> revoked() {
    return Map.copyOf(revoked);
  }

  /** The role's keys that are not revoked. */
  public TrustedKeys keysFor(Role role) {
    return keysFor(role, -1);
  }

  /**
   * The role's keys that may sign release {@code sequence}: the unrevoked ones, and the revoked
   * ones whose checkpoint is at least {@code sequence} ({@code -1}: unrevoked only).
   */
  public TrustedKeys keysFor(Role role, long sequence) {
    List<VerifyingKey> out = new ArrayList<>();
    for (KeyId id : roles.get(role).keys()) {
      Revocation r = revoked.get(id);
      if (r == null || (sequence > 0 && sequence <= r.checkpoint())) {
        out.add(keys.get(id));
      }
    }
    return TrustedKeys.of(out);
  }

  /** Every key of the role, revoked or not (to tell "revoked" from "unknown"). */
  public TrustedKeys allKeysFor(Role role) {
    return TrustedKeys.of(roles.get(role).keys().stream().map(keys::get).toList());
  }

  public int threshold(Role role) {
    return roles.get(role).threshold();
  }

  /** Whether the root has expired at {@code now} (expiry instant included). */
  public boolean isExpired(Instant now) {
    return !now.isBefore(expires);
  }

  /** The canonical payload bytes (RFC 8785, no newline). */
  public byte[] toPayload() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("format", FORMAT);
    o.put("registry", registry);
    o.put("version", version);
    o.put("expires", expires.toString());
    ObjectNode ks = o.putObject("keys");
    keys.forEach((id, k) -> ks.putObject(id.hex()).put("algorithm", k.algorithm()).put("public_key", Base64s.encode(k.bytes())));
    ObjectNode rs = o.putObject("roles");
    roles.forEach((role, rk) -> {
      ObjectNode r = rs.putObject(role.id());
      rk.keys().forEach(id -> r.withArray("keys").add(id.hex()));
      if (rk.keys().isEmpty()) {
        r.putArray("keys");
      }
      r.put("threshold", rk.threshold());
    });
    var rev = o.putArray("revoked");
    revoked.values().forEach(r -> rev.addObject().put("key_id", r.keyId().hex()).put("checkpoint", r.checkpoint()).put("reason", r.reason()));
    return CanonicalJson.canonicalize(o);
  }

  /**
   * Parses and checks a root payload.
   *
   * @throws OnexException {@code ONEX-G071} (malformed), {@code G072} (not canonical),
   *     {@code G005} (key id does not match), {@code G078}, {@code G037}, key codes
   */
  public static TrustRoot parse(byte[] payload, String file) {
    StrictJson in = new StrictJson(file, SignError.ROOT_MALFORMED, SignError.ROOT_MALFORMED);
    JsonNode o = in.parseObject(payload, 1024 * 1024);
    in.onlyFields(o, "", FIELDS);
    if (!FORMAT.equals(in.string(o, "", "format"))) {
      throw in.fail("/format", "format must be \"" + FORMAT + "\"");
    }
    String registry = in.nonEmptyString(o, "", "registry");
    long version = in.integer(o, "", "version", 1);
    Instant expires = instant(in, in.string(o, "", "expires"), "/expires");
    List<VerifyingKey> keys = keys(in, in.member(o, "", "keys", false));
    Map<Role, RoleKeys> roles = roles(in, in.member(o, "", "roles", false));
    List<Revocation> revoked = revocations(in, in.member(o, "", "revoked", true));
    TrustRoot root;
    try {
      root = new TrustRoot(registry, version, expires, keys, roles, revoked);
    } catch (OnexException e) {
      throw Fail.relocate(e, file, "");
    }
    if (!Arrays.equals(CanonicalJson.canonicalize(o), payload)) {
      throw Fail.of(SignError.ROOT_NOT_CANONICAL, file, "", "the root payload is not in RFC 8785 canonical form");
    }
    return root;
  }

  static Instant instant(StrictJson in, String text, String at) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw in.fail(at, "\"" + text + "\" is not an RFC 3339 UTC time such as 2026-01-01T00:00:00Z");
    }
  }

  private static List<VerifyingKey> keys(StrictJson in, JsonNode ks) {
    List<VerifyingKey> out = new ArrayList<>();
    for (Iterator<String> it = ks.fieldNames(); it.hasNext(); ) {
      String id = it.next();
      String at = "/keys/" + StrictJson.escape(id);
      JsonNode k = ks.get(id);
      in.onlyFields(k, at, Set.of("algorithm", "public_key"));
      byte[] bytes = Base64s.decodeStandard(in.string(k, at, "public_key"), in.file(), at + "/public_key");
      VerifyingKey key;
      try {
        key = VerifyingKey.of(in.nonEmptyString(k, at, "algorithm"), bytes);
      } catch (OnexException e) {
        throw Fail.relocate(e, in.file(), at);
      }
      if (!key.id().hex().equals(id)) {
        throw Fail.of(SignError.KEY_ID_MISMATCH, in.file(), at,
            "key listed as " + id + " has the bytes of key " + key.id().hex());
      }
      out.add(key);
    }
    return out;
  }

  private static Map<Role, RoleKeys> roles(StrictJson in, JsonNode rs) {
    in.onlyFields(rs, "/roles", Set.of("root", "release", "node-signer"));
    Map<Role, RoleKeys> out = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      String at = "/roles/" + role.id();
      JsonNode r = in.member(rs, "/roles", role.id(), false);
      in.onlyFields(r, at, Set.of("keys", "threshold"));
      List<KeyId> ids = new ArrayList<>();
      for (JsonNode id : in.member(r, at, "keys", true)) {
        if (!id.isTextual() || !KeyId.isWellFormed(id.textValue())) {
          throw in.fail(at + "/keys", "role keys must be key ids (64 lowercase hex digits)");
        }
        ids.add(new KeyId(id.textValue()));
      }
      out.put(role, new RoleKeys(ids, (int) in.integer(r, at, "threshold", 0)));
    }
    return out;
  }

  private static List<Revocation> revocations(StrictJson in, JsonNode list) {
    List<Revocation> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "/revoked/" + i;
      JsonNode r = list.get(i);
      in.onlyFields(r, at, Set.of("key_id", "checkpoint", "reason"));
      String id = in.string(r, at, "key_id");
      if (!KeyId.isWellFormed(id)) {
        throw in.fail(at + "/key_id", "not a key id");
      }
      out.add(new Revocation(new KeyId(id), in.integer(r, at, "checkpoint", 0), in.string(r, at, "reason")));
    }
    return out;
  }
}
