package io.onex.sign.trust;

import io.onex.sign.key.KeyId;
import java.util.List;

/**
 * The keys of one role and how many of them must sign.
 *
 * @param keys key ids, sorted, unique
 * @param threshold 1 to {@code keys.size()} in a valid root
 */
public record RoleKeys(List<KeyId> keys, int threshold) {
  public RoleKeys {
    keys = keys.stream().distinct().sorted().toList();
  }
}
