package io.onex.git.notes;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * Loads note blobs within the size limit and decodes their lines into records.
 *
 * <p>Limit: a note larger than {@link NotesLog#MAX_NOTE_BYTES} is never loaded (ONEX-N002).
 * Decoding never drops a line silently: a line that is not a UTF-8 JSON object is reported
 * (ONEX-N001) with its line number as {@code git notes show} prints it.
 */
final class NoteBlobs {
  private static final int SNIPPET = 80;

  private NoteBlobs() {}

  /**
   * The bytes of the note {@code data} attached to {@code target}.
   *
   * @throws OnexException N002 when too large, N003 when not a blob, N006 on I/O failure
   */
  static byte[] load(ObjectReader reader, String ref, AnyObjectId target, AnyObjectId data) {
    try {
      ObjectLoader loader = reader.open(data, Constants.OBJ_BLOB);
      if (loader.getSize() > NotesLog.MAX_NOTE_BYTES) {
        throw Failures.fail(NotesError.NOTE_TOO_LARGE, ref, target, "the note on " + target.name()
            + " has " + loader.getSize() + " bytes, more than " + NotesLog.MAX_NOTE_BYTES);
      }
      return loader.getCachedBytes(NotesLog.MAX_NOTE_BYTES);
    } catch (MissingObjectException | IncorrectObjectTypeException e) {
      throw Failures.fail(NotesError.NOTE_NOT_A_BLOB, ref, target, "the note on " + target.name()
          + " points to " + data.name() + ", which is not a readable blob");
    } catch (IOException e) {
      throw Failures.io(ref, target, e);
    }
  }

  /**
   * The JSON objects of a note, in stored order, one per distinct canonical form; every
   * other non-empty line is reported to {@code problems}.
   */
  static List<JsonNode> records(byte[] raw, String ref, AnyObjectId target, Consumer<Diagnostic> problems) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    List<String> lines = NoteText.storedLines(raw);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        continue;
      }
      JsonNode node = parse(line);
      if (node == null) {
        problems.accept(Failures.warning(NotesError.MALFORMED_LINE, ref, target, i + 1,
            "line " + (i + 1) + " of the note on " + target.name() + " is not a JSON object: " + snippet(line)));
      } else {
        out.putIfAbsent(CanonicalJson.canonicalString(node), node);
      }
    }
    return new ArrayList<>(out.values());
  }

  /** The JSON object on a byte-per-char line, or null when it is not one. */
  private static JsonNode parse(String line) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(NoteText.bytes(line)))
          .toString();
      JsonNode node = CanonicalJson.parse(text);
      if (!node.isObject()) {
        return null;
      }
      CanonicalJson.canonicalize(node);
      return node;
    } catch (CharacterCodingException | OnexException e) {
      return null;
    }
  }

  private static String snippet(String line) {
    String text = new String(NoteText.bytes(line), StandardCharsets.UTF_8);
    return text.length() <= SNIPPET ? text : text.substring(0, SNIPPET) + "...";
  }
}
