package io.onex.exec.contract;

import io.onex.core.hash.HashLock;
import io.onex.core.hash.NodeFiles;
import io.onex.core.model.NodeMetadata;
import io.onex.core.model.NodeMetadataReader;
import io.onex.core.schema.SchemaId;
import io.onex.core.schema.SchemaValidator;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlDocument;
import io.onex.core.yaml.YamlLimits;
import io.onex.exec.LoadedNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes real node directories for tests and loads them as {@link LoadedNode}s. */
public final class TestNodes {
  private TestNodes() {}

  /** The required fields of node.onex.yaml, with the given entrypoint; append optional fields. */
  public static String baseYaml(String type, String target) {
    return "schema_version: \"1.0.0\"\n"
        + "name: test_node\n"
        + "version: \"1.0.0\"\n"
        + "uuid: \"0f8fad5b-d9cb-469f-a165-70867728950e\"\n"
        + "author: \"Test\"\n"
        + "created_at: \"2025-05-17T10:05:00Z\"\n"
        + "last_modified_at: \"2025-05-17T10:05:00Z\"\n"
        + "description: \"a test node\"\n"
        + "state_contract: \"state_contract://state_contract.json\"\n"
        + "lifecycle: active\n"
        + "hash: \"" + "0".repeat(64) + "\"\n"
        + "entrypoint:\n  type: " + type + "\n  target: \"" + target + "\"\n"
        + "namespace: test.test_node\n"
        + "meta_type: tool\n";
  }

  /**
   * Writes {@code node.onex.yaml} (the base fields plus {@code extraYaml}) into {@code dir},
   * loads it strictly and returns the node with its computed hash lock. The metadata must pass
   * the node-metadata schema when {@code requireValid}.
   */
  public static LoadedNode write(Path dir, String type, String target, String extraYaml, boolean requireValid) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(NodeMetadata.FILE_NAME);
      Files.writeString(file, baseYaml(type, target) + extraYaml, StandardCharsets.UTF_8);
      YamlDocument doc = StrictYaml.loadMapping(file, NodeMetadata.FILE_NAME, YamlLimits.DEFAULT);
      if (requireValid) {
        var problems = SchemaValidator.validate(SchemaId.NODE_METADATA, doc);
        if (!problems.isEmpty()) {
          throw new IllegalStateException("test node does not validate: " + problems);
        }
      }
      NodeMetadata m = NodeMetadataReader.read(doc.root());
      return new LoadedNode(m, dir, HashLock.compute(doc.root(), NodeFiles.ofDirectory(dir)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
