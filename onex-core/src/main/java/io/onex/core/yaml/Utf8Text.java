package io.onex.core.yaml;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Turns the raw bytes of a YAML file into text, strictly.
 *
 * <p>Invariants: the text is valid UTF-8 (decoded with {@code REPORT}, so malformed, overlong
 * and surrogate sequences fail instead of becoming U+FFFD); it holds no byte order mark (not at
 * the start, not inside); every code point is printable in the YAML sense
 * ({@link StreamReader#isPrintable(int)}). Positions are 1-based lines and code-point columns,
 * counted the way SnakeYAML counts them, so a position given here and one given by the parser
 * agree.
 */
final class Utf8Text {
  private static final char BOM = '\uFEFF';

  private Utf8Text() {}

  /** Decodes {@code bytes}, or throws with the position of the first offending byte. */
  static String decode(byte[] bytes, String file) {
    rejectLeadingBom(bytes, file);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      int[] pos = position(out.flip(), out.limit());
      String message = String.format(
          "invalid UTF-8: byte 0x%02X at byte offset %d does not start or continue a valid"
              + " UTF-8 sequence", bytes[offset] & 0xFF, offset);
      throw fail(YamlError.INVALID_UTF8, file, pos, message);
    }
    String text = new String(out.array(), 0, out.position());
    checkCharacters(text, file);
    return text;
  }

  private static void rejectLeadingBom(byte[] b, String file) {
    String kind = null;
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      kind = "UTF-8";
    } else if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      kind = "UTF-16 (big-endian)";
    } else if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      kind = "UTF-16 (little-endian)";
    }
    if (kind != null) {
      throw fail(YamlError.BYTE_ORDER_MARK, file, new int[] {1, 1},
          "the file starts with a " + kind + " byte order mark");
    }
  }

  private static void checkCharacters(String text, String file) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (cp == BOM) {
        throw fail(YamlError.BYTE_ORDER_MARK, file, position(text, i),
            "byte order mark (U+FEFF) inside the file");
      }
      if (!StreamReader.isPrintable(cp)) {
        throw fail(YamlError.NON_PRINTABLE, file, position(text, i),
            String.format("character U+%04X is not allowed in YAML", cp));
      }
      i += Character.charCount(cp);
    }
  }

  /**
   * The 1-based {line, column} of the char index {@code end} in {@code text}. Line breaks are
   * those of SnakeYAML: LF, NEL, LS, PS, and CR not followed by LF. Columns count code points.
   */
  static int[] position(CharSequence text, int end) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      boolean cr = c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n');
      if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029' || cr) {
        line++;
        column = 1;
      } else if (!Character.isLowSurrogate(c) || i == 0 || !Character.isHighSurrogate(text.charAt(i - 1))) {
        column++;
      }
    }
    return new int[] {line, column};
  }

  private static OnexException fail(YamlError code, String file, int[] pos, String message) {
    return new OnexException(Diagnostic.error(code, file, pos[0], pos[1], "", message));
  }
}
