package io.onex.exec.executors;

/** Why a java node's class cannot be used (reported as ONEX-X009 with this message). */
final class JavaLoadException extends Exception {
  private static final long serialVersionUID = 1L;

  JavaLoadException(String message) {
    super(message);
  }
}
