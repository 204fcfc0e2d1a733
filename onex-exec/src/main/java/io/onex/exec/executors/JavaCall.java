package io.onex.exec.executors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.exec.Node;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.function.Function;

/**
 * One call of a java node, run on a worker thread: creates the instance (which initializes the
 * class on first use), calls it with the node's class loader as context class loader, and
 * converts the output map while still on the worker, since a node's map may run node code.
 * Never throws: every outcome, including {@link Error}s, is a {@link Result}.
 */
final class JavaCall {
  static final int STACK_FRAMES = 5;
  static final int MAX_MESSAGE = 2000;

  /** What happened: exactly one of output, thrown (message and stderr) or bad output. */
  record Result(ObjectNode output, String thrown, String badOutput, String stderr) {}

  private JavaCall() {}

  @SuppressWarnings("unchecked")
  static Result run(JavaLoaded loaded, Map<String, Object> input, Map<String, Object> config) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loaded.loader());
    try {
      Object instance = loaded.constructor().newInstance();
      Object out = loaded.nodeForm()
          ? ((Node) instance).apply(input, config)
          : ((Function<Object, Object>) instance).apply(input);
      if (out == null) {
        return new Result(null, null, "the java node returned null instead of a Map", "");
      }
      if (!(out instanceof Map<?, ?> map)) {
        return new Result(null, null, "the java node returned a " + out.getClass().getName() + " instead of a Map", "");
      }
      return new Result(JavaValues.toJson(map), null, null, "");
    } catch (JavaValues.NotJson e) {
      return new Result(null, null, "the java node's output " + e.getMessage(), "");
    } catch (InvocationTargetException | ExceptionInInitializerError e) {
      return threw(e.getCause() != null ? e.getCause() : e);
    } catch (Throwable e) {
      return threw(e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static Result threw(Throwable e) {
    return new Result(null, headline(e), null, stderr(e));
  }

  /** {@code java.lang.IllegalStateException: boom}: the class and message, no stack trace. */
  static String headline(Throwable e) {
    String message;
    try {
      message = e.getMessage();
    } catch (RuntimeException | StackOverflowError inner) {
      message = "(the exception's message could not be read)";
    }
    String text = e.getClass().getName() + (message == null ? "" : ": " + message);
    return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "..." : text;
  }

  /**
   * The headline, the node's first {@value #STACK_FRAMES} frames (stopping where ONEX called
   * the node) as {@code \tat class.method(File.java:line)}, and the causes' headlines.
   */
  static String stderr(Throwable e) {
    StringBuilder sb = new StringBuilder(headline(e)).append('\n');
    StackTraceElement[] frames = e.getStackTrace();
    int shown = 0;
    while (shown < frames.length && shown < STACK_FRAMES && !frames[shown].getClassName().equals(JavaCall.class.getName())) {
      StackTraceElement f = frames[shown++];
      sb.append("\tat ").append(f.getClassName()).append('.').append(f.getMethodName()).append('(')
          .append(f.getFileName() == null ? "Unknown Source" : f.getFileName())
          .append(f.getLineNumber() > 0 ? ":" + f.getLineNumber() : "").append(")\n");
    }
    if (shown == STACK_FRAMES && shown < frames.length && !frames[shown].getClassName().equals(JavaCall.class.getName())) {
      sb.append("\t...\n");
    }
    Throwable cause = e.getCause();
    for (int depth = 0; cause != null && cause != e && depth < 3; depth++, cause = cause.getCause()) {
      sb.append("Caused by: ").append(headline(cause)).append('\n');
    }
    return sb.toString();
  }
}
