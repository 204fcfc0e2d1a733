package io.onex.core.uri;

/** A parse outcome: a value, or the one problem that prevented it. */
record Parsed<T>(T value, Problem problem) {
  static <T> Parsed<T> ok(T value) {
    return new Parsed<>(value, null);
  }

  static <T> Parsed<T> failed(Problem problem) {
    return new Parsed<>(null, problem);
  }
}
