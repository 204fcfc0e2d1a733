package io.onex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code onex run} and {@code onex why} take to name one execution (a picocli mixin): the
 * node, and its input and config states as inline JSON or {@code @file}.
 */
final class NodeStateOptions {
  @Parameters(index = "0", paramLabel = "NODE", description = "the node: its name, its URI (tool://ns@^1.0) or its directory")
  String node;

  @Option(names = "--input", defaultValue = "{}", paramLabel = "JSON|@FILE", description = "input state: a JSON object, or @file (default: {})")
  String input;

  @Option(names = "--config", defaultValue = "{}", paramLabel = "JSON|@FILE", description = "config state: a JSON object, or @file (default: {})")
  String config;

  String node() {
    return node;
  }

  /** The --input state, read and parsed. */
  JsonNode input(CliEnvironment env) {
    return JsonArgs.read(input, "--input", env);
  }

  /** The --config state, read and parsed. */
  JsonNode config(CliEnvironment env) {
    return JsonArgs.read(config, "--config", env);
  }
}
