package io.onex.core.stamp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes blocks: inserts a new one after the prolog, or updates {@code hash} and
 * {@code last_modified_at} of an existing one in place.
 *
 * <p>Invariants: lines outside the block keep their text and terminators (the body is never
 * rewritten); inside an existing block only the two volatile lines change (a missing
 * {@code last_modified_at} is inserted above {@code hash}); the hash written is computed by
 * {@link Preimage} from the very lines that are returned, so the result checks OK.
 */
final class BlockWriter {
  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** The new file and the hash written into it. */
  record Written(byte[] content, String hash) {}

  private BlockWriter() {}

  static Written insert(Analysis a, String fileName, StampContext ctx) {
    List<Line> lines = a.lines();
    String eol = firstEol(lines);
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < a.insertAt(); i++) {
      Line l = lines.get(i);
      out.add(l.eol().isEmpty() ? new Line(l.text(), eol) : l);
    }
    String now = TIMESTAMP.format(ctx.clock().instant());
    LineForm form = a.kind() == FileKind.YAML && YamlBody.needsCommentForm(lines, a.insertAt())
        ? LineForm.HASH_COMMENT : a.kind().newForm;
    for (String s : newBlock(a.kind(), form, fileName, ctx, now)) {
      out.add(new Line(s, eol));
    }
    List<Line> rest = lines.subList(a.insertAt(), lines.size());
    if (!rest.isEmpty() && !rest.get(0).isBlank()) {
      out.add(new Line("", eol));
    }
    out.addAll(rest);
    return finish(a, out);
  }

  static Written restamp(Analysis a, Instant now) {
    MetadataBlock b = a.block();
    List<Line> out = new ArrayList<>(a.lines());
    String value = TIMESTAMP.format(now);
    String lmtLine = b.volatileLine(MetadataBlock.LAST_MODIFIED_AT, value);
    var lmt = b.entry(MetadataBlock.LAST_MODIFIED_AT);
    if (lmt.isPresent()) {
      int i = lmt.get().line();
      out.set(i, out.get(i).withText(lmtLine));
    } else {
      int h = b.entry(MetadataBlock.HASH).orElseThrow().line();
      out.add(h, new Line(lmtLine, out.get(h).eol()));
    }
    return finish(a, out);
  }

  /** Locates the block in {@code out}, computes its hash and writes it into the hash line. */
  private static Written finish(Analysis a, List<Line> out) {
    BlockLocator.Located loc = BlockLocator.locate(a.kind(), out, "");
    MetadataBlock b = loc.block();
    if (b == null || b.entry(MetadataBlock.HASH).isEmpty()) {
      throw new IllegalStateException("internal error: written block does not parse: " + loc.errors());
    }
    String hash = Preimage.hash(out, b);
    int h = b.entry(MetadataBlock.HASH).get().line();
    out.set(h, out.get(h).withText(b.form().line(MetadataBlock.HASH, hash)));
    String text = (a.bom() ? Analysis.BOM : "") + Line.join(out);
    return new Written(text.getBytes(StandardCharsets.UTF_8), hash);
  }

  /** The lines of a new block in form {@code f}, hash still zero (see docs/formats). */
  static List<String> newBlock(FileKind kind, LineForm f, String fileName, StampContext ctx,
      String now) {
    boolean quoteTimes = kind == FileKind.YAML && f == LineForm.RAW;
    String time = quoteTimes ? Scalars.singleQuoted(now) : now;
    String author = Scalars.yamlScalar(ctx.author());
    int dot = fileName.lastIndexOf('.');
    String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
    List<String> out = new ArrayList<>();
    out.add(kind.open);
    out.add(f.line("metadata_version", "0.1.0"));
    out.add(f.line("protocol_version", "1.1.0"));
    out.add(f.line("owner", author));
    out.add(f.line("copyright", author));
    out.add(f.line("schema_version", "1.1.0"));
    out.add(f.line("name", Scalars.yamlScalar(fileName)));
    out.add(f.line("version", "1.0.0"));
    out.add(f.line("uuid", Objects.requireNonNull(ctx.uuids().get(), "uuid supplier").toString()));
    out.add(f.line("author", author));
    out.add(f.line("created_at", time));
    out.add(f.line("last_modified_at", time));
    out.add(f.line("description", "Stamped by ONEX"));
    out.add(f.line("state_contract", "state_contract://default"));
    out.add(f.line("lifecycle", "active"));
    out.add(f.line("hash", Preimage.ZERO_HASH));
    out.add(f.line("entrypoint", Scalars.yamlScalar(kind.typeName + "@" + fileName)));
    if (kind == FileKind.PYTHON) {
      out.add(f.line("runtime_language_hint", "python>=3.11"));
    }
    out.add(f.line("namespace", "onex.stamped." + stem.replaceAll("[^A-Za-z0-9_-]", "_")));
    out.add(f.line("meta_type", "tool"));
    out.add(kind.close());
    return out;
  }

  private static String firstEol(List<Line> lines) {
    for (Line l : lines) {
      if (!l.eol().isEmpty()) {
        return l.eol();
      }
    }
    return "\n";
  }
}
