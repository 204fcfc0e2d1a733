package io.onex.core.project;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where things live in an ONEX repository. The root is the nearest directory, from a starting
 * point upwards, that holds {@code .onex-store/config.yaml}; failing that, the nearest that
 * holds {@code .git}; failing that, the starting directory itself.
 */
public record ProjectLayout(Path root) {
  public static final String STORE_DIR = ".onex-store";
  public static final String CONFIG_FILE = "config.yaml";
  public static final String TREE_FILE = ".tree";

  public static ProjectLayout discover(Path start) {
    Path abs = start.toAbsolutePath().normalize();
    Path base = Files.isDirectory(abs) ? abs : abs.getParent();
    for (Path p = base; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve(STORE_DIR).resolve(CONFIG_FILE))) {
        return new ProjectLayout(p);
      }
    }
    for (Path p = base; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return new ProjectLayout(p);
      }
    }
    return new ProjectLayout(base);
  }

  public Path storeDir() {
    return root.resolve(STORE_DIR);
  }

  public Path configFile() {
    return storeDir().resolve(CONFIG_FILE);
  }

  public Path treeFile() {
    return root.resolve(TREE_FILE);
  }

  public boolean isInitialized() {
    return Files.isRegularFile(configFile());
  }

  public boolean isGitRepository() {
    return Files.exists(root.resolve(".git"));
  }

  /** {@code path} relative to the root, with {@code /} separators (for display and indexes). */
  public String relativize(Path path) {
    Path rel = root.relativize(path.toAbsolutePath().normalize());
    return rel.toString().replace(java.io.File.separatorChar, '/');
  }
}
