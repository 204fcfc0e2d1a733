package io.onex.core.project;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** The files of a node skeleton, per executor kind. */
final class Templates {
  static final String STATE_CONTRACT = """
      {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "NodeState",
        "type": "object",
        "properties": {
          "name": { "type": "string" },
          "greeting": { "type": "string" },
          "text": { "type": "string" },
          "length": { "type": "integer" }
        }
      }
      """;

  private Templates() {}

  static Map<String, String> code(NodeScaffold.Kind kind, String name) {
    return switch (kind) {
      case PYTHON -> Map.of("main.py", """
          #!/usr/bin/env python3
          \"\"\"Reads {"name": ...} as JSON on stdin and writes {"greeting": ...} as JSON on stdout.\"\"\"
          import json
          import sys

          state = json.load(sys.stdin)
          json.dump({"greeting": "Hello, " + state["name"] + "!"}, sys.stdout)
          """);
      case CLI -> Map.of("run.sh", """
          #!/bin/sh
          # Reads {"text": "..."} as JSON on stdin and writes it back with the text upper-cased.
          tr '[:lower:]' '[:upper:]' | sed 's/"TEXT"/"text"/'
          """);
      case JAVA -> Map.of("src/" + className(name) + ".java", """
          import java.util.Map;
          import java.util.function.Function;

          /** Counts the characters of {"text": ...}: returns {"length": n}. */
          public final class %s implements Function<Map<String, Object>, Map<String, Object>> {
            @Override
            public Map<String, Object> apply(Map<String, Object> state) {
              return Map.of("length", String.valueOf(state.get("text")).length());
            }
          }
          """.formatted(className(name)));
      case NOOP -> Map.of("README.md", "# " + name + "\n\nA noop node: its output is its input.\n");
    };
  }

  static String metadata(NodeScaffold.Kind kind, String name, String namespace, String uuid, String author, String now) {
    String entry = switch (kind) {
      case PYTHON -> "  type: python\n  target: main.py\n";
      case CLI -> "  type: cli\n  target: run.sh\n";
      case JAVA -> "  type: java\n  target: classes#" + className(name) + "\n";
      case NOOP -> "  type: noop\n  target: \"-\"\n";
    };
    String contracts = switch (kind) {
      case PYTHON -> "input_contract:\n  name: str\noutput_contract:\n  greeting: str\n";
      case CLI -> "input_contract:\n  text: str\noutput_contract:\n  text: str\n";
      case JAVA -> "input_contract:\n  text: str\noutput_contract:\n  length: int\n";
      case NOOP -> "input_contract:\n  text: str\noutput_contract:\n  text: str\n";
    };
    String test = switch (kind) {
      case PYTHON -> "  - name: greets_by_name\n    input: {name: Ada}\n    expected_output: {greeting: \"Hello, Ada!\"}\n";
      case CLI -> "  - name: shouts\n    input: {text: hello}\n    expected_output: {text: HELLO}\n";
      case JAVA -> "  - name: counts\n    input: {text: hello}\n    expected_output: {length: 5}\n";
      case NOOP -> "  - name: echoes\n    input: {text: hello}\n    expected_output: {text: hello}\n";
    };
    String hint = kind == NodeScaffold.Kind.PYTHON ? "runtime_language_hint: \"python>=3.8\"\n"
        : kind == NodeScaffold.Kind.JAVA ? "runtime_language_hint: \"java>=17\"\n" : "";
    return "# ONEX node contract: docs/formats/node-metadata.md. After editing, run: onex stamp " + name + "\n"
        + "schema_version: \"1.0.0\"\n"
        + "name: " + name + "\n"
        + "version: \"0.1.0\"\n"
        + "uuid: \"" + uuid + "\"\n"
        + "author: \"" + author.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n"
        + "created_at: \"" + now + "\"\n"
        + "last_modified_at: \"" + now + "\"\n"
        + "description: \"A " + kind.name().toLowerCase(java.util.Locale.ROOT) + " node created by onex new.\"\n"
        + "state_contract: \"state_contract://state_contract.json\"\n"
        + "lifecycle: draft\n"
        + "hash: \"" + "0".repeat(64) + "\"\n"
        + "entrypoint:\n" + entry
        + "namespace: " + namespace + "\n"
        + "meta_type: tool\n"
        + hint
        + "tags: [example]\n"
        + "license: Apache-2.0\n"
        + contracts
        + "cache:\n  enabled: true\n  strategy: memoize\n  scope: node\n  ttl_seconds: 0\n  memoization_tier: shallow\n"
        + "tests:\n" + test;
  }

  static String className(String name) {
    StringBuilder sb = new StringBuilder();
    for (String part : name.split("_")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.append("Node").toString();
  }

  static void compileJava(Path dir) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new OnexException(Diagnostic.error(ProjectError.JAVA_COMPILER_MISSING, dir.toString(), 0, 0, "", "no javac in this Java runtime"));
    }
    Path classes = Files.createDirectories(dir.resolve("classes"));
    String[] sources;
    try (var s = Files.list(dir.resolve("src"))) {
      sources = s.map(Path::toString).sorted().toArray(String[]::new);
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = new String[sources.length + 4];
    args[0] = "--release";
    args[1] = "17";
    args[2] = "-d";
    args[3] = classes.toString();
    System.arraycopy(sources, 0, args, 4, sources.length);
    if (javac.run(null, err, err, args) != 0) {
      throw new OnexException(Diagnostic.error(ProjectError.JAVA_COMPILE_FAILED, dir.toString(), 0, 0, "",
          "javac failed: " + err.toString(StandardCharsets.UTF_8)));
    }
  }
}
