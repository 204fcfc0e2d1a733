package io.onex.store;

/**
 * The dynamic memory of one node version ({@code namespace@version}): its aggregates, its trust
 * at the caller's clock, its execution profile and its flags. {@code onex show <node>} prints it
 * beside the node's static contract.
 *
 * @param name the node's name as its newest record gives it
 * @param nondeterministicCount successes whose output differed from an earlier success with the
 *     same cache key; {@code nondeterministic} is {@code nondeterministicCount > 0}
 */
public record NodeMemory(String namespace, String version, String name, NodeAggregates aggregates, TrustScore trust,
    ExecutionProfile profile, long nondeterministicCount) {

  public boolean nondeterministic() {
    return nondeterministicCount > 0;
  }

  /** {@code namespace@version}. */
  public String label() {
    return namespace + "@" + version;
  }
}
