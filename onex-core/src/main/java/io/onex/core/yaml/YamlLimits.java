package io.onex.core.yaml;

/**
 * Caps applied before and while parsing. The defaults suit node metadata: a
 * {@code node.onex.yaml} is a few kilobytes.
 *
 * @param maxBytes file size cap, checked before parsing
 * @param maxDepth nesting cap (mappings and sequences)
 * @param maxNodes cap on the number of scalars, mappings and sequences
 * @param maxScalarLength cap on one scalar's length in characters
 */
public record YamlLimits(long maxBytes, int maxDepth, int maxNodes, int maxScalarLength) {
  public static final YamlLimits DEFAULT = new YamlLimits(1L << 20, 32, 100_000, 64 * 1024);
}
