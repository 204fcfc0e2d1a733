package io.onex.core.model;

/** The optional {@code signature_block}: a signature over the node's hash lock. */
public record SignatureBlock(
    String algorithm, String keyId, String signer, String signedAt, String signature) {}
