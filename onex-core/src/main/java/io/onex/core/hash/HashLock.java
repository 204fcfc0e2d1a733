package io.onex.core.hash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hash lock of a node: one SHA-256 over its metadata and all its files
 * ({@code docs/formats/hash-lock.md} is the normative definition).
 *
 * <p>The pre-image is the RFC 8785 canonical JSON of
 * {@code {"version":"onex-hashlock-1","metadata":M,"files":F}}: M is the metadata without the
 * top-level keys {@link #UNHASHED_KEYS} (they hold the hash itself, the signature over it and
 * a timestamp that stamping rewrites); F lists {@code {"path","mode","sha256"}} for every file
 * of the node, sorted by path as UTF-8 bytes. The hash is the lowercase hex SHA-256 of the
 * pre-image. Paths are taken as stored (no Unicode normalization); unsafe paths are refused.
 */
public final class HashLock {
  /** The format tag inside every pre-image; a new definition gets a new tag. */
  public static final String VERSION = "onex-hashlock-1";

  /** Top-level metadata keys left out of the pre-image. */
  public static final Set<String> UNHASHED_KEYS = Set.of("hash", "signature_block", "last_modified_at");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private HashLock() {}

  /**
   * The hash lock of a node: lowercase hex SHA-256 of {@link #preimage}.
   *
   * @throws OnexException with an {@code ONEX-H} diagnostic (see {@link #preimage})
   */
  public static String compute(JsonNode metadata, NodeFiles files) {
    return Sha256.hex(preimage(metadata, files));
  }

  /**
   * The exact bytes that {@link #compute} hashes.
   *
   * @throws OnexException {@code ONEX-H013} if {@code metadata} is not an object,
   *     {@code ONEX-H010}/{@code H014}/{@code H015} for bad or duplicate paths,
   *     {@code ONEX-H011} if a file cannot be read, {@code ONEX-H001..H006} for metadata
   *     values that have no canonical JSON form (the field is their JSON pointer)
   */
  public static byte[] preimage(JsonNode metadata, NodeFiles files) {
    String metadataFile = metadataFile(files.origin());
    ObjectNode root = NODES.objectNode();
    root.put("version", VERSION);
    root.set("metadata", hashedMetadata(metadata, metadataFile));
    root.set("files", fileRecords(files));
    try {
      return CanonicalJson.canonicalize(root);
    } catch (OnexException e) {
      throw relocate(e, metadataFile);
    }
  }

  private static ObjectNode hashedMetadata(JsonNode metadata, String metadataFile) {
    if (metadata == null || !metadata.isObject()) {
      String kind = metadata == null ? "nothing" : metadata.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
      throw new OnexException(Diagnostic.error(HashError.METADATA_NOT_OBJECT, metadataFile, 0, 0, "",
          "the metadata is " + kind + ", not a mapping"));
    }
    ObjectNode copy = NODES.objectNode();
    for (Map.Entry<String, JsonNode> field : metadata.properties()) {
      if (!UNHASHED_KEYS.contains(field.getKey())) {
        copy.set(field.getKey(), field.getValue());
      }
    }
    return copy;
  }

  private static ArrayNode fileRecords(NodeFiles files) {
    List<FileRef> refs = sortedFiles(files);
    ArrayNode array = NODES.arrayNode(refs.size());
    for (FileRef ref : refs) {
      ObjectNode rec = array.addObject();
      rec.put("path", ref.entry.path());
      rec.put("mode", ref.entry.mode().git());
      rec.put("sha256", digest(ref.entry, files.origin()));
    }
    return array;
  }

  /** Validated, filtered, sorted by UTF-8 bytes, free of duplicates. */
  private static List<FileRef> sortedFiles(NodeFiles files) {
    List<NodeFiles.Entry> entries = files.entries();
    List<String> paths = new ArrayList<>(entries.size());
    for (NodeFiles.Entry e : entries) {
      checkPath(e.path(), files.origin());
      paths.add(e.path());
    }
    Set<String> nested = NodePaths.nestedNodeRoots(paths);
    List<FileRef> refs = new ArrayList<>(entries.size());
    for (NodeFiles.Entry e : entries) {
      if (!NodePaths.excluded(e.path(), nested)) {
        refs.add(new FileRef(e, e.path().getBytes(StandardCharsets.UTF_8)));
      }
    }
    refs.sort((a, b) -> Arrays.compareUnsigned(a.utf8, b.utf8));
    for (int i = 1; i < refs.size(); i++) {
      if (Arrays.equals(refs.get(i - 1).utf8, refs.get(i).utf8)) {
        throw new OnexException(Diagnostic.error(HashError.DUPLICATE_PATH,
            display(files.origin(), refs.get(i).entry.path()), 0, 0, "",
            "the file is listed more than once"));
      }
    }
    return refs;
  }

  private static void checkPath(String path, String origin) {
    if (NodePaths.hasLoneSurrogate(path)) {
      throw new OnexException(Diagnostic.error(HashError.UNDECODABLE_NAME, origin, 0, 0, "",
          "a file path holds an unpaired surrogate, so it has no UTF-8 form"));
    }
    NodePaths.problem(path).ifPresent(why -> {
      throw new OnexException(Diagnostic.error(HashError.UNSAFE_PATH, display(origin, path), 0, 0, "",
          "unsafe node file path \"" + path + "\": " + why));
    });
  }

  private static String digest(NodeFiles.Entry entry, String origin) {
    try (InputStream in = entry.open()) {
      return Sha256.hex(in);
    } catch (IOException e) {
      throw new OnexException(Diagnostic.error(HashError.READ_FAILED, display(origin, entry.path()), 0, 0, "",
          "cannot read: " + Sha256.describe(e)));
    }
  }

  /** Points metadata problems at the metadata file, with a pointer relative to its root. */
  private static OnexException relocate(OnexException e, String metadataFile) {
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : e.diagnostics()) {
      String field = d.field();
      if (field.equals("/metadata") || field.startsWith("/metadata/")) {
        field = field.substring("/metadata".length());
      }
      out.add(new Diagnostic(d.code(), d.severity(), metadataFile, d.line(), d.column(), field,
          d.message(), d.hint()));
    }
    return new OnexException(out);
  }

  private static String metadataFile(String origin) {
    return display(origin, NodeFiles.METADATA_FILE);
  }

  private static String display(String origin, String path) {
    return origin == null || origin.isEmpty() ? path : origin + "/" + path;
  }

  private record FileRef(NodeFiles.Entry entry, byte[] utf8) {}
}
