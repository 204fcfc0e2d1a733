package io.onex.core.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.yaml.SourceLocation;
import io.onex.core.yaml.YamlDocument;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Test helper: a {@link YamlDocument} with source locations keyed as YamlDocument documents
 * them (a mapping entry at its key, a list item at its start), so that the validator's use of
 * locations is tested independently of the YAML loader in this build. Scalars stay strings
 * except plain integers.
 */
final class LocatedYaml {
  private final Map<String, SourceLocation> locations = new HashMap<>();

  static YamlDocument parse(String text, String file) {
    LocatedYaml l = new LocatedYaml();
    Node root = new Yaml().compose(new StringReader(text));
    l.locations.put("", at(root));
    return new YamlDocument(file, l.convert(root, ""), l.locations);
  }

  private static SourceLocation at(Node n) {
    return new SourceLocation(n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
  }

  private JsonNode convert(Node node, String pointer) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node instanceof MappingNode) {
      ObjectNode o = f.objectNode();
      for (NodeTuple t : ((MappingNode) node).getValue()) {
        String key = ((ScalarNode) t.getKeyNode()).getValue();
        String p = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
        locations.put(p, at(t.getKeyNode()));
        o.set(key, convert(t.getValueNode(), p));
      }
      return o;
    }
    if (node instanceof SequenceNode) {
      ArrayNode a = f.arrayNode();
      int i = 0;
      for (Node item : ((SequenceNode) node).getValue()) {
        String p = pointer + "/" + i++;
        locations.put(p, at(item));
        a.add(convert(item, p));
      }
      return a;
    }
    String v = ((ScalarNode) node).getValue();
    if (node.getTag().getValue().endsWith(":int")) {
      return f.numberNode(Long.parseLong(v));
    }
    return node.getTag().getValue().endsWith(":null") ? f.nullNode() : f.textNode(v);
  }
}
