package io.onex.core.model;

import java.util.List;
import java.util.Optional;

/**
 * How a node runs: an executor type ({@code python}, {@code cli}, {@code java}, {@code noop},
 * {@code composite}, or a type this version does not run) and its target inside the node
 * directory.
 */
public record Entrypoint(String type, String target, List<String> args, Optional<String> interpreter) {
  public static final List<String> KNOWN_TYPES = List.of("python", "cli", "java", "noop", "composite");

  public Entrypoint {
    args = List.copyOf(args);
  }

  /** Whether {@link #target} names a file of the node (noop and composite need none). */
  public boolean targetIsFile() {
    return !(type.equals("noop") || type.equals("composite")) && !target.equals("-");
  }

  /**
   * The file part of the target: for {@code java} the target is {@code path/to.jar#fqcn} or
   * {@code classes-dir#fqcn}; for the others the whole target.
   */
  public String targetPath() {
    if (type.equals("java")) {
      int hash = target.indexOf('#');
      return hash < 0 ? target : target.substring(0, hash);
    }
    return target;
  }
}
