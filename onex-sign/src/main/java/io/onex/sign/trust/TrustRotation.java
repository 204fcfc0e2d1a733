package io.onex.sign.trust;

import io.onex.sign.SignError;
import io.onex.sign.internal.Fail;
import io.onex.sign.key.KeyId;
import io.onex.sign.key.SigningKey;
import io.onex.sign.key.VerifyingKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes trust root version N+1 from the verified chain's latest version N and a set of
 * changes, and proves it before keeping it: the chain with the new file must verify from the
 * same pin (signed by a threshold of N's root keys and of its own), otherwise the file is
 * removed and the failure is thrown. Keys no role names any more are dropped, except revoked
 * ones (kept so that their signatures up to the checkpoint still verify).
 */
public final class TrustRotation {
  private TrustRotation() {}

  /**
   * The changes of a rotation; an empty role list keeps that role as it is.
   *
   * @param roles new key lists per role (absent: unchanged)
   * @param thresholds new thresholds per role (absent: unchanged)
   * @param revoke keys to revoke, with their checkpoint
   * @param expires expiry of the new version
   */
  public record Change(Map<Role, List<VerifyingKey>> roles, Map<Role, Integer> thresholds, List<Revocation> revoke,
      Instant expires) {}

  /** Builds, signs, writes and verifies version N+1; returns the new chain. */
  public static TrustChain rotate(Path dir, TrustChain chain, Change change, List<SigningKey> signers, Instant now) {
    TrustRoot next = next(chain.latest(), change);
    TrustFiles.write(dir, next, signers);
    try {
      return TrustChain.load(dir, chain.pin(), now);
    } catch (RuntimeException e) {
      try {
        Files.deleteIfExists(dir.resolve(TrustChain.fileName(next.version())));
      } catch (IOException ignored) {
        // the failure below is what matters; a left-over file fails every later verification loudly
      }
      throw e;
    }
  }

  /** Version N+1 of {@code latest} with {@code change} applied (not yet signed). */
  public static TrustRoot next(TrustRoot latest, Change change) {
    Map<KeyId, VerifyingKey> keys = new LinkedHashMap<>();
    Map<Role, RoleKeys> roles = new EnumMap<>(Role.class);
    for (Role r : Role.values()) {
      List<VerifyingKey> given = change.roles().getOrDefault(r, List.of());
      List<KeyId> ids = new ArrayList<>();
      if (given.isEmpty()) {
        ids.addAll(latest.role(r).keys());
      } else {
        given.forEach(k -> {
          keys.put(k.id(), k);
          ids.add(k.id());
        });
      }
      roles.put(r, new RoleKeys(ids, change.thresholds().getOrDefault(r, latest.threshold(r))));
    }
    Map<KeyId, Revocation> revoked = new LinkedHashMap<>(latest.revoked());
    for (Revocation r : change.revoke()) {
      if (!latest.keys().containsKey(r.keyId())) {
        throw Fail.of(SignError.ROOT_UNKNOWN_KEY, "", "revoked", "cannot revoke key " + r.keyId() + ": trust root version "
            + latest.version() + " does not list it");
      }
      revoked.put(r.keyId(), r);
    }
    for (RoleKeys rk : roles.values()) {
      rk.keys().forEach(id -> keys.computeIfAbsent(id, i -> latest.keys().get(i)));
    }
    revoked.keySet().forEach(id -> Optional.ofNullable(latest.keys().get(id)).ifPresent(k -> keys.putIfAbsent(id, k)));
    return new TrustRoot(latest.registry(), latest.version() + 1, change.expires(), List.copyOf(keys.values()), roles,
        List.copyOf(revoked.values()));
  }
}
