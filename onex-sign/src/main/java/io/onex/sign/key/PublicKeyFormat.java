package io.onex.sign.key;

/** The two textual forms of an exported public key (docs/formats/signing.md). */
public enum PublicKeyFormat {
  /** {@code onex-public-key-v1} JSON, canonical (RFC 8785), one line. */
  JSON,
  /** PEM SubjectPublicKeyInfo ({@code -----BEGIN PUBLIC KEY-----}), as OpenSSL writes it. */
  PEM
}
