package io.onex.core.hash;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Builds node directories for the hash tests. */
final class NodeDirs {
  /** Jackson's YAML reader, with {@code .nan} and {@code .inf} read as doubles. */
  static final ObjectMapper YAML = yamlMapper();

  /** The golden node's metadata (also written as its node.onex.yaml). */
  static final String GOLDEN_YAML = String.join("\n",
      "schema_version: 1.0.0",
      "name: golden_node",
      "version: 1.2.3",
      "uuid: 0b4ad4a4-8d5e-4d8a-9c1e-5b7f3a6c2d10",
      "author: ONEX tests",
      "created_at: \"2025-01-01T00:00:00Z\"",
      "last_modified_at: \"2025-06-01T12:00:00Z\"",
      "description: \"Golden node: caf\u00e9 \u2615\"",
      "lifecycle: active",
      "hash: 0000000000000000000000000000000000000000000000000000000000000000",
      "entrypoint:",
      "  type: python",
      "  target: src/main.py",
      "tags: [golden, test]",
      "cost_per_1k_tokens: 0.01",
      "limits: {max_tokens: 4096, temperature: 0.7}",
      "");

  private NodeDirs() {}

  @SuppressWarnings("deprecation") // the YAML backend only knows the old parser feature
  private static ObjectMapper yamlMapper() {
    return new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);
  }

  /**
   * The golden node: four files, an executable, a link, a non-ASCII name, and things that
   * must not count (bytecode caches and a nested node).
   */
  static Path golden(Path dir) throws IOException {
    write(dir, "node.onex.yaml", GOLDEN_YAML);
    write(dir, "src/main.py", "print('hello')\n");
    write(dir, "bin/run.sh", "#!/bin/sh\nexec python3 src/main.py\n");
    Files.setPosixFilePermissions(dir.resolve("bin/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    write(dir, "README.md", "# Golden\n");
    write(dir, "data/\u00e9t\u00e9.txt", "accent\n");
    Files.createSymbolicLink(dir.resolve("latest"), Path.of("src/main.py"));
    write(dir, "__pycache__/main.cpython-311.pyc", "bytecode");
    write(dir, "src/helper.pyc", "bytecode");
    write(dir, "nested/node.onex.yaml", "name: nested\n");
    write(dir, "nested/code.py", "print('nested')\n");
    return dir;
  }

  static void write(Path dir, String rel, String text) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.write(p, text.getBytes(StandardCharsets.UTF_8));
  }

  static ObjectNode metadata(Path dir) throws IOException {
    JsonNode tree = YAML.readTree(dir.resolve("node.onex.yaml").toFile());
    return (ObjectNode) tree;
  }
}
