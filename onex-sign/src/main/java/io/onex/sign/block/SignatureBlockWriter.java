package io.onex.sign.block;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.diag.OnexException;
import io.onex.core.model.SignatureBlock;
import io.onex.core.yaml.SourceLocation;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlDocument;
import io.onex.core.yaml.YamlLimits;
import io.onex.sign.SignError;
import io.onex.sign.internal.Fail;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Writes a {@code signature_block} into the text of a {@code node.onex.yaml}, changing only the
 * block's own lines.
 *
 * <p>Rules ({@code docs/formats/signing.md}): an existing top-level
 * {@code signature_block} (its key at column 1) is replaced from its key line up to the next
 * top-level key, minus trailing blank lines and column-1 comments, which stay; without one,
 * the block is appended at the end (after a newline if the file lacks a final one). The block
 * is written in block style, two-space indent, every value double-quoted, with the file's
 * line ending (CRLF if its first line ends so). Every other byte is kept. Invariant: the new
 * text is parsed again and must give exactly the old tree with the new block, or nothing is
 * written ({@code ONEX-G056}). Files are replaced atomically (temporary file and rename in the
 * same directory, permissions kept).
 */
public final class SignatureBlockWriter {
  private static final String KEY = "signature_block";

  private SignatureBlockWriter() {}

  /**
   * Writes {@code block} into the file {@code nodeYaml}, atomically.
   *
   * @throws OnexException YAML codes if the file is not strict YAML, {@code ONEX-G056} if it
   *     cannot be rewritten safely or written at all
   */
  public static void write(Path nodeYaml, SignatureBlock block) {
    String file = nodeYaml.toString();
    byte[] old;
    try {
      old = Files.readAllBytes(nodeYaml);
    } catch (IOException e) {
      throw Fail.of(SignError.SIGNATURE_BLOCK_WRITE, file, "", "cannot read the file: " + describe(e));
    }
    StrictYaml.parseMapping(old, file, YamlLimits.DEFAULT);
    String text = new String(old, StandardCharsets.UTF_8);
    replaceFile(nodeYaml, render(text, block, file).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The text with {@code block} written in (pure function).
   *
   * @param file display name for diagnostics
   */
  public static String render(String text, SignatureBlock block, String file) {
    YamlDocument doc = StrictYaml.parseMapping(text.getBytes(StandardCharsets.UTF_8), file, YamlLimits.DEFAULT);
    List<String> lines = splitKeepingEnds(text);
    String nl = lines.isEmpty() || !lines.get(0).endsWith("\r\n") ? "\n" : "\r\n";
    List<String> rendered = renderBlock(block, nl);
    String out;
    if (doc.root().has(KEY)) {
      int[] range = blockRange(doc, lines, file);
      List<String> result = new ArrayList<>(lines.subList(0, range[0]));
      result.addAll(rendered);
      result.addAll(lines.subList(range[1], lines.size()));
      out = String.join("", result);
    } else {
      String base = text.isEmpty() || text.endsWith("\n") ? text : text + nl;
      out = base + String.join("", rendered);
    }
    check(doc.root(), out, block, file);
    return out;
  }

  /** [first line index, end line index) of the existing block, 0-based. */
  private static int[] blockRange(YamlDocument doc, List<String> lines, String file) {
    SourceLocation at = doc.locationOf("/" + KEY);
    if (at.line() < 1 || at.column() != 1) {
      throw Fail.of(SignError.SIGNATURE_BLOCK_WRITE, file, KEY,
          "signature_block is not a top-level key at column 1 (line " + at.line() + ", column " + at.column() + ")");
    }
    int end = lines.size() + 1;
    for (Iterator<String> it = doc.root().fieldNames(); it.hasNext(); ) {
      String name = it.next();
      int line = doc.locationOf("/" + name.replace("~", "~0").replace("/", "~1")).line();
      if (!name.equals(KEY) && line == at.line()) {
        throw Fail.of(SignError.SIGNATURE_BLOCK_WRITE, file, KEY, "signature_block shares line " + line + " with \"" + name + "\"");
      }
      if (line > at.line() && line < end) {
        end = line;
      }
    }
    int last = end - 1;
    while (last > at.line() && isBlankOrTopComment(lines.get(last - 1))) {
      last--;
    }
    return new int[] {at.line() - 1, last};
  }

  private static boolean isBlankOrTopComment(String line) {
    return line.isBlank() || line.startsWith("#");
  }

  private static List<String> renderBlock(SignatureBlock b, String nl) {
    return List.of(
        KEY + ":" + nl,
        "  algorithm: " + quote(b.algorithm()) + nl,
        "  key_id: " + quote(b.keyId()) + nl,
        "  signer: " + quote(b.signer()) + nl,
        "  signed_at: " + quote(b.signedAt()) + nl,
        "  signature: " + quote(b.signature()) + nl);
  }

  /** A YAML double-quoted scalar; escapes what YAML 1.1 and 1.2 could read differently. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** Re-parses {@code out}: it must be the old tree with exactly the new block. */
  private static void check(JsonNode oldRoot, String out, SignatureBlock b, String file) {
    JsonNode now;
    try {
      now = StrictYaml.parseMapping(out.getBytes(StandardCharsets.UTF_8), file, YamlLimits.DEFAULT).root();
    } catch (OnexException e) {
      throw Fail.of(SignError.SIGNATURE_BLOCK_WRITE, file, KEY,
          "writing the block would break the file: " + e.diagnostics().get(0).message());
    }
    ObjectNode expected = ((ObjectNode) oldRoot).deepCopy();
    ObjectNode blk = JsonNodeFactory.instance.objectNode();
    blk.put("algorithm", b.algorithm());
    blk.put("key_id", b.keyId());
    blk.put("signer", b.signer());
    blk.put("signed_at", b.signedAt());
    blk.put("signature", b.signature());
    expected.set(KEY, blk);
    if (!expected.equals(now)) {
      throw Fail.of(SignError.SIGNATURE_BLOCK_WRITE, file, KEY,
          "the rewritten file would not read back as the same node with the new signature_block");
    }
  }

  private static List<String> splitKeepingEnds(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        out.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      out.add(text.substring(start));
    }
    return out;
  }

  private static void replaceFile(Path target, byte[] content) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
      if (view != null) {
        Files.setPosixFilePermissions(tmp, view.readAttributes().permissions());
      }
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(ByteBuffer.wrap(content));
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw Fail.of(SignError.SIGNATURE_BLOCK_WRITE, target.toString(), "", "cannot write the file: " + describe(e));
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: a failed write must not leave a file that changes the node's hash
        }
      }
    }
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
