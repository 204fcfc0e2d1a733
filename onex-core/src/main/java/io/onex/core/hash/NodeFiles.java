package io.onex.core.hash;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files of one node directory, as the hash lock sees them: a relative path with
 * {@code /} separators, a git-style mode and the content.
 *
 * <p>What belongs to a node: every regular file and symbolic link below the node directory
 * except the metadata file {@value #METADATA_FILE} at its root, any subdirectory that holds
 * its own {@value #METADATA_FILE} (a nested node is another node), anything named
 * {@code .git} or {@code __pycache__}, and {@code *.pyc} files. A symbolic link is recorded,
 * not followed: its content is its target text, as git stores it. {@link HashLock} applies the
 * same exclusions again to whatever an implementation lists, so an implementation over git
 * trees may list every blob.
 *
 * <p>Paths are Unicode strings compared as UTF-8 bytes; no normalization (NFC or other) is
 * applied. Implementations: {@link #ofDirectory(Path)} over the file system,
 * {@link #of(String, List)} in memory; a later module reads git objects.
 */
public interface NodeFiles {
  /** The metadata file of a node, never part of its own file list. */
  String METADATA_FILE = "node.onex.yaml";

  /** Where the files come from (a directory, or a commit and path), for diagnostics. */
  String origin();

  /**
   * The files, in any order. Implementations that read lazily report failures as
   * {@link io.onex.core.diag.OnexException} with an {@code ONEX-H} code.
   */
  List<Entry> entries();

  /** One file of a node. */
  interface Entry {
    /** Relative path, {@code /}-separated, for example {@code src/main.py}. */
    String path();

    Mode mode();

    /** Opens the content: the bytes of a regular file, the target text of a link. */
    InputStream open() throws IOException;
  }

  /** The three git tree-entry modes a node file can have. */
  enum Mode {
    REGULAR("100644"),
    EXECUTABLE("100755"),
    SYMLINK("120000");

    private final String git;

    Mode(String git) {
      this.git = git;
    }

    /** The mode as git writes it in a tree, for example {@code "100755"}. */
    public String git() {
      return git;
    }

    /** The mode for git's text form, or empty for modes a node file cannot have. */
    public static Optional<Mode> fromGit(String git) {
      for (Mode m : values()) {
        if (m.git.equals(git)) {
          return Optional.of(m);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Scans {@code nodeDir} now (paths, modes) and reads contents later, when an entry is
   * opened.
   *
   * @throws io.onex.core.diag.OnexException {@code ONEX-H012} if it is not a directory,
   *     {@code ONEX-H011} if it cannot be listed, {@code ONEX-H015} for a name that is not
   *     valid UTF-8
   */
  static NodeFiles ofDirectory(Path nodeDir) {
    return DirectoryNodeFiles.scan(nodeDir);
  }

  /** An in-memory listing, for tests, benchmarks and content already read. */
  static NodeFiles of(String origin, List<Entry> entries) {
    return new MemoryNodeFiles(origin, List.copyOf(entries));
  }

  /** An in-memory entry holding {@code content} (a link's content is its target text). */
  static Entry entry(String path, Mode mode, byte[] content) {
    return new MemoryNodeFiles.MemoryEntry(path, mode, content.clone());
  }
}
