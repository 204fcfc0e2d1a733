package io.onex.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.onex.core.diag.OnexException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Strict YAML loading. TEMPORARY placeholder: replaced by the strict implementation.
 */
public final class StrictYaml {
  private StrictYaml() {}

  /** Loads {@code file}, displayed as {@code displayName} in diagnostics. */
  public static YamlDocument load(Path file, String displayName, YamlLimits limits) {
    try {
      return parse(Files.readAllBytes(file), displayName, limits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses {@code bytes} as one strict YAML document.
   *
   * @throws OnexException with one diagnostic per problem that stops loading
   */
  public static YamlDocument parse(byte[] bytes, String displayName, YamlLimits limits) {
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(bytes);
      return new YamlDocument(displayName, root, Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
