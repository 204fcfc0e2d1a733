package io.onex.core.tree;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generates the canonical {@code .tree} text for a set of node metadata files.
 *
 * <p>Canonical form (so that generating twice, on any machine, gives the same bytes): the
 * root directory named {@code .}, every directory on the path to a {@code node.onex.yaml},
 * and those files; nothing else. Children sorted by name in UTF-8 byte order; keys in the
 * order {@code name, type, children}; 2-space indentation with list items at their parent
 * key's indentation; {@code children: []} for an empty root; LF line ends and a final
 * newline. Names are plain YAML scalars when that is unambiguous, else double-quoted
 * ({@link YamlScalars}). Nothing is read from disk: paths are only compared.
 */
public final class TreeGenerator {
  /** The name written for the root entry: the directory holding the {@code .tree}. */
  public static final String ROOT_NAME = ".";

  private TreeGenerator() {}

  /**
   * The {@code .tree} text for {@code nodeMetadataFiles} below {@code root}. Relative paths
   * are resolved like {@code root} (against the working directory), as
   * {@code Files.walk(root)} returns them. Duplicates are ignored.
   *
   * @throws OnexException ({@link TreeError#BAD_NODE_PATH}, {@link TreeError#NAME_CONFLICT},
   *     {@link TreeError#TOO_DEEP}) for paths that cannot be indexed
   */
  public static String generate(Path root, List<Path> nodeMetadataFiles) {
    Dir top = new Dir();
    List<Diagnostic> problems = new ArrayList<>();
    Path base = root.toAbsolutePath().normalize();
    for (Path file : nodeMetadataFiles) {
      List<String> segments = segments(base, file, problems);
      if (segments != null) {
        add(top, segments, file.toString(), problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new OnexException(problems);
    }
    StringBuilder out = new StringBuilder();
    write(out, "", "", ROOT_NAME, top);
    return out.toString();
  }

  /** Relative path segments of a valid node metadata path, or null after reporting why not. */
  private static List<String> segments(Path base, Path file, List<Diagnostic> problems) {
    Path abs = file.toAbsolutePath().normalize();
    if (!abs.startsWith(base) || abs.equals(base)) {
      problems.add(bad(file, "is not inside the tree root " + base));
      return null;
    }
    Path rel = base.relativize(abs);
    List<String> segments = new ArrayList<>();
    for (Path p : rel) {
      segments.add(p.toString());
    }
    if (!segments.get(segments.size() - 1).equals(Names.NODE_METADATA)) {
      problems.add(bad(file, "is not a " + Names.NODE_METADATA + " file"));
      return null;
    }
    if (segments.size() > Names.MAX_DEPTH) {
      problems.add(Diagnostic.error(TreeError.TOO_DEEP, file.toString(), 0, 0, "",
          "'" + rel + "' is " + segments.size() + " levels below the root (max " + Names.MAX_DEPTH + ")"));
      return null;
    }
    for (String s : segments) {
      String problem = Names.problem(s);
      if (problem != null) {
        problems.add(bad(file, "has a path segment that " + problem));
        return null;
      }
    }
    return segments;
  }

  private static void add(Dir top, List<String> segments, String shown, List<Diagnostic> problems) {
    Dir dir = top;
    for (int i = 0; i < segments.size() - 1; i++) {
      Object child = dir.children.computeIfAbsent(segments.get(i), k -> new Dir());
      if (!(child instanceof Dir)) {
        problems.add(conflict(shown, segments.subList(0, i + 1)));
        return;
      }
      dir = (Dir) child;
    }
    String name = segments.get(segments.size() - 1);
    Object existing = dir.children.putIfAbsent(name, FILE);
    if (existing instanceof Dir) {
      problems.add(conflict(shown, segments));
    }
  }

  private static void write(StringBuilder out, String first, String rest, String name, Dir dir) {
    out.append(first).append("name: ").append(YamlScalars.scalar(name)).append('\n');
    out.append(rest).append("type: directory\n");
    if (dir.children.isEmpty()) {
      out.append(rest).append("children: []\n");
      return;
    }
    out.append(rest).append("children:\n");
    for (Map.Entry<String, Object> e : dir.children.entrySet()) {
      if (e.getValue() instanceof Dir) {
        write(out, rest + "- ", rest + "  ", e.getKey(), (Dir) e.getValue());
      } else {
        out.append(rest).append("- name: ").append(YamlScalars.scalar(e.getKey())).append('\n');
        out.append(rest).append("  type: file\n");
      }
    }
  }

  private static Diagnostic bad(Path file, String why) {
    return Diagnostic.error(TreeError.BAD_NODE_PATH, file.toString(), 0, 0, "", "'" + file + "' " + why);
  }

  private static Diagnostic conflict(String shown, List<String> segments) {
    return Diagnostic.error(TreeError.NAME_CONFLICT, shown, 0, 0, "",
        "'" + String.join("/", segments) + "' would be both a file and a directory");
  }

  private static final Object FILE = new Object();

  /** A directory being built: children by name (byte order), each a Dir or FILE. */
  private static final class Dir {
    final Map<String, Object> children = new TreeMap<>(Names.BYTE_ORDER);
  }
}
