package io.onex.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.hash.Sha256;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Content-addressed output states under {@code .onex-store/outputs/} (docs/formats/cache.md).
 * An output is stored as its RFC 8785 canonical JSON bytes in {@code outputs/<h0h1>/<h>.json},
 * where {@code h} is the SHA-256 of exactly those bytes, which is the {@code output_hash} of
 * {@link io.onex.core.record.TraceHashes#state}.
 *
 * <p>Invariants: a file is written to a temp file in the same directory, forced to disk, and
 * renamed atomically onto its name, then the directory is forced; a killed writer leaves at
 * most a {@code .tmp} file ({@link #removeTemps()} deletes those). A read re-hashes the bytes:
 * a mismatch, a parse failure or an oversized file is a {@link Status#CORRUPT} /
 * {@link Status#MALFORMED} / {@link Status#OVERSIZED} miss with a warning, never a hit.
 * Outputs larger than {@link #MAX_BYTES} are never stored. Not thread-safe across writers:
 * the store lock serializes writing processes.
 */
public final class OutputStore {
  /** The directory under the store directory. */
  public static final String DIR = "outputs";
  /** The cap per output, in bytes of canonical JSON (8 MiB). */
  public static final long MAX_BYTES = 8L << 20;

  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Path root;
  private final long maxBytes;

  OutputStore(Path root, long maxBytes) {
    this.root = root;
    this.maxBytes = maxBytes;
  }

  /** What a read found. */
  public enum Status { HIT, MISSING, CORRUPT, MALFORMED, OVERSIZED }

  /** The result of {@link #get}: the output on a hit; a warning for every miss but MISSING. */
  public record Lookup(Status status, Optional<JsonNode> output, Optional<Diagnostic> problem) {
    public boolean hit() {
      return status == Status.HIT;
    }
  }

  /** One stored file. */
  public record Entry(String hash, long size, Path file) {}

  /** The directory holding the outputs. */
  public Path root() {
    return root;
  }

  /** The file an output with this hash lives in. */
  public Path fileOf(String outputHash) {
    requireHash(outputHash);
    return root.resolve(outputHash.substring(0, 2)).resolve(outputHash + ".json");
  }

  /**
   * Stores {@code output} (idempotent: an intact file of the same hash is left alone).
   *
   * @return the output hash
   * @throws OnexException {@code ONEX-K003} when larger than the cap, {@code ONEX-K004} on I/O failure
   */
  public String put(JsonNode output) {
    byte[] bytes = CanonicalJson.canonicalize(output);
    String hash = Sha256.hex(bytes);
    Path file = fileOf(hash);
    if (bytes.length > maxBytes) {
      throw new OnexException(Diagnostic.error(CacheError.OUTPUT_TOO_LARGE, file.toString(), 0, 0, "",
          "the output is " + bytes.length + " bytes, the cap is " + maxBytes));
    }
    if (get(hash).hit()) {
      return hash;
    }
    Path tmp = file.resolveSibling("." + hash.substring(0, 16) + "-" + UUID.randomUUID() + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      move(tmp, file);
      forceDir(file.getParent());
      return hash;
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new OnexException(Diagnostic.error(CacheError.OUTPUT_IO, file.toString(), 0, 0, "",
          "cannot store the output: " + e));
    }
  }

  /** Reads and verifies the output stored under {@code outputHash}. */
  public Lookup get(String outputHash) {
    Path file = fileOf(outputHash);
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        return miss(Status.OVERSIZED, CacheError.OUTPUT_TOO_LARGE, file, "the stored output is " + size
            + " bytes, more than the cap of " + maxBytes + "; treated as a miss");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Lookup(Status.MISSING, Optional.empty(), Optional.empty());
    } catch (IOException e) {
      return miss(Status.CORRUPT, CacheError.OUTPUT_IO, file, "cannot read the stored output: " + e);
    }
    if (bytes.length > maxBytes) {
      return miss(Status.OVERSIZED, CacheError.OUTPUT_TOO_LARGE, file, "the stored output grew past the cap; treated as a miss");
    }
    String actual = Sha256.hex(bytes);
    if (!actual.equals(outputHash)) {
      return miss(Status.CORRUPT, CacheError.OUTPUT_CORRUPT, file, "the stored output hashes to " + actual
          + ", not to " + outputHash + "; treated as a miss");
    }
    try {
      JsonNode n = MAPPER.readTree(bytes);
      if (n == null || !n.isObject()) {
        return miss(Status.MALFORMED, CacheError.OUTPUT_MALFORMED, file, "the stored output is not a JSON object");
      }
      return new Lookup(Status.HIT, Optional.of(n), Optional.empty());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return miss(Status.MALFORMED, CacheError.OUTPUT_MALFORMED, file, "the stored output is not valid JSON: "
          + e.getOriginalMessage());
    } catch (IOException e) {
      return miss(Status.MALFORMED, CacheError.OUTPUT_MALFORMED, file, "the stored output is not valid JSON: " + e);
    }
  }

  /** Deletes the output of this hash; returns whether a file was there. */
  public boolean delete(String outputHash) {
    try {
      return Files.deleteIfExists(fileOf(outputHash));
    } catch (IOException e) {
      throw new OnexException(Diagnostic.error(CacheError.OUTPUT_IO, fileOf(outputHash).toString(), 0, 0, "",
          "cannot delete the stored output: " + e));
    }
  }

  /** Every stored output (files named {@code <hash>.json} in a fan-out directory), sorted by hash. */
  public List<Entry> list() {
    List<Entry> out = new ArrayList<>();
    for (Path f : files()) {
      String name = f.getFileName().toString();
      String hash = name.endsWith(".json") ? name.substring(0, name.length() - 5) : "";
      if (HASH.matcher(hash).matches() && f.getParent().getFileName().toString().equals(hash.substring(0, 2))) {
        out.add(new Entry(hash, sizeOf(f), f));
      }
    }
    out.sort((a, b) -> a.hash().compareTo(b.hash()));
    return out;
  }

  /** Deletes the temp files killed writers left behind; returns how many. */
  public int removeTemps() {
    int n = 0;
    for (Path f : files()) {
      if (f.getFileName().toString().endsWith(".tmp")) {
        deleteQuietly(f);
        n++;
      }
    }
    return n;
  }

  private List<Path> files() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root, 2)) {
      return s.filter(Files::isRegularFile).toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new OnexException(Diagnostic.error(CacheError.OUTPUT_IO, root.toString(), 0, 0, "",
          "cannot list the output store: " + e));
    }
  }

  private static long sizeOf(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      return 0;
    }
  }

  private static Lookup miss(Status status, CacheError code, Path file, String message) {
    return new Lookup(status, Optional.empty(), Optional.of(Diagnostic.warning(code, file.toString(), 0, 0, "",
        message, code.hint())));
  }

  private static void move(Path tmp, Path file) throws IOException {
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void forceDir(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some file systems cannot open a directory for reading; the rename is still atomic
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // a leftover temp file is harmless: removeTemps deletes it later
    }
  }

  private static void requireHash(String h) {
    if (h == null || !HASH.matcher(h).matches()) {
      throw new OnexException(Diagnostic.error(StoreError.INVALID_ARGUMENT, "", 0, 0, "output_hash",
          "an output hash is 64 lowercase hex digits, not '" + h + "'"));
    }
  }
}
