package io.onex.git.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.diag.Diagnostic;
import io.onex.git.GitError;
import io.onex.git.index.GitNode;
import io.onex.git.notes.CommitSummary;
import io.onex.git.notes.NotesLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Folds the {@code pending/*.cached} files that the shell fast path of pre-commit writes
 * (docs/formats/hooks.md) into the notes: for each node served from the verified list, a
 * {@code cached} record ({@code cached_from} = the record that verified the tree id) on the
 * node's {@code node.onex.yaml} blob, and an {@code onex.pending/1} hand-over with its summary
 * line, which post-commit attaches to the commit (the one post-commit named in the
 * {@code .commit} file beside it, else the newest commit with the staged tree).
 *
 * <p>Invariants: nothing is lost when a process is killed at any point: the {@code .cached}
 * file is deleted only after the notes commit and the hand-over are written; a rerun writes
 * byte-identical records (the record id is a name-based UUID of file, tree and producer, the
 * start time is the file's), which the notes' set semantics absorb. A file that cannot be
 * read is left in place and reported.
 */
final class CachedFold {
  static final String FORMAT = "onex.cached/1";
  static final String SUFFIX = ".cached";

  private CachedFold() {}

  /** One fold: returns the lines to print (nothing when there was nothing to fold). */
  static List<String> run(HookContext ctx, Repository repo, Pending pending) {
    List<Path> files = files(pending.pendingDir());
    if (files.isEmpty()) {
      return List.of();
    }
    NotesLog notes = NotesLog.open(repo, ctx.clock(), d -> { });
    Map<ObjectId, List<JsonNode>> records = new LinkedHashMap<>();
    List<Runnable> handOvers = new ArrayList<>();
    List<Path> done = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (Path f : files) {
      try {
        fold(repo, notes, f, records, handOvers, pending);
        done.add(f);
      } catch (IOException | RuntimeException e) {
        Diagnostic d = GitError.PENDING_FILE.at(f.toString(), "cannot fold " + f + ": " + e.getMessage());
        lines.add(d.format());
      }
    }
    if (!records.isEmpty()) {
      notes.appendJson(records, "onex: cached records of " + done.size() + " fast-path commit(s)");
    }
    handOvers.forEach(Runnable::run);
    for (Path f : done) {
      try {
        Files.deleteIfExists(f);
        Files.deleteIfExists(tagOf(f));
      } catch (IOException e) {
        lines.add(GitError.PENDING_FILE.at(f.toString(), "cannot remove " + f + ": " + e.getMessage()).format());
      }
    }
    int n = records.values().stream().mapToInt(List::size).sum();
    if (n > 0) {
      lines.add("onex: " + n + " cached record(s) from the hook fast path folded into the notes");
    }
    return lines;
  }

  /** The {@code .cached} files, oldest name first. */
  static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static void fold(Repository repo, NotesLog notes, Path f, Map<ObjectId, List<JsonNode>> records,
      List<Runnable> handOvers, Pending pending) throws IOException {
    List<String> lines;
    long millis;
    try {
      lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      millis = Files.getLastModifiedTime(f).toMillis() / 1000 * 1000;
    } catch (NoSuchFileException e) {
      return; // folded by a concurrent run
    }
    if (lines.size() < 2 || !lines.get(0).startsWith(FORMAT + " ") || !lines.get(lines.size() - 1).equals("end")) {
      throw new IOException("not a complete " + FORMAT + " file");
    }
    String root = lines.get(0).substring(FORMAT.length() + 1);
    if (!Verified.validTree(root)) {
      throw new IOException("bad tree id " + root);
    }
    List<CommitSummary> summaries = new ArrayList<>();
    for (String l : lines.subList(1, lines.size() - 1)) {
      String[] p = l.split(" ", 3);
      if (p.length != 3 || !Verified.validTree(p[0]) || !Verified.validRecordId(p[1])) {
        throw new IOException("bad line '" + l + "'");
      }
      ObjectId blob = metadataBlob(repo, ObjectId.fromString(p[0]));
      JsonNode producer = notes.read(blob).stream().filter(r -> p[1].equals(r.path("record_id").asText()))
          .findFirst().orElseThrow(() -> new IOException("no record " + p[1] + " on " + blob.name()
              + " (the notes of the verifying run are missing)"));
      ObjectNode cached = cachedRecord(producer, root, p[0], millis);
      records.computeIfAbsent(blob, k -> new ArrayList<>()).add(cached);
      summaries.add(new CommitSummary(cached.path("node").path("id").asText(), cached.path("record_id").asText(),
          "cached"));
    }
    java.util.Optional<String> commit = commitTag(f);
    handOvers.add(() -> pending.add(millis, root, summaries, false, commit));
  }

  /** The commit post-commit wrote beside the file ({@code <name without .cached>.commit}), when valid. */
  static java.util.Optional<String> commitTag(Path cached) {
    Path tag = tagOf(cached);
    try {
      String c = Files.isRegularFile(tag) ? Files.readString(tag, StandardCharsets.UTF_8).strip() : "";
      return Verified.validTree(c) ? java.util.Optional.of(c) : java.util.Optional.empty();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  static Path tagOf(Path cached) {
    String n = cached.getFileName().toString();
    return cached.resolveSibling(n.substring(0, n.length() - SUFFIX.length()) + ".commit");
  }

  private static ObjectId metadataBlob(Repository repo, ObjectId nodeTree) throws IOException {
    try (TreeWalk tw = TreeWalk.forPath(repo, GitNode.METADATA, nodeTree)) {
      if (tw == null || tw.isSubtree()) {
        throw new IOException("tree " + nodeTree.name() + " has no " + GitNode.METADATA);
      }
      return tw.getObjectId(0);
    }
  }

  /** The producer's record as a {@code cached} record (docs/formats/cache.md "The cached record"). */
  static ObjectNode cachedRecord(JsonNode producer, String root, String nodeTree, long millis) {
    ObjectNode o = producer.deepCopy();
    String producerId = producer.path("record_id").asText();
    String id = UUID.nameUUIDFromBytes(("onex-fast-path\n" + root + "\n" + nodeTree + "\n" + producerId + "\n" + millis)
        .getBytes(StandardCharsets.UTF_8)).toString();
    o.put("record_id", id);
    o.put("status", "cached");
    o.put("cached_from", producerId);
    o.put("started_at", Instant.ofEpochMilli(millis).toString());
    o.put("duration_ms", 0);
    o.put("cost_usd", 0);
    o.put("executor", "cache");
    o.putNull("error");
    o.putNull("commit");
    o.putNull("parent_record_id");
    return o;
  }
}
