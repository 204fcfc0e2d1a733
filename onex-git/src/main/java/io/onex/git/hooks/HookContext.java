package io.onex.git.hooks;

import io.onex.exec.RuntimeOptions;
import io.onex.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a hook takes from its surroundings, injected: the working directory git runs it in,
 * the environment (GIT_DIR, GIT_INDEX_FILE, ONEX_SKIP, ...), the clock, runtime settings, and
 * how to open the store (called at most once, only when there are records; the hook closes
 * it; empty when the repository has no store).
 */
public record HookContext(Path workDir, Map<String, String> env, Clock clock, RuntimeOptions runtime,
    StoreOpener store) {

  public HookContext {
    Objects.requireNonNull(workDir, "workDir");
    env = Map.copyOf(env);
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(store, "store");
  }

  /** Opens the store of the repository, if it has one. */
  @FunctionalInterface
  public interface StoreOpener {
    Optional<Store> open();
  }

  boolean skipRequested() {
    return "1".equals(env.get("ONEX_SKIP"));
  }
}
