package io.onex.sign.key;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A set of public keys that a verifier trusts, keyed by their computed {@link KeyId}: the same
 * key bytes given twice (under any label) are one key. Ordered by key id. Immutable.
 */
public final class TrustedKeys {
  private static final TrustedKeys EMPTY = new TrustedKeys(new TreeMap<>());

  private final Map<KeyId, VerifyingKey> keys;

  private TrustedKeys(TreeMap<KeyId, VerifyingKey> keys) {
    this.keys = keys;
  }

  public static TrustedKeys of(Collection<VerifyingKey> keys) {
    TreeMap<KeyId, VerifyingKey> map = new TreeMap<>();
    for (VerifyingKey k : keys) {
      map.putIfAbsent(k.id(), k);
    }
    return new TrustedKeys(map);
  }

  public static TrustedKeys of(VerifyingKey... keys) {
    return of(List.of(keys));
  }

  public static TrustedKeys empty() {
    return EMPTY;
  }

  /** The key whose computed id is {@code id}. */
  public Optional<VerifyingKey> find(KeyId id) {
    return Optional.ofNullable(keys.get(id));
  }

  /** The key a textual hint names, if the hint is a well-formed id of a key in this set. */
  public Optional<VerifyingKey> findHint(String hint) {
    return KeyId.isWellFormed(hint) ? find(new KeyId(hint)) : Optional.empty();
  }

  /** All keys, by key id. */
  public List<VerifyingKey> all() {
    return List.copyOf(keys.values());
  }

  /** The keys that can verify (Ed25519), by key id. */
  public List<VerifyingKey> supported() {
    List<VerifyingKey> out = new ArrayList<>();
    for (VerifyingKey k : keys.values()) {
      if (k.isSupported()) {
        out.add(k);
      }
    }
    return out;
  }

  public int size() {
    return keys.size();
  }

  public boolean isEmpty() {
    return keys.isEmpty();
  }

  @Override
  public String toString() {
    return "TrustedKeys" + keys.keySet();
  }
}
