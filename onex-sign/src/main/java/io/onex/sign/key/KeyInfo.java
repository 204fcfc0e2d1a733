package io.onex.sign.key;

import java.util.Optional;

/**
 * One entry of a {@link KeyStore} listing.
 *
 * @param id the key id, computed from the public key bytes
 * @param algorithm always {@code ed25519} today
 * @param hasPrivateKey whether the store holds the private key (else it is an imported public key)
 * @param label who or what the key is for, as given when it was generated or imported
 * @param createdAt RFC 3339 time of generation or import, when known
 */
public record KeyInfo(KeyId id, String algorithm, boolean hasPrivateKey, Optional<String> label,
    Optional<String> createdAt) {}
