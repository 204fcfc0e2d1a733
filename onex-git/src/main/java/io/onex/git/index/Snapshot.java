package io.onex.git.index;

import io.onex.core.hash.NodeFiles;
import io.onex.git.GitError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The content of the repository at one point: a commit's tree, the index (staged state), or
 * nothing (before the first commit). Everything is read from git objects, never from the
 * working tree, so hashes cover exactly the bytes git stores (invariant 2).
 *
 * <p>Lookups of single paths are O(depth) for trees and O(log n) for the index; only
 * {@link #nodes} walks everything (pruned by {@link DiscoveryFilter}).
 */
public final class Snapshot {
  private final Repository repo;
  private final String label;
  private final ObjectId tree;
  private final DirCache index;

  private Snapshot(Repository repo, String label, ObjectId tree, DirCache index) {
    this.repo = repo;
    this.label = label;
    this.tree = tree;
    this.index = index;
  }

  static Snapshot ofTree(Repository repo, String label, ObjectId tree) {
    return new Snapshot(repo, label, tree, null);
  }

  static Snapshot ofIndex(Repository repo, DirCache index) {
    return new Snapshot(repo, "index", null, index);
  }

  static Snapshot empty(Repository repo, String label) {
    return new Snapshot(repo, label, null, null);
  }

  /** {@code index}, a revision name, or the name of an unborn branch. */
  public String label() {
    return label;
  }

  public boolean isIndex() {
    return index != null;
  }

  Repository repository() {
    return repo;
  }

  AbstractTreeIterator iterator(ObjectReader reader) throws IOException {
    if (index != null) {
      return new DirCacheIterator(index);
    }
    if (tree == null) {
      return new EmptyTreeIterator();
    }
    return new CanonicalTreeParser(null, reader, tree);
  }

  /** The blob id at {@code path}, if a regular file, executable or symlink is there. */
  public Optional<ObjectId> blob(String path) {
    return entry(path).filter(e -> isFile(e.mode())).map(Entry::id);
  }

  /** The node whose metadata is at {@code dir/node.onex.yaml}, if there is one. */
  public Optional<GitNode> node(String dir) {
    return blob(GitNode.metadataPath(dir)).map(id -> new GitNode(dir, id));
  }

  /** Reads a blob (any size the reader accepts: node files are small). */
  public byte[] read(ObjectId blob) {
    try (ObjectReader reader = repo.newObjectReader()) {
      return reader.open(blob).getBytes();
    } catch (IOException e) {
      throw GitError.io("read blob " + blob.name(), e);
    }
  }

  /**
   * Every node of the snapshot, sorted by directory, skipping the directories
   * {@code exclude} (relative, as in {@code .onex-store/config.yaml}) and the ones node
   * discovery always skips ({@code .git}, {@code .onex-store}, {@code node_modules},
   * {@code target}, {@code __pycache__}).
   */
  public List<GitNode> nodes(List<String> exclude) {
    List<GitNode> out = new ArrayList<>();
    try (ObjectReader reader = repo.newObjectReader(); TreeWalk tw = new TreeWalk(repo, reader)) {
      tw.addTree(iterator(reader));
      tw.setRecursive(true);
      tw.setFilter(new DiscoveryFilter(exclude));
      while (tw.next()) {
        if (isFile(tw.getFileMode(0))) {
          out.add(new GitNode(GitNode.dirOf(tw.getPathString()), tw.getObjectId(0)));
        }
      }
    } catch (IOException e) {
      throw GitError.io("list the nodes of " + label, e);
    }
    out.sort((a, b) -> GitPaths.compare(a.dir(), b.dir()));
    return out;
  }

  /** The files of {@code node} as the hash lock sees them, read lazily from blobs. */
  public NodeFiles files(GitNode node) {
    return GitNodeFiles.list(this, node.dir());
  }

  /**
   * The tree id of the snapshot: a commit's tree, or for the index the tree git would commit
   * (written to the object database, as {@code git write-tree} does).
   */
  public ObjectId treeId() {
    if (index == null) {
      return tree == null ? ObjectId.fromString("4b825dc642cb6eb9a060e54bf8d69288fbee4904") : tree;
    }
    try (org.eclipse.jgit.lib.ObjectInserter ins = repo.newObjectInserter()) {
      ObjectId id = index.writeTree(ins);
      ins.flush();
      return id;
    } catch (IOException e) {
      throw GitError.io("write the tree of the index (unresolved conflicts?)", e);
    }
  }

  /** A file of a node directory, for writing it out: relative path, kind, blob id. */
  public record FileBlob(String path, boolean executable, boolean symlink, ObjectId id) {}

  /** Every file below {@code dir} ({@code ""}: everything), with paths relative to it. */
  public List<FileBlob> blobsBelow(String dir) {
    return entriesBelow(dir).stream().map(e -> new FileBlob(e.path(), e.mode() == FileMode.EXECUTABLE_FILE,
        e.mode() == FileMode.SYMLINK, e.id())).toList();
  }

  /** Every blob below {@code dir} ({@code ""}: everything), with paths relative to it. */
  List<Entry> entriesBelow(String dir) {
    List<Entry> out = new ArrayList<>();
    try (ObjectReader reader = repo.newObjectReader(); TreeWalk tw = new TreeWalk(repo, reader)) {
      tw.addTree(iterator(reader));
      tw.setRecursive(true);
      if (!dir.isEmpty()) {
        tw.setFilter(PathFilter.create(dir));
      }
      int cut = dir.isEmpty() ? 0 : dir.length() + 1;
      while (tw.next()) {
        if (isFile(tw.getFileMode(0))) {
          out.add(new Entry(tw.getPathString().substring(cut), tw.getFileMode(0), tw.getObjectId(0)));
        }
      }
    } catch (IOException e) {
      throw GitError.io("list " + (dir.isEmpty() ? "the files" : dir) + " in " + label, e);
    }
    return out;
  }

  private Optional<Entry> entry(String path) {
    if (index != null) {
      int i = index.findEntry(path);
      if (i < 0) {
        return Optional.empty();
      }
      DirCacheEntry e = index.getEntry(i);
      return Optional.of(new Entry(path, e.getFileMode(), e.getObjectId()));
    }
    if (tree == null) {
      return Optional.empty();
    }
    try (ObjectReader reader = repo.newObjectReader(); TreeWalk tw = TreeWalk.forPath(repo, reader, path, tree)) {
      return tw == null ? Optional.empty() : Optional.of(new Entry(path, tw.getFileMode(0), tw.getObjectId(0)));
    } catch (IOException e) {
      throw GitError.io("look up " + path + " in " + label, e);
    }
  }

  static boolean isFile(FileMode mode) {
    return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE || mode == FileMode.SYMLINK;
  }

  /** One blob: path (relative to whatever was listed), mode, id. */
  record Entry(String path, FileMode mode, ObjectId id) {}
}
