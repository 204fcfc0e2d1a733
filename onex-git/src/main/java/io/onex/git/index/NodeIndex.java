package io.onex.git.index;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.OnexException;
import io.onex.core.hash.HashLock;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlLimits;
import io.onex.git.GitError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The indexer: discovers nodes in git objects (a revision or the index), computes hash locks
 * over blob bytes, and finds what changed between two snapshots and which nodes that affects.
 *
 * <p>Cost: {@link #diff} is one tree diff that skips unchanged subtrees (and, against the
 * index, uses its cached tree ids), so it grows with the change, not the repository, plus a
 * few path look-ups per changed path. {@link #affected} needs the reverse dependency graph,
 * which lists every node's metadata blob (a pruned walk) but parses only blobs not yet in
 * the {@link MetaCache} under {@code $GIT_DIR/onex/}.
 */
public final class NodeIndex {
  /** The repository configuration path, relative to the root. */
  public static final String CONFIG_PATH = ".onex-store/config.yaml";
  /** The discovery index path, relative to the root. */
  public static final String TREE_PATH = ".tree";

  private final Repository repo;
  private final MetaCache cache;

  private NodeIndex(Repository repo, MetaCache cache) {
    this.repo = repo;
    this.cache = cache;
  }

  /** An indexer over {@code repo}, caching metadata summaries in its git directory. */
  public static NodeIndex open(Repository repo) {
    Objects.requireNonNull(repo, "repo");
    return new NodeIndex(repo, MetaCache.load(repo.getDirectory().toPath().resolve("onex").resolve("meta-cache")));
  }

  /** An indexer that keeps no cache on disk (benchmarks, read-only repositories). */
  public static NodeIndex uncached(Repository repo) {
    return new NodeIndex(Objects.requireNonNull(repo, "repo"), MetaCache.load((Path) null));
  }

  /**
   * The snapshot of a revision ({@code HEAD}, a branch, a commit id). An unborn {@code HEAD}
   * gives the empty snapshot; any other name that resolves to no commit is ONEX-J002.
   */
  public Snapshot commit(String rev) {
    try {
      ObjectId id = repo.resolve(rev + "^{commit}");
      if (id == null) {
        if (rev.equals(Constants.HEAD)) {
          return Snapshot.empty(repo, rev);
        }
        throw GitError.BAD_REVISION.fail("", "'" + rev + "' does not name a commit");
      }
      try (RevWalk rw = new RevWalk(repo)) {
        return Snapshot.ofTree(repo, rev, rw.parseCommit(id).getTree().copy());
      }
    } catch (IOException e) {
      throw GitError.io("resolve " + rev, e);
    } catch (org.eclipse.jgit.errors.RevisionSyntaxException e) {
      throw GitError.BAD_REVISION.fail("", "'" + rev + "' is not a revision: " + e.getMessage());
    }
  }

  /** The empty snapshot (what a first commit is compared with). */
  public Snapshot empty() {
    return Snapshot.empty(repo, "empty tree");
  }

  /** The staged state: the index git would commit (honours the repository's index file). */
  public Snapshot staged() {
    try {
      return Snapshot.ofIndex(repo, repo.readDirCache());
    } catch (IOException e) {
      throw GitError.io("read the index", e);
    }
  }

  /** What changed from {@code from} to {@code to}: one tree diff, renames paired. */
  public ChangeSet diff(Snapshot from, Snapshot to) {
    List<String> exclude = exclude(to);
    Map<String, Boolean> touched = new TreeMap<>(GitPaths::compare);
    boolean tree = false;
    boolean config = false;
    int paths = 0;
    try (ObjectReader reader = repo.newObjectReader(); TreeWalk tw = new TreeWalk(repo, reader)) {
      tw.addTree(from.iterator(reader));
      tw.addTree(to.iterator(reader));
      tw.setRecursive(true);
      tw.setFilter(TreeFilter.ANY_DIFF);
      OwnerFinder owners = new OwnerFinder(from, to);
      while (tw.next()) {
        paths++;
        String path = tw.getPathString();
        tree |= path.equals(TREE_PATH);
        config |= path.equals(CONFIG_PATH);
        if (exclude.stream().anyMatch(e -> GitPaths.within(path, e)) || skipped(path)) {
          continue;
        }
        owners.owners(path).forEach(d -> touched.put(d, true));
      }
    } catch (IOException e) {
      throw GitError.io("diff " + from.label() + " and " + to.label(), e);
    }
    return new ChangeSet(Renames.pair(from, to, touched.keySet(), cache), tree, config, paths);
  }

  private static boolean skipped(String path) {
    for (String seg : path.split("/")) {
      if (DiscoveryFilter.SKIP.contains(seg)) {
        return true;
      }
    }
    return false;
  }

  /** {@code nodes} and every node of {@code snapshot} they need to run (composite children, transitively). */
  public List<GitNode> required(Snapshot snapshot, java.util.Collection<GitNode> nodes) {
    Map<String, GitNode> byDir = new LinkedHashMap<>();
    Map<String, MetaSummary> summaries = new LinkedHashMap<>();
    for (GitNode n : snapshot.nodes(exclude(snapshot))) {
      byDir.put(n.dir(), n);
      summaries.put(n.dir(), cache.get(n.metadataBlob(), snapshot, n.metadataPath()));
    }
    cache.save();
    return nodes(DependencyGraph.build(summaries).requirements(nodes.stream().map(GitNode::dir).toList()), byDir);
  }

  /**
   * The nodes of {@code to} that {@code changes} affects: changed nodes, their dependents
   * and composite parents (transitively), and what those need to run.
   */
  public Affected affected(Snapshot to, ChangeSet changes) {
    List<GitNode> all = to.nodes(exclude(to));
    Map<String, GitNode> byDir = new LinkedHashMap<>();
    Map<String, MetaSummary> summaries = new LinkedHashMap<>();
    for (GitNode n : all) {
      byDir.put(n.dir(), n);
      summaries.put(n.dir(), cache.get(n.metadataBlob(), to, n.metadataPath()));
    }
    cache.save();
    DependencyGraph graph = DependencyGraph.build(summaries);
    List<String> changed = new ArrayList<>();
    Set<String> gone = new HashSet<>();
    for (NodeChange c : changes.nodes()) {
      c.after().filter(n -> byDir.containsKey(n.dir())).ifPresent(n -> changed.add(n.dir()));
      if (c.kind() == NodeChange.Kind.DELETED || c.kind() == NodeChange.Kind.RENAMED) {
        GitNode before = c.before().orElseThrow();
        String ns = cache.get(before.metadataBlob(), to, before.metadataPath()).namespace();
        boolean stillThere = summaries.values().stream().anyMatch(s -> s.namespace().equals(ns));
        if (!ns.isEmpty() && !stillThere) {
          gone.add(ns);
        }
      }
    }
    cache.save();
    List<String> dependents = new ArrayList<>(graph.dependents(changed, gone));
    List<String> run = new ArrayList<>(changed);
    run.addAll(dependents);
    return new Affected(nodes(changed, byDir), nodes(dependents, byDir), nodes(graph.requirements(run), byDir));
  }

  /**
   * The directories of the nodes of {@code snapshot} linked to another node through
   * {@code dependencies} or {@code subgraph} URIs, in either direction: nodes with dependents
   * or composite parents, and nodes that need another node to run.
   */
  public Set<String> linked(Snapshot snapshot) {
    Map<String, MetaSummary> summaries = new LinkedHashMap<>();
    for (GitNode n : snapshot.nodes(exclude(snapshot))) {
      summaries.put(n.dir(), cache.get(n.metadataBlob(), snapshot, n.metadataPath()));
    }
    cache.save();
    return DependencyGraph.build(summaries).linked();
  }

  private static List<GitNode> nodes(java.util.Collection<String> dirs, Map<String, GitNode> byDir) {
    return dirs.stream().map(byDir::get).filter(Objects::nonNull).toList();
  }

  /** The hash lock of {@code node} as stored in {@code snapshot}: computed over blob bytes. */
  public String hashLock(Snapshot snapshot, GitNode node) {
    return HashLock.compute(metadata(snapshot, node), snapshot.files(node));
  }

  /** The metadata of {@code node} parsed strictly; ONEX-J004 when it is not a YAML mapping. */
  public JsonNode metadata(Snapshot snapshot, GitNode node) {
    try {
      return StrictYaml.parseMapping(snapshot.read(node.metadataBlob()), node.metadataPath(), YamlLimits.DEFAULT).root();
    } catch (OnexException e) {
      List<io.onex.core.diag.Diagnostic> all = new ArrayList<>();
      all.add(GitError.BAD_METADATA_BLOB.at(node.metadataPath(), node.metadataPath() + " in " + snapshot.label()
          + " is not a readable YAML mapping"));
      all.addAll(e.diagnostics());
      throw new OnexException(all);
    }
  }

  /** The {@code exclude} list of the snapshot's {@code .onex-store/config.yaml} (lenient: validation reports problems). */
  public List<String> exclude(Snapshot snapshot) {
    Optional<JsonNode> cfg = config(snapshot);
    List<String> out = new ArrayList<>();
    cfg.map(c -> c.path("exclude")).ifPresent(ex -> ex.forEach(e -> {
      String d = e.asText("");
      if (!d.isEmpty()) {
        out.add(d.endsWith("/") ? d.substring(0, d.length() - 1) : d);
      }
    }));
    return out;
  }

  /** The snapshot's {@code .onex-store/config.yaml} as a tree, when present and readable. */
  public Optional<JsonNode> config(Snapshot snapshot) {
    return snapshot.blob(CONFIG_PATH).flatMap(id -> {
      try {
        return Optional.of(StrictYaml.parseMapping(snapshot.read(id), CONFIG_PATH, YamlLimits.DEFAULT).root());
      } catch (OnexException e) {
        return Optional.empty();
      }
    });
  }

  public Repository repository() {
    return repo;
  }
}
