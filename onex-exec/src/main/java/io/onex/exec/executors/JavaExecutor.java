package io.onex.exec.executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.exec.ExecError;
import io.onex.exec.ExecStatus;
import io.onex.exec.Executor;
import io.onex.exec.ExecutorOutcome;
import io.onex.exec.Invocation;
import io.onex.exec.LoadedNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code java}: runs a class implementing {@link io.onex.exec.Node} (or
 * {@code Function<Map, Map>}) in-process, from {@code entrypoint.target}
 * {@code <jar or classes dir>#<fully qualified class>} inside the node directory
 * (docs/formats/java-nodes.md).
 *
 * <p>Invariants: each node has its own class loader that sees only the Java platform and
 * {@code io.onex.exec.Node}; loaded classes are cached per node hash (at most
 * {@value #CACHE_SIZE}, LRU, loaders closed on eviction), so a repeated run costs a thread
 * hand-off and the value copies. Every call runs on a daemon worker thread under the
 * invocation's timeout. A node that overruns is interrupted and abandoned, not killed: the JVM
 * cannot stop a thread safely, so a node that ignores interrupts keeps its thread (and CPU)
 * until it returns; its class loader is evicted. Output {@code _onex_cost_usd} (a number >= 0)
 * is removed from the output and reported as the cost.
 */
public final class JavaExecutor implements Executor, AutoCloseable {
  /** Loaded node classes kept at most. */
  public static final int CACHE_SIZE = 64;
  static final String COST_FIELD = "_onex_cost_usd";

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final JavaClassCache cache = new JavaClassCache(CACHE_SIZE);
  private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "onex-java-node-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  @Override
  public String type() {
    return "java";
  }

  @Override
  public ExecutorOutcome execute(Invocation inv) {
    if (inv.input() == null || !inv.input().isObject()) {
      return ExecutorOutcome.failed(ExecStatus.ERROR, ExecError.BAD_INPUT, "the input state is not a JSON object", null, "");
    }
    JavaLoaded loaded;
    try {
      loaded = cache.get(inv.node());
    } catch (JavaLoadException e) {
      return ExecutorOutcome.failed(ExecStatus.ERROR, ExecError.JAVA_LOAD, e.getMessage(), null, "");
    }
    Map<String, Object> input = JavaValues.toJava(inv.input());
    Map<String, Object> config = JavaValues.toJava(inv.config());
    Future<JavaCall.Result> future;
    try {
      future = workers.submit(() -> JavaCall.run(loaded, input, config));
    } catch (RejectedExecutionException e) {
      return ExecutorOutcome.failed(ExecStatus.ERROR, ExecError.START_FAILED, "the java executor is closed", null, "");
    }
    return await(future, inv.node(), inv.timeout() != null ? inv.timeout() : inv.context().defaultTimeout());
  }

  private ExecutorOutcome await(Future<JavaCall.Result> future, LoadedNode node, Duration timeout) {
    try {
      return outcome(future.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      abandon(future, node);
      return ExecutorOutcome.failed(ExecStatus.ERROR, ExecError.TIMEOUT, "the java node ran longer than its timeout of "
          + timeout.toMillis() + " ms; its thread was interrupted and abandoned (a java node cannot be killed in-process)",
          null, "");
    } catch (InterruptedException e) {
      abandon(future, node);
      Thread.currentThread().interrupt();
      return ExecutorOutcome.failed(ExecStatus.ERROR, ExecError.TIMEOUT,
          "interrupted while waiting for the java node; its thread was interrupted and abandoned", null, "");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return ExecutorOutcome.failed(ExecStatus.FAILURE, ExecError.JAVA_THREW, JavaCall.headline(cause), null, JavaCall.stderr(cause));
    }
  }

  private void abandon(Future<?> future, LoadedNode node) {
    future.cancel(true);
    cache.evict(node);
  }

  private static ExecutorOutcome outcome(JavaCall.Result r) {
    if (r.thrown() != null) {
      return ExecutorOutcome.failed(ExecStatus.FAILURE, ExecError.JAVA_THREW, r.thrown(), null, r.stderr());
    }
    if (r.badOutput() != null) {
      return ExecutorOutcome.failed(ExecStatus.ERROR, ExecError.NOT_JSON, r.badOutput(), null, r.stderr());
    }
    ObjectNode output = r.output();
    BigDecimal cost = cost(output);
    ExecutorOutcome ok = ExecutorOutcome.success(output, null, r.stderr());
    return cost == null ? ok : ok.withCost(cost);
  }

  /** Removes a numeric {@code _onex_cost_usd} from {@code output}; its value when it is >= 0. */
  private static BigDecimal cost(ObjectNode output) {
    JsonNode c = output.get(COST_FIELD);
    if (c == null || !c.isNumber()) {
      return null;
    }
    output.remove(COST_FIELD);
    BigDecimal value = c.decimalValue();
    return value.signum() >= 0 ? value : null;
  }

  /** The class cached for {@code node}, if it is loaded (for tests and diagnostics). */
  Optional<Class<?>> cachedClass(LoadedNode node) {
    return cache.cachedClass(node);
  }

  /** Closes every cached class loader and stops accepting work; abandoned threads are left alone. */
  @Override
  public void close() {
    workers.shutdownNow();
    cache.clear();
  }
}
