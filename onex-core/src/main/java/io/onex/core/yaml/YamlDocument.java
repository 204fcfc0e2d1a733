package io.onex.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A strictly loaded YAML (or JSON) document: its tree and, for every node of the tree, where
 * it started in the source.
 *
 * <p>Locations are keyed by JSON Pointer ({@code ""} is the root, {@code /entrypoint/target},
 * {@code /tags/0}). For a mapping entry the location is that of its key, which is where a
 * person looks for the field.
 */
public final class YamlDocument {
  private final String file;
  private final JsonNode root;
  private final Map<String, SourceLocation> locations;

  public YamlDocument(String file, JsonNode root, Map<String, SourceLocation> locations) {
    this.file = file;
    this.root = root;
    this.locations = Map.copyOf(locations);
  }

  /** The display name of the source (a path relative to where the user stands). */
  public String file() {
    return file;
  }

  public JsonNode root() {
    return root;
  }

  /**
   * The location of the node at {@code pointer}, or of its nearest ancestor that has one, or
   * {@link SourceLocation#UNKNOWN}.
   */
  public SourceLocation locationOf(String pointer) {
    String p = pointer;
    while (true) {
      SourceLocation loc = locations.get(p);
      if (loc != null) {
        return loc;
      }
      if (p.isEmpty()) {
        return SourceLocation.UNKNOWN;
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }
}
