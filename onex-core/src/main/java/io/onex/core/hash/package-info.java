/**
 * SHA-256 and the hash lock of a node: {@link io.onex.core.hash.HashLock} over the metadata
 * and the {@link io.onex.core.hash.NodeFiles} of a node directory. Error codes:
 * {@link io.onex.core.hash.HashError} ({@code ONEX-H...}).
 */
package io.onex.core.hash;
