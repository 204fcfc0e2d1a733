package io.onex.exec;

/**
 * Runs one kind of entrypoint ({@code python}, {@code cli}, {@code java}, {@code noop},
 * {@code composite}, ...). Executors never throw for node misbehaviour: every outcome,
 * including timeouts and crashes, is an {@link ExecutorOutcome}. Contracts, hashes and
 * records are the {@link Runtime}'s job, not the executor's.
 */
public interface Executor {

  /** The {@code entrypoint.type} this executor runs. */
  String type();

  ExecutorOutcome execute(Invocation invocation);
}
