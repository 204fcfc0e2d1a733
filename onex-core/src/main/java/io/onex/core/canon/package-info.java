/**
 * RFC 8785 canonical JSON: the byte form of JSON values that ONEX hashes and signs.
 * Errors carry {@link io.onex.core.hash.HashError} codes.
 */
package io.onex.core.canon;
