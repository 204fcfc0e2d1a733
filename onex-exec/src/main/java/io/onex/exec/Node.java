package io.onex.exec;

import java.util.Map;

/**
 * The contract of a java node ({@code entrypoint.type: java}, docs/formats/java-nodes.md): a
 * public class with a public no-argument constructor, loaded from a jar or classes directory
 * inside the node directory, created anew for every execution.
 *
 * <p>{@code input} and {@code config} are the node's input and config state as plain
 * JSON-like Java values, freshly copied for this call (the node may modify them): objects are
 * {@code Map<String, Object>} (in document order), arrays {@code List<Object>}, and the rest
 * {@code String}, {@code Boolean}, {@code null} or a {@code Number} ({@code Integer},
 * {@code Long} or {@code BigInteger} for integers, {@code Double} or {@code BigDecimal} for the
 * others). The returned map, the output state, must be made of the same kinds of values
 * ({@code Short}, {@code Byte} and {@code Float} are accepted too).
 *
 * <p>This is the only ONEX type a node can see: its class loader exposes the Java platform
 * and this interface, nothing else. A class implementing
 * {@code java.util.function.Function<Map<String, Object>, Map<String, Object>>} is accepted as
 * well; it receives the input only.
 */
public interface Node {

  /**
   * Computes the output state. Throwing any exception fails the execution (ONEX-X010); the
   * thread is interrupted when the timeout passes, so long loops should check
   * {@link Thread#isInterrupted()}.
   */
  Map<String, Object> apply(Map<String, Object> input, Map<String, Object> config) throws Exception;
}
