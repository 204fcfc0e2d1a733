package io.onex.sign.trust;

import io.onex.sign.key.KeyId;

/**
 * A revoked key. Its signatures still count on releases whose sequence is at most
 * {@code checkpoint} (the history verified before the revocation), and never on anything else:
 * not on later releases, not on node signature blocks (their {@code signed_at} is the signer's
 * own claim), not on root versions.
 *
 * @param keyId the revoked key
 * @param checkpoint the last release sequence the key may have signed (0: none)
 * @param reason free text
 */
public record Revocation(KeyId keyId, long checkpoint, String reason) {}
