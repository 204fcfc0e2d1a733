package io.onex.sign.release;

/**
 * One node of a release statement.
 *
 * @param path the node directory, relative to the repository root, {@code /}-separated
 * @param id the node's {@code uuid}
 * @param name the node's {@code name}
 * @param version the node's {@code version}
 * @param hash the node's hash lock, computed from git objects at the source commit
 * @param blob the git blob id of the node's {@code node.onex.yaml} at the source commit
 */
public record ReleaseNode(String path, String id, String name, String version, String hash, String blob) {}
