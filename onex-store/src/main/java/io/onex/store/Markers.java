package io.onex.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The nondeterminism side file {@code nondeterministic.json}: canonical JSON
 * {@code {"format": "onex.nondeterministic/1", "nodes": {"<namespace>@<version>": [cache keys]}}},
 * rewritten whole through a temp file, fsync and an atomic rename. A damaged file reads as
 * empty with a {@code ONEX-K008} warning (the markers are derived and re-detectable).
 */
final class Markers {
  static final String FORMAT = "onex.nondeterministic/1";

  private Markers() {}

  static String key(String namespace, String version) {
    return namespace + "@" + version;
  }

  static Map<String, TreeSet<String>> read(Path file, List<Diagnostic> warnings) {
    Map<String, TreeSet<String>> out = new TreeMap<>();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return out;
    } catch (IOException e) {
      warnings.add(damaged(file, "cannot read it: " + e));
      return out;
    }
    try {
      JsonNode root = CanonicalJson.parse(text);
      if (!FORMAT.equals(root.path("format").asText()) || !root.path("nodes").isObject()) {
        throw new IllegalArgumentException("not an " + FORMAT + " document");
      }
      root.path("nodes").fields().forEachRemaining(e -> {
        TreeSet<String> keys = new TreeSet<>();
        e.getValue().forEach(k -> keys.add(k.asText()));
        out.put(e.getKey(), keys);
      });
      return out;
    } catch (OnexException | IllegalArgumentException e) {
      warnings.add(damaged(file, e.getMessage()));
      return new TreeMap<>();
    }
  }

  static void write(Path file, Map<String, TreeSet<String>> markers) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("format", FORMAT);
    ObjectNode nodes = root.putObject("nodes");
    markers.forEach((k, v) -> {
      if (!v.isEmpty()) {
        v.forEach(nodes.putArray(k)::add);
      }
    });
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.write(tmp, CanonicalJson.canonicalize(root));
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new OnexException(Diagnostic.error(CacheError.OUTPUT_IO, file.toString(), 0, 0, "",
          "cannot write the nondeterminism markers: " + e));
    }
  }

  private static Diagnostic damaged(Path file, String why) {
    return Diagnostic.warning(CacheError.MARKERS_UNREADABLE, file.toString(), 0, 0, "",
        "ignoring a damaged " + file.getFileName() + " (" + why + ")", CacheError.MARKERS_UNREADABLE.hint());
  }
}
