package io.onex.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.record.ExecutionRecord;
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

  private final Path file;
  private Map<String, TreeSet<String>> marks;

  private Markers(Path file, Map<String, TreeSet<String>> marks) {
    this.file = file;
    this.marks = marks;
  }

  /** Reads the file (empty when absent; empty plus a warning when damaged). */
  static Markers load(Path file, List<Diagnostic> warnings) {
    return new Markers(file, read(file, warnings));
  }

  java.util.Set<String> keys(String namespace, String version) {
    return java.util.Set.copyOf(marks.getOrDefault(key(namespace, version), new TreeSet<>()));
  }

  /** Adds a marker, rewriting the file when it is new; returns whether it was new. */
  boolean mark(String namespace, String version, String cacheKey) {
    boolean added = marks.computeIfAbsent(key(namespace, version), k -> new TreeSet<>()).add(cacheKey);
    if (added) {
      write(file, marks);
    }
    return added;
  }

  /** Replaces every marker; returns the number of marked keys. */
  int replace(Map<String, TreeSet<String>> all) {
    write(file, all);
    marks = all;
    return all.values().stream().mapToInt(TreeSet::size).sum();
  }

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

  /** Finds the keys whose success records disagree on output_hash, fed records one by one. */
  static final class Detector {
    private final Map<String, String> firstOutput = new java.util.HashMap<>();
    private final Map<String, TreeSet<String>> marks = new TreeMap<>();

    void add(ExecutionRecord r) {
      if (!r.status().equals("success") || r.outputHash().isEmpty()) {
        return;
      }
      String prev = firstOutput.putIfAbsent(r.cacheKey(), r.outputHash().get());
      if (prev != null && !prev.equals(r.outputHash().get())) {
        marks.computeIfAbsent(key(r.node().id(), r.node().version()), k -> new TreeSet<>()).add(r.cacheKey());
      }
    }

    Map<String, TreeSet<String>> marks() {
      return marks;
    }
  }

  private static Diagnostic damaged(Path file, String why) {
    return Diagnostic.warning(CacheError.MARKERS_UNREADABLE, file.toString(), 0, 0, "",
        "ignoring a damaged " + file.getFileName() + " (" + why + ")", CacheError.MARKERS_UNREADABLE.hint());
  }
}
