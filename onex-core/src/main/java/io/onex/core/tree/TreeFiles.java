package io.onex.core.tree;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlDocument;
import io.onex.core.yaml.YamlLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads {@code .tree} files (YAML, or JSON, which is read by the same strict loader) into a
 * {@link TreeIndex}. Every problem becomes a diagnostic: YAML syntax problems keep the YAML
 * loader's own codes, structure problems get {@link TreeError} codes, sorted by line.
 */
public final class TreeFiles {
  /** The file name of the discovery index in a repository root. */
  public static final String FILE_NAME = ".tree";
  /** The node metadata file name that a {@code .tree} indexes. */
  public static final String NODE_METADATA = Names.NODE_METADATA;

  private static final String STAMP_MARKER = "=== OmniNode:Metadata ===";

  private TreeFiles() {}

  /** Reads {@code file}, shown in diagnostics as its path. */
  public static TreeIndex read(Path file) {
    return read(file, file.toString());
  }

  /**
   * Reads {@code file}, shown in diagnostics as {@code displayName}.
   *
   * @throws OnexException with every problem found
   */
  public static TreeIndex read(Path file, String displayName) {
    return parse(readBytes(file, displayName), displayName);
  }

  /**
   * Parses {@code .tree} content.
   *
   * @throws OnexException with every problem found
   */
  public static TreeIndex parse(byte[] bytes, String displayName) {
    List<Diagnostic> problems = new ArrayList<>();
    TreeIndex index = load(bytes, displayName, problems);
    if (index == null) {
      throw new OnexException(problems);
    }
    return index;
  }

  /** Every problem of {@code .tree} content, in line order; empty when it is valid. */
  public static List<Diagnostic> check(byte[] bytes, String displayName) {
    List<Diagnostic> problems = new ArrayList<>();
    load(bytes, displayName, problems);
    return List.copyOf(problems);
  }

  private static TreeIndex load(byte[] bytes, String displayName, List<Diagnostic> problems) {
    YamlDocument doc;
    try {
      doc = StrictYaml.parse(bytes, displayName, YamlLimits.DEFAULT);
    } catch (OnexException e) {
      problems.addAll(e.diagnostics());
      return null;
    } catch (RuntimeException e) {
      problems.add(notParseable(e, displayName));
      return null;
    }
    checkStamp(bytes, displayName, problems);
    TreeEntry root = new TreeValidator(doc, problems).root();
    problems.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
    return root == null || !problems.isEmpty() ? null : new TreeIndex(displayName, root);
  }

  private static byte[] readBytes(Path file, String displayName) {
    try {
      long size = Files.size(file);
      if (size > YamlLimits.DEFAULT.maxBytes()) {
        throw unreadable(displayName, "the file has " + size + " bytes (max "
            + YamlLimits.DEFAULT.maxBytes() + ")");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw unreadable(displayName, "the file does not exist");
    } catch (IOException e) {
      throw unreadable(displayName, "cannot read the file: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
  }

  private static OnexException unreadable(String displayName, String message) {
    return new OnexException(Diagnostic.error(TreeError.UNREADABLE, displayName, 0, 0, "", message));
  }

  /** A .tree is generated, never stamped: report an OmniNode:Metadata block line. */
  private static void checkStamp(byte[] bytes, String displayName, List<Diagnostic> problems) {
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(STAMP_MARKER)) {
        problems.add(Diagnostic.error(TreeError.METADATA_BLOCK, displayName, i + 1, 1, "",
            "line " + (i + 1) + " opens an OmniNode:Metadata block; a .tree carries no metadata block"));
        return;
      }
    }
  }

  /** The parser's own exception, turned into a diagnostic with its position when known. */
  private static Diagnostic notParseable(RuntimeException e, String displayName) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonProcessingException) {
        JsonProcessingException j = (JsonProcessingException) t;
        JsonLocation loc = j.getLocation();
        int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
        int column = loc == null ? 0 : Math.max(0, loc.getColumnNr());
        return Diagnostic.error(TreeError.NOT_PARSEABLE, displayName, line, column, "",
            firstLine(j.getOriginalMessage()));
      }
    }
    return Diagnostic.error(TreeError.NOT_PARSEABLE, displayName, 0, 0, "",
        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())));
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable content";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
