package io.onex.git.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Summaries of metadata blobs by blob id, so that building the dependency graph parses only
 * blobs it has never seen: {@code $GIT_DIR/onex/meta-cache}, one line per blob,
 * {@code <40-hex blob id> <JSON summary>}. A blob id names its content, so an entry never goes
 * stale. Purely a cache: unreadable or torn lines are ignored, writes are appends of whole
 * lines (a concurrent writer can at worst add a duplicate), failures to write are ignored.
 */
final class MetaCache {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private final Map<ObjectId, MetaSummary> known = new HashMap<>();
  private final Map<ObjectId, MetaSummary> added = new LinkedHashMap<>();

  private MetaCache(Path file) {
    this.file = file;
  }

  static MetaCache load(Path file) {
    MetaCache c = new MetaCache(file);
    if (file == null || !Files.isRegularFile(file)) {
      return c;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        c.parseLine(line);
      }
    } catch (IOException | RuntimeException e) {
      c.known.clear();
    }
    return c;
  }

  private void parseLine(String line) {
    if (line.length() < 42 || line.charAt(40) != ' ' || !ObjectId.isId(line.substring(0, 40))) {
      return;
    }
    try {
      JsonNode n = JSON.readTree(line.substring(41));
      known.put(ObjectId.fromString(line.substring(0, 40)), MetaSummary.fromJson(n));
    } catch (IOException | RuntimeException e) {
      // a torn or foreign line: the blob is parsed again
    }
  }

  MetaSummary get(ObjectId blob, Snapshot snapshot, String display) {
    MetaSummary s = known.get(blob);
    if (s == null) {
      s = MetaSummary.parse(snapshot.read(blob), display);
      known.put(blob.copy(), s);
      added.put(blob.copy(), s);
    }
    return s;
  }

  /** Appends what was parsed since loading; best effort. */
  void save() {
    if (file == null || added.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    added.forEach((id, s) -> sb.append(id.name()).append(' ').append(s.toJson().toString()).append('\n'));
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
      }
      added.clear();
    } catch (IOException e) {
      // a cache: the next run parses again
    }
  }
}
