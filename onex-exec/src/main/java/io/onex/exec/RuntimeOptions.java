package io.onex.exec;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * How a {@link Runtime} is set up. {@link #defaults} takes the caller's environment and clock
 * explicitly: nothing here reads {@code System.getenv()}.
 */
public record RuntimeOptions(
    Clock clock,
    Map<String, String> parentEnvironment,
    Path tempBase,
    String pythonCommand,
    Duration defaultTimeout,
    Supplier<String> recordIds,
    Optional<String> commit) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public RuntimeOptions {
    parentEnvironment = Map.copyOf(parentEnvironment);
  }

  public static RuntimeOptions defaults(Clock clock, Map<String, String> parentEnvironment, Path tempBase) {
    return new RuntimeOptions(clock, parentEnvironment, tempBase, "python3", DEFAULT_TIMEOUT,
        () -> UUID.randomUUID().toString(), Optional.empty());
  }
}
