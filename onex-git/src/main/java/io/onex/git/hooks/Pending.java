package io.onex.git.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.git.GitError;
import io.onex.git.notes.CommitSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The hand-over files between hook runs, under {@code $GIT_DIR/onex/} (per worktree;
 * docs/formats/hooks.md):
 *
 * <ul>
 *   <li>{@code pending/<millis>-<id>.json}: what a pre-commit run leaves for post-commit, the
 *       tree it checked and the summary lines of the commit that will have that tree
 *       ({@code {"format":"onex.pending/1","tree":...,"summaries":[...],"skip":bool}}). Written
 *       to a temporary name and renamed, so a reader never sees half a file; deleted only
 *       after the summary is in the notes, so a kill at any point loses nothing (a rerun adds
 *       the same lines again, which the notes' set semantics absorb).
 *   <li>{@code pending-runs}: node directories moved out of the commit path (budget), one per
 *       line, run by {@code onex hook run-pending} or at pre-push.
 * </ul>
 */
final class Pending {
  static final String FORMAT = "onex.pending/1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path dir;

  Pending(Path gitDir) {
    this.dir = gitDir.resolve("onex");
  }

  /** One pre-commit hand-over. */
  record Entry(Path file, String tree, List<CommitSummary> summaries, boolean skip, java.util.Optional<String> commit) {}

  Path pendingDir() {
    return dir.resolve("pending");
  }

  void add(long millis, String tree, List<CommitSummary> summaries, boolean skip) {
    add(millis, tree, summaries, skip, java.util.Optional.empty());
  }

  /** A hand-over that names its commit (known after the fact: a fast-path commit's fold). */
  void add(long millis, String tree, List<CommitSummary> summaries, boolean skip, java.util.Optional<String> commit) {
    ObjectNode o = JSON.createObjectNode();
    o.put("format", FORMAT).put("tree", tree).put("skip", skip);
    commit.ifPresent(c -> o.put("commit", c));
    ArrayNode a = o.putArray("summaries");
    summaries.forEach(s -> a.add(s.toJson()));
    String name = String.format("%013d", millis) + "-" + UUID.randomUUID() + ".json";
    writeAtomically(pendingDir().resolve(name), (o.toString() + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Every hand-over, oldest first; unreadable files are reported as ONEX-J014. */
  List<Entry> entries() {
    Path p = pendingDir();
    if (!Files.isDirectory(p)) {
      return List.of();
    }
    List<Entry> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(p)) {
      for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
        if (Files.exists(f)) { // a concurrent post-commit may have consumed it
          out.add(read(f));
        }
      }
    } catch (IOException e) {
      throw GitError.PENDING_FILE.fail(p.toString(), "cannot list " + p + ": " + e.getMessage());
    }
    return out;
  }

  private static Entry read(Path f) {
    try {
      JsonNode n = JSON.readTree(Files.readAllBytes(f));
      if (!FORMAT.equals(n.path("format").asText()) || !n.path("tree").isTextual()) {
        throw new IOException("not an " + FORMAT + " file");
      }
      List<CommitSummary> s = new ArrayList<>();
      n.path("summaries").forEach(x -> s.add(new CommitSummary(x.path("node").asText(),
          x.path("record_id").asText(), x.path("status").asText())));
      java.util.Optional<String> commit = n.path("commit").isTextual()
          ? java.util.Optional.of(n.path("commit").asText()) : java.util.Optional.empty();
      return new Entry(f, n.path("tree").asText(), s, n.path("skip").asBoolean(false), commit);
    } catch (IOException | RuntimeException e) {
      throw GitError.PENDING_FILE.fail(f.toString(), "cannot read the pending file " + f + ": " + e.getMessage());
    }
  }

  void remove(Entry e) {
    try {
      Files.deleteIfExists(e.file());
    } catch (IOException ex) {
      throw GitError.PENDING_FILE.fail(e.file().toString(), "cannot remove " + e.file() + ": " + ex.getMessage());
    }
  }

  /** Directories waiting for {@code run-pending}, in first-added order. */
  Set<String> runs() {
    Path f = dir.resolve("pending-runs");
    if (!Files.isRegularFile(f)) {
      return new LinkedHashSet<>();
    }
    try {
      Set<String> out = new LinkedHashSet<>();
      Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).forEach(out::add);
      return out;
    } catch (IOException e) {
      throw GitError.PENDING_FILE.fail(f.toString(), "cannot read " + f + ": " + e.getMessage());
    }
  }

  void setRuns(Set<String> dirs) {
    StringBuilder sb = new StringBuilder();
    dirs.forEach(d -> sb.append(d).append('\n'));
    writeAtomically(dir.resolve("pending-runs"), sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void writeAtomically(Path target, byte[] bytes) {
    try {
      Files.createDirectories(target.getParent());
      Path tmp = target.resolveSibling(target.getFileName() + ".tmp-" + UUID.randomUUID());
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw GitError.PENDING_FILE.fail(target.toString(), "cannot write " + target + ": " + e.getMessage());
    }
  }
}
