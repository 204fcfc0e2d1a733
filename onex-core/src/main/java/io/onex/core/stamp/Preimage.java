package io.onex.core.stamp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash pre-image of a stamped file, compatible with the reference implementation
 * (OmniNode-ai/omnibase main@5978c53, checked against its published vectors):
 *
 * <pre>
 * preimage = canonicalBlock + "\n\n" + normalizedBody
 * </pre>
 *
 * <p>{@code canonicalBlock}: the block's lines from the opening to the closing delimiter, each
 * without trailing whitespace, joined by LF, the {@code hash} line replaced by
 * {@code <prefix>hash: <64 zeros><suffix>} and the {@code last_modified_at} line by
 * {@code <prefix>last_modified_at: 1970-01-01T00:00:00Z<suffix>} (both single-quoted in bare YAML
 * blocks). {@code normalizedBody}: the lines before the block, then the lines after it minus the
 * blank lines that directly follow it; every line without trailing whitespace (Python
 * {@code str.rstrip}); leading and trailing blank lines dropped; joined by LF plus one final LF
 * (so an empty body is {@code "\n"}). The hash is lowercase hex SHA-256 of the UTF-8 bytes.
 */
final class Preimage {
  static final String ZERO_HASH = "0".repeat(64);
  static final String EPOCH = "1970-01-01T00:00:00Z";

  private Preimage() {}

  static String of(List<Line> lines, MetadataBlock block) {
    return canonicalBlock(lines, block) + "\n\n" + normalizedBody(lines, block);
  }

  static String hash(List<Line> lines, MetadataBlock block) {
    return sha256Hex(of(lines, block));
  }

  static String canonicalBlock(List<Line> lines, MetadataBlock block) {
    int hashLine = block.entry(MetadataBlock.HASH).map(MetadataBlock.Entry::line).orElse(-1);
    int lmtLine =
        block.entry(MetadataBlock.LAST_MODIFIED_AT).map(MetadataBlock.Entry::line).orElse(-1);
    StringBuilder sb = new StringBuilder();
    for (int i = block.open(); i <= block.close(); i++) {
      if (i > block.open()) {
        sb.append('\n');
      }
      if (i == hashLine) {
        sb.append(block.volatileLine(MetadataBlock.HASH, ZERO_HASH));
      } else if (i == lmtLine) {
        sb.append(block.volatileLine(MetadataBlock.LAST_MODIFIED_AT, EPOCH));
      } else {
        sb.append(lines.get(i).stripped());
      }
    }
    return sb.toString();
  }

  static String normalizedBody(List<Line> lines, MetadataBlock block) {
    List<String> body = new ArrayList<>();
    for (int i = 0; i < block.open(); i++) {
      body.add(lines.get(i).stripped());
    }
    int i = block.close() + 1;
    while (i < lines.size() && lines.get(i).isBlank()) {
      i++;
    }
    for (; i < lines.size(); i++) {
      body.add(lines.get(i).stripped());
    }
    int from = 0;
    int to = body.size();
    while (from < to && body.get(from).isEmpty()) {
      from++;
    }
    while (to > from && body.get(to - 1).isEmpty()) {
      to--;
    }
    return String.join("\n", body.subList(from, to)) + "\n";
  }

  static String sha256Hex(String preimage) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(preimage.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
