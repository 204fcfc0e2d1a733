package io.onex.core.stamp;

import io.onex.core.diag.Diagnostic;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One file read for stamping: its kind, lines (a leading byte-order mark removed and remembered),
 * block and verdict. Shared by {@link Stamper#check} and {@link Stamper#stamp}, so that a check
 * is OK exactly when a stamp leaves the file unchanged.
 */
record Analysis(
    StampCheck check, FileKind kind, boolean bom, List<Line> lines, MetadataBlock block,
    int insertAt) {

  static final String BOM = "\uFEFF";

  static Analysis of(Path file, byte[] content) {
    String display = file.toString();
    Path fileName = file.getFileName();
    String name = fileName == null ? "" : fileName.toString();
    if (content.length > Stamper.MAX_FILE_BYTES) {
      return failed(StampCheck.Status.UNSUPPORTED, BlockLocator.error(StampError.FILE_TOO_LARGE,
          display, -1, "", content.length + " bytes; the limit is " + Stamper.MAX_FILE_BYTES));
    }
    if (name.equalsIgnoreCase("node.onex.yaml")) {
      return failed(StampCheck.Status.UNSUPPORTED, BlockLocator.error(StampError.NODE_METADATA_FILE,
          display, -1, "", "node.onex.yaml carries the node hash lock, not an OmniNode:Metadata block"));
    }
    int badLine = firstInvalidUtf8Line(content);
    if (badLine > 0) {
      return failed(StampCheck.Status.MALFORMED, BlockLocator.error(StampError.NOT_UTF8,
          display, badLine - 1, "", "invalid UTF-8 byte sequence on this line"));
    }
    String text = new String(content, StandardCharsets.UTF_8);
    boolean bom = text.startsWith(BOM);
    List<Line> lines = Line.split(bom ? text.substring(1) : text);
    Optional<FileKind> kind = FileKind.of(name, lines.isEmpty() ? "" : lines.get(0).text());
    if (kind.isEmpty()) {
      return failed(StampCheck.Status.UNSUPPORTED, BlockLocator.error(
          StampError.UNSUPPORTED_FILE_TYPE, display, -1, "", "no metadata block format for `" + name + "`"));
    }
    return ofLines(display, kind.get(), bom, lines);
  }

  /** The verdict for a decoded file of a supported kind. */
  static Analysis ofLines(String display, FileKind kind, boolean bom, List<Line> lines) {
    BlockLocator.Located loc = BlockLocator.locate(kind, lines, display);
    if (!loc.errors().isEmpty()) {
      return new Analysis(new StampCheck(StampCheck.Status.MALFORMED, "", "", loc.errors()),
          kind, bom, lines, null, loc.insertAt());
    }
    MetadataBlock block = loc.block();
    if (block == null) {
      Diagnostic d = BlockLocator.error(StampError.BLOCK_MISSING, display, -1, "",
          "no `" + kind.open + "` block at the top of the file");
      return new Analysis(new StampCheck(StampCheck.Status.MISSING, "", "", List.of(d)),
          kind, bom, lines, null, loc.insertAt());
    }
    Optional<MetadataBlock.Entry> hash = block.entry(MetadataBlock.HASH);
    if (hash.isEmpty()) {
      Diagnostic d = BlockLocator.error(StampError.HASH_FIELD_MISSING, display, block.open(),
          MetadataBlock.HASH, "the block has no `hash:` line");
      return new Analysis(new StampCheck(StampCheck.Status.MALFORMED, "", "", List.of(d)),
          kind, bom, lines, null, loc.insertAt());
    }
    String stored = Scalars.unquote(hash.get().rawValue());
    String computed = Preimage.hash(lines, block);
    List<Diagnostic> diags = new ArrayList<>();
    StampCheck.Status status = StampCheck.Status.OK;
    if (!stored.equals(computed)) {
      status = StampCheck.Status.MISMATCH;
      diags.add(BlockLocator.error(StampError.HASH_MISMATCH, display, hash.get().line(),
          MetadataBlock.HASH, "stored hash " + stored + " differs from computed " + computed));
    }
    diags.addAll(warnings(display, lines, block));
    return new Analysis(new StampCheck(status, stored, computed, diags), kind, bom, lines, block,
        loc.insertAt());
  }

  private static List<Diagnostic> warnings(String display, List<Line> lines, MetadataBlock block) {
    List<Diagnostic> out = new ArrayList<>();
    if (block.legacy()) {
      StampError c = StampError.LEGACY_FORM;
      out.add(Diagnostic.warning(c, display, block.open() + 1, 0, "", c.title(),
          BlockLocator.hint(c, display)));
    }
    if (block.kind() == FileKind.PYTHON || block.kind() == FileKind.SHELL) {
      int next = block.close() + 1;
      while (next < lines.size() && lines.get(next).isBlank()) {
        next++;
      }
      boolean blockFirst = lines.subList(0, block.open()).stream().allMatch(Line::isBlank);
      if (blockFirst && next < lines.size() && lines.get(next).text().startsWith("#!")) {
        StampError c = StampError.SHEBANG_NOT_FIRST;
        out.add(Diagnostic.warning(c, display, next + 1, 0, "", c.title(),
            BlockLocator.hint(c, display)));
      }
    }
    return out;
  }

  private static Analysis failed(StampCheck.Status status, Diagnostic d) {
    return new Analysis(new StampCheck(status, "", "", List.of(d)), null, false, List.of(), null, 0);
  }

  /** The 1-based line of the first invalid UTF-8 sequence, or 0 when the bytes are valid. */
  private static int firstInvalidUtf8Line(byte[] content) {
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content);
    CharBuffer out = CharBuffer.allocate(content.length + 1);
    CoderResult r = dec.decode(in, out, true);
    if (!r.isError()) {
      r = dec.flush(out);
    }
    if (!r.isError()) {
      return 0;
    }
    int line = 1;
    for (int i = 0; i < in.position(); i++) {
      if (content[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  List<Diagnostic> errors() {
    return check.diagnostics().stream().filter(Diagnostic::isError).toList();
  }

  List<Diagnostic> warningsOnly() {
    return check.diagnostics().stream().filter(d -> !d.isError()).toList();
  }
}
