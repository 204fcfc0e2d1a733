package io.onex.git.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.record.ExecutionRecord;
import io.onex.git.GitCli;
import io.onex.git.index.GitNode;
import io.onex.git.index.NodeIndex;
import io.onex.git.index.Snapshot;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The verified list of the hook fast path (docs/formats/hooks.md "Fast path"): after the full
 * pre-commit path passed, the staged tree id of every tested node that nothing refers to is
 * recorded under {@code <git common dir>/onex/verified/<namespace>}, with the id of the record
 * that verified it. The shell hook serves a later commit of the same content from this list.
 *
 * <p>Invariants: only this class writes the list, only from a passing full path, never into
 * the working tree; the namespace is the git blob id of a descriptor that the shell rebuilds
 * byte for byte (launcher, ONEX code, JDK, interpreters by real path + size + mtime, and
 * {@code git ls-files -s} of the configuration, {@code .tree} and every {@code node.onex.yaml},
 * which fixes the dependency graph and the configuration); a node linked to another one in that
 * graph (dependents, composite parents, or needing another node to run) or declaring
 * {@code environment} variables (its verdict may depend on the caller's values) is never
 * listed; a configuration that enforces signatures at pre-commit lists nothing. Writes are whole-file (temporary file + rename) under a lock file,
 * so two worktrees committing at once lose no line and a reader never sees a torn file.
 */
final class Verified {
  static final String INPUTS_FORMAT = "onex.verified-inputs/1";
  static final String NAMESPACE_FORMAT = "onex.verified-namespace/1";
  static final String LIST_FORMAT = "onex.verified/1";
  static final int SCHEMA = 1;
  static final int MAX_ENTRIES = 4096;
  static final int MAX_LISTS = 256;
  /** The pathspec both sides list with {@code git -c core.quotePath=false ls-files -s --}. */
  static final List<String> PATHSPEC = List.of(NodeIndex.CONFIG_PATH, NodeIndex.TREE_PATH, GitNode.METADATA,
      "*/" + GitNode.METADATA);

  private Verified() {}

  /**
   * Records the passing nodes of a full pre-commit run. Best effort: any problem (no launcher
   * known, git failing, a file that cannot be written) records nothing, which only costs a
   * later commit the full path.
   */
  static void record(HookContext ctx, Repository repo, NodeIndex index, Snapshot staged, List<GitNode> tested,
      List<ExecutionRecord> records) {
    try {
      if (signaturesAtPreCommit(index.config(staged))) {
        return;
      }
      Optional<String> ns = namespace(ctx, repo);
      if (ns.isEmpty()) {
        return;
      }
      Set<String> linked = index.linked(staged);
      ObjectId root = staged.treeId();
      Map<String, String> entries = new LinkedHashMap<>();
      for (GitNode n : tested) {
        JsonNode meta = index.metadata(staged, n);
        if (n.dir().isEmpty() || linked.contains(n.dir()) || !meta.path("environment").isEmpty()) {
          continue; // its verdict depends on other nodes or on the caller's environment
        }
        String namespace = meta.path("namespace").asText("");
        Optional<ExecutionRecord> r = records.stream().filter(x -> x.node().id().equals(namespace)).findFirst();
        Optional<ObjectId> tree = subtree(repo, root, n.dir());
        if (r.isPresent() && tree.isPresent()) {
          entries.put(tree.get().name(), r.get().recordId());
        }
      }
      if (!entries.isEmpty()) {
        append(dir(repo, ctx).resolve(ns.get()), ns.get(), entries);
      }
    } catch (IOException | RuntimeException e) {
      // the fast path is an optimization: without an entry the next commit takes the full path
    }
  }

  /** {@code signing.enforce: pre-commit} in the staged configuration. */
  static boolean signaturesAtPreCommit(Optional<JsonNode> config) {
    return config.map(c -> c.path("signing").path("enforce").asText("")).orElse("").equals("pre-commit");
  }

  /** {@code <git common dir>/onex/verified}. */
  static Path dir(Repository repo, HookContext ctx) {
    String common = GitCli.check(workTree(repo, ctx), ctx.env(), "rev-parse", "--git-common-dir").strip();
    return workTree(repo, ctx).resolve(common).normalize().resolve("onex").resolve("verified");
  }

  private static Path workTree(Repository repo, HookContext ctx) {
    return repo.isBare() ? ctx.workDir() : repo.getWorkTree().toPath();
  }

  /**
   * The current namespace: writes the inputs file when it changed, then hashes the descriptor
   * exactly as the shell does. Empty when the launcher is unknown (the shell would not match).
   */
  static Optional<String> namespace(HookContext ctx, Repository repo) throws IOException {
    String launcher = ctx.env().get("ONEX_LAUNCHER");
    if (launcher == null || launcher.isEmpty() || !Files.isRegularFile(Path.of(launcher))) {
      return Optional.empty();
    }
    Path dir = dir(repo, ctx);
    List<String> inputs = inputs(ctx);
    String text = String.join("\n", inputs) + "\n";
    Path file = dir.resolve("inputs");
    if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
      writeAtomically(file, text);
    }
    StringBuilder d = new StringBuilder(NAMESPACE_FORMAT).append('\n');
    d.append("launcher ").append(statOf(Path.of(launcher))).append('\n');
    for (String line : inputs.subList(1, inputs.size() - 1)) {
      d.append(expand(line, ctx.env())).append('\n');
    }
    String ls = GitCli.check(workTree(repo, ctx), ctx.env(), lsFilesArgs());
    d.append("index\n").append(stripTrailingNewlines(ls)).append('\n');
    try (ObjectInserter.Formatter f = new ObjectInserter.Formatter()) {
      return Optional.of(f.idFor(Constants.OBJ_BLOB, d.toString().getBytes(StandardCharsets.UTF_8)).name());
    }
  }

  static String[] lsFilesArgs() {
    List<String> a = new ArrayList<>(List.of("-c", "core.quotePath=false", "ls-files", "-s", "--"));
    a.addAll(PATHSPEC);
    return a.toArray(String[]::new);
  }

  /** What the namespace depends on besides the launcher and the index listing. */
  static List<String> inputs(HookContext ctx) {
    List<String> out = new ArrayList<>();
    out.add(INPUTS_FORMAT);
    out.add("const schema " + SCHEMA);
    String version = Optional.ofNullable(Verified.class.getPackage().getImplementationVersion()).orElse("dev");
    out.add("const onex " + version);
    try {
      out.add("stat " + Path.of(Verified.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (java.net.URISyntaxException | RuntimeException e) {
      out.add("const code unknown");
    }
    out.add("stat " + Path.of(System.getProperty("java.home"), "bin", "java"));
    String python = ctx.runtime().pythonCommand();
    out.add((python.contains("/") ? "stat " : "path ") + python);
    out.add("path java");
    out.add("end");
    return out;
  }

  private static String expand(String line, Map<String, String> env) throws IOException {
    if (line.startsWith("const ")) {
      return line;
    }
    if (line.startsWith("stat ")) {
      return "stat " + statOf(Path.of(line.substring(5)));
    }
    String name = line.substring(5);
    Optional<Path> found = onPath(name, env.getOrDefault("PATH", ""));
    return found.isEmpty() ? line + " none" : line + " " + statOf(found.get());
  }

  /** {@code <real path> <size> <mtime seconds>}, as {@code realpath} then {@code stat -L -c '%s %Y'} print it. */
  static String statOf(Path p) throws IOException {
    Path real = p.toRealPath();
    return real + " " + Files.size(real) + " " + Files.getLastModifiedTime(real).to(TimeUnit.SECONDS);
  }

  private static Optional<Path> onPath(String name, String path) {
    for (String d : path.split(":", -1)) {
      Path c = Path.of(d.isEmpty() ? "." : d).resolve(name);
      if (Files.isRegularFile(c) && Files.isExecutable(c)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static String stripTrailingNewlines(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '\n') {
      end--;
    }
    return s.substring(0, end);
  }

  static Optional<ObjectId> subtree(Repository repo, ObjectId root, String dir) throws IOException {
    try (TreeWalk tw = TreeWalk.forPath(repo, dir, root)) {
      return tw == null || !tw.isSubtree() ? Optional.empty() : Optional.of(tw.getObjectId(0));
    }
  }

  /**
   * Adds {@code entries} (tree id to record id) to the list, keeping the newest: under the
   * class monitor (threads of this JVM) and an exclusive lock on {@code .lock} (other processes).
   */
  static synchronized void append(Path list, String ns, Map<String, String> entries) throws IOException {
    Files.createDirectories(list.getParent());
    try (FileChannel ch = FileChannel.open(list.resolveSibling(".lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
      Map<String, String> all = new LinkedHashMap<>();
      if (Files.isRegularFile(list)) {
        List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && lines.get(0).equals(LIST_FORMAT + " " + ns)) {
          for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(" ");
            if (f.length == 2 && validTree(f[0]) && validRecordId(f[1])) {
              all.put(f[0], f[1]);
            }
          }
        }
      }
      entries.forEach((t, r) -> {
        all.remove(t);
        all.put(t, r);
      });
      List<String> keep = new ArrayList<>(all.keySet());
      StringBuilder sb = new StringBuilder(LIST_FORMAT).append(' ').append(ns).append('\n');
      for (String t : keep.subList(Math.max(0, keep.size() - MAX_ENTRIES), keep.size())) {
        sb.append(t).append(' ').append(all.get(t)).append('\n');
      }
      writeAtomically(list, sb.toString());
      prune(list.getParent());
    }
  }

  static boolean validTree(String t) {
    return (t.length() == 40 || t.length() == 64) && t.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }

  static boolean validRecordId(String r) {
    return !r.isEmpty() && r.length() <= 64 && r.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')
        || c == '-');
  }

  /** Keeps the {@link #MAX_LISTS} most recently written lists. */
  private static void prune(Path dir) throws IOException {
    List<Path> lists;
    try (Stream<Path> s = Files.list(dir)) {
      lists = s.filter(p -> validTree(p.getFileName().toString())).sorted((a, b) -> {
        try {
          return Files.getLastModifiedTime(b).compareTo(Files.getLastModifiedTime(a));
        } catch (IOException e) {
          return 0;
        }
      }).toList();
    }
    for (Path p : lists.subList(Math.min(MAX_LISTS, lists.size()), lists.size())) {
      Files.deleteIfExists(p);
    }
  }

  static void writeAtomically(Path target, String text) throws IOException {
    Files.createDirectories(target.getParent());
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
