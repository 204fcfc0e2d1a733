package io.onex.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.onex.core.yaml.SourceLocation;
import io.onex.core.yaml.YamlDocument;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Test-only: a {@link YamlDocument} with real positions (SnakeYAML's composer marks), so the
 * validator's position mapping can be tested whatever the production loader does today.
 * Locations follow the YamlDocument contract: a mapping entry is located at its key.
 */
final class LocatedYaml {
  private LocatedYaml() {}

  static YamlDocument parse(String text, String file) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(text);
    Map<String, SourceLocation> locations = new HashMap<>();
    Node node = new Yaml().compose(new StringReader(text));
    walk(node, "", locations);
    return new YamlDocument(file, root, locations);
  }

  private static void walk(Node node, String pointer, Map<String, SourceLocation> out) {
    out.putIfAbsent(pointer, at(node));
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        String key = ((ScalarNode) t.getKeyNode()).getValue();
        String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
        out.put(child, at(t.getKeyNode()));
        walk(t.getValueNode(), child, out);
      }
    } else if (node instanceof SequenceNode s) {
      List<Node> items = s.getValue();
      for (int i = 0; i < items.size(); i++) {
        walk(items.get(i), pointer + "/" + i, out);
      }
    }
  }

  private static SourceLocation at(Node node) {
    return new SourceLocation(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
  }
}
