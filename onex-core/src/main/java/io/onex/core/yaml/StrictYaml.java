package io.onex.core.yaml;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The ONEX strict YAML profile (see {@code docs/formats/strict-yaml.md}): one UTF-8 document
 * without BOM, anchors, aliases, merge keys, tags, directives, duplicate or non-string keys,
 * within {@link YamlLimits}; plain scalars typed as YAML 1.2 core (null, bool, int, exact
 * decimal), everything else a string. JSON loads unchanged.
 *
 * <p>Invariants: every failure is an {@link OnexException} with one {@link YamlError}
 * diagnostic naming the file, line and column; no other exception escapes for any input. A
 * file's size is checked before any byte is read, and at most {@code maxBytes + 1} bytes are
 * ever read, so a file that grows between the check and the read cannot exhaust memory.
 */
public final class StrictYaml {
  private StrictYaml() {}

  /** Loads {@code file}, displayed as {@code displayName} in diagnostics. */
  public static YamlDocument load(Path file, String displayName, YamlLimits limits) {
    return parse(readCapped(file, displayName, limits), displayName, limits);
  }

  /** As {@link #load}, and requires the root to be a mapping. */
  public static YamlDocument loadMapping(Path file, String displayName, YamlLimits limits) {
    return requireMapping(load(file, displayName, limits));
  }

  /**
   * Parses {@code bytes} as one strict YAML document.
   *
   * @throws OnexException with one diagnostic per problem that stops loading
   */
  public static YamlDocument parse(byte[] bytes, String displayName, YamlLimits limits) {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(limits, "limits");
    if (bytes.length > limits.maxBytes()) {
      throw tooLarge(displayName, bytes.length, limits);
    }
    String text = Utf8Text.decode(bytes, displayName);
    return new EventTreeBuilder(text, displayName, limits).build();
  }

  /** As {@link #parse}, and requires the root to be a mapping. */
  public static YamlDocument parseMapping(byte[] bytes, String displayName, YamlLimits limits) {
    return requireMapping(parse(bytes, displayName, limits));
  }

  private static YamlDocument requireMapping(YamlDocument doc) {
    if (!doc.root().isObject()) {
      SourceLocation at = doc.locationOf("");
      throw new OnexException(Diagnostic.error(YamlError.ROOT_NOT_MAPPING, doc.file(),
          at.line(), at.column(), "", "the top level is a " + kind(doc) + ", not a mapping"));
    }
    return doc;
  }

  private static String kind(YamlDocument doc) {
    return doc.root().isArray() ? "sequence" : "single value (" + doc.root().getNodeType()
        .toString().toLowerCase(java.util.Locale.ROOT) + ")";
  }

  private static byte[] readCapped(Path file, String displayName, YamlLimits limits) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(limits, "limits");
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      throw readFailed(displayName, e);
    }
    if (!attributes.isRegularFile()) {
      String what = attributes.isDirectory() ? "a directory" : "not a regular file (a device,"
          + " pipe or socket)";
      throw new OnexException(Diagnostic.error(YamlError.NOT_A_REGULAR_FILE, displayName, 0, 0,
          "", "the path is " + what + ", not a YAML file"));
    }
    if (attributes.size() > limits.maxBytes()) {
      throw tooLarge(displayName, attributes.size(), limits);
    }
    int cap = (int) Math.min(limits.maxBytes() + 1, Integer.MAX_VALUE - 16);
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(cap);
      if (bytes.length > limits.maxBytes()) {
        throw tooLarge(displayName, -1, limits); // it grew after the size check
      }
      return bytes;
    } catch (IOException e) {
      throw readFailed(displayName, e);
    }
  }

  /** {@code size} < 0: unknown, more than the limit. */
  private static OnexException tooLarge(String file, long size, YamlLimits limits) {
    return new OnexException(Diagnostic.error(YamlError.FILE_TOO_LARGE, file, 0, 0, "",
        (size < 0 ? "the file has more than " : "the file has " + size + " bytes, more than ")
            + "the limit of " + limits.maxBytes() + " bytes",
        "shrink the file below " + limits.maxBytes() + " bytes; metadata files are a few"
            + " kilobytes, so move bulky data into a separate file of the node"));
  }

  private static OnexException readFailed(String file, IOException e) {
    String why = e instanceof NoSuchFileException ? "the file does not exist"
        : e instanceof AccessDeniedException ? "permission denied"
        : "cannot read the file: " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage());
    return new OnexException(Diagnostic.error(YamlError.READ_FAILED, file, 0, 0, "", why));
  }
}
