package io.onex.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Builds a Jackson tree from SnakeYAML's low-level events, enforcing the strict profile as the
 * events arrive.
 *
 * <p>Invariants: SnakeYAML's composer and constructors are never used, so no alias is ever
 * resolved and no tag ever instantiates anything; the first anchor, alias, tag, merge key,
 * duplicate key or exceeded limit stops the walk at its own position, before any later event is
 * even scanned (an alias bomb fails at its first anchor). Recursion depth is bounded by
 * {@link YamlLimits#maxDepth()}, checked before descending. One instance reads one text once.
 */
final class EventTreeBuilder {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private final String text;
  private final String file;
  private final YamlLimits limits;
  private final Map<String, SourceLocation> locations = new HashMap<>();
  private StreamReader reader;
  private Parser parser;
  private int nodeCount;

  EventTreeBuilder(String text, String file, YamlLimits limits) {
    this.text = text;
    this.file = file;
    this.limits = limits;
  }

  YamlDocument build() {
    reader = new StreamReader(text);
    parser = new ParserImpl(reader, snakeOptions(limits));
    try {
      return readStream();
    } catch (MarkedYAMLException e) {
      throw syntax(e);
    } catch (ReaderException e) {
      // unreachable in practice: Utf8Text already rejected every non-printable character
      throw fail(YamlError.NON_PRINTABLE, reader.getLine() + 1, reader.getColumn() + 1, "",
          String.format("character U+%04X is not allowed in YAML", e.getCodePoint()));
    } catch (OnexException e) {
      throw e;
    } catch (RuntimeException e) {
      // YAMLException without a mark, or a parser defect (SnakeYAML 2.5 throws a bare
      // NumberFormatException for "\x" without hex digits): still a diagnostic at the position
      // the scanner had reached, never a trace
      String message = e instanceof NumberFormatException
          ? "incomplete escape sequence (\\x, \\u or \\U without its hex digits) at the end"
              + " of the file"
          : "the YAML parser failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
      throw fail(YamlError.SYNTAX, reader.getLine() + 1, reader.getColumn() + 1, "", message);
    }
  }

  /** SnakeYAML's own caps: a second line of defence behind the checks of this class. */
  static LoaderOptions snakeOptions(YamlLimits limits) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(0);
    options.setAllowRecursiveKeys(false);
    options.setMergeOnCompose(false);
    options.setProcessComments(false);
    options.setTagInspector(tag -> false);
    options.setNestingDepthLimit(limits.maxDepth() + 1);
    long cap = Math.min(Integer.MAX_VALUE - 1L, Math.max(1L, limits.maxBytes()));
    options.setCodePointLimit((int) cap + 1);
    return options;
  }

  private YamlDocument readStream() {
    parser.getEvent(); // StreamStart: the parser always emits it first
    Event event = parser.getEvent();
    if (event.is(Event.ID.StreamEnd)) {
      throw fail(YamlError.EMPTY_DOCUMENT, 1, 1, "", "the file holds no YAML document");
    }
    checkDirectives((DocumentStartEvent) event);
    Event first = parser.getEvent();
    locations.put("", location(first));
    JsonNode root = node(first, "", 0);
    if (root.isNull()) {
      throw failAt(YamlError.EMPTY_DOCUMENT, first, "",
          "the document is empty (it holds no value, or only null)");
    }
    parser.getEvent(); // DocumentEnd: the parser guarantees it after the root node
    Event next = parser.getEvent();
    if (next.is(Event.ID.DocumentStart)) {
      throw failAt(YamlError.MULTIPLE_DOCUMENTS, next, "",
          "a second YAML document starts here; a file holds exactly one document");
    }
    return new YamlDocument(file, root, locations);
  }

  private void checkDirectives(DocumentStartEvent doc) {
    boolean tags = doc.getTags() != null && !doc.getTags().isEmpty();
    if (doc.getVersion() != null || tags) {
      throw fail(YamlError.DIRECTIVE, 1, 1, "",
          "the document has a " + (doc.getVersion() != null ? "%YAML" : "%TAG") + " directive");
    }
  }

  private JsonNode node(Event event, String pointer, int depth) {
    checkNode(event, pointer);
    if (event instanceof ScalarEvent) {
      ScalarEvent scalar = (ScalarEvent) event;
      return scalar.isPlain() ? PlainScalars.type(scalar.getValue())
          : TextNode.valueOf(scalar.getValue());
    }
    if (event instanceof MappingStartEvent) {
      return mapping(event, pointer, depth + 1);
    }
    if (event instanceof SequenceStartEvent) {
      return sequence(event, pointer, depth + 1);
    }
    throw failAt(YamlError.SYNTAX, event, pointer, "unexpected YAML event " + event.getEventId());
  }

  /** The checks shared by every node, value or key: alias, anchor, tag, count, length. */
  private void checkNode(Event event, String pointer) {
    if (event instanceof AliasEvent) {
      throw failAt(YamlError.ALIAS, event, pointer,
          "alias *" + ((AliasEvent) event).getAnchor() + " is not allowed");
    }
    if (!(event instanceof NodeEvent)) {
      return;
    }
    String anchor = ((NodeEvent) event).getAnchor();
    if (anchor != null) {
      throw failAt(YamlError.ANCHOR, event, pointer, "anchor &" + anchor + " is not allowed");
    }
    String tag = event instanceof ScalarEvent ? ((ScalarEvent) event).getTag()
        : event instanceof CollectionStartEvent ? ((CollectionStartEvent) event).getTag() : null;
    if (tag != null) {
      throw failAt(YamlError.TAG, event, pointer, "tag " + shortTag(tag) + " is not allowed");
    }
    if (++nodeCount > limits.maxNodes()) {
      throw failAt(YamlError.TOO_MANY_NODES, event, pointer,
          "the document holds more than " + limits.maxNodes() + " values (the limit)");
    }
    if (event instanceof ScalarEvent) {
      checkLength((ScalarEvent) event, pointer);
    }
  }

  private void checkLength(ScalarEvent scalar, String pointer) {
    String value = scalar.getValue();
    int max = limits.maxScalarLength();
    if (value.length() > max && value.codePointCount(0, value.length()) > max) {
      throw failAt(YamlError.SCALAR_TOO_LONG, scalar, pointer,
          "a value of " + value.codePointCount(0, value.length())
              + " characters is longer than the limit of " + max);
    }
  }

  private ObjectNode mapping(Event start, String pointer, int depth) {
    checkDepth(start, pointer, depth);
    ObjectNode object = NODES.objectNode();
    Map<String, SourceLocation> seen = new HashMap<>();
    for (Event keyEvent = parser.getEvent(); !keyEvent.is(Event.ID.MappingEnd);
        keyEvent = parser.getEvent()) {
      String key = key(keyEvent, pointer);
      String child = pointer + "/" + escape(key);
      SourceLocation here = location(keyEvent);
      SourceLocation first = seen.putIfAbsent(key, here);
      if (first != null) {
        throw failAt(YamlError.DUPLICATE_KEY, keyEvent, child, "duplicate key '" + key
            + "' (first defined at line " + first.line() + ", column " + first.column() + ")");
      }
      locations.put(child, here);
      object.set(key, node(parser.getEvent(), child, depth));
    }
    return object;
  }

  private String key(Event event, String parent) {
    if (event instanceof CollectionStartEvent) {
      throw failAt(YamlError.COMPLEX_KEY, event, parent,
          "a " + (event instanceof MappingStartEvent ? "mapping" : "sequence")
              + " is used as a key; keys must be scalars");
    }
    checkNode(event, parent);
    ScalarEvent scalar = (ScalarEvent) event;
    String key = scalar.getValue();
    if (scalar.isPlain() && PlainScalars.isNull(key)) {
      throw failAt(YamlError.NULL_KEY, event, parent,
          key.isEmpty() ? "a key is empty" : "key '" + key + "' means null");
    }
    if (scalar.isPlain() && key.equals("<<")) {
      throw failAt(YamlError.MERGE_KEY, event, parent, "merge key '<<' is not allowed");
    }
    return key;
  }

  private ArrayNode sequence(Event start, String pointer, int depth) {
    checkDepth(start, pointer, depth);
    ArrayNode array = NODES.arrayNode();
    int index = 0;
    for (Event item = parser.getEvent(); !item.is(Event.ID.SequenceEnd); item = parser.getEvent()) {
      String child = pointer + "/" + index++;
      locations.put(child, location(item));
      array.add(node(item, child, depth));
    }
    return array;
  }

  private void checkDepth(Event start, String pointer, int depth) {
    if (depth > limits.maxDepth()) {
      throw failAt(YamlError.TOO_DEEP, start, pointer,
          "mappings and sequences nest " + depth + " levels deep here; the limit is "
              + limits.maxDepth());
    }
  }

  private OnexException syntax(MarkedYAMLException e) {
    Mark problem = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    StringBuilder message = new StringBuilder();
    message.append(e.getProblem() != null ? e.getProblem().trim() : "invalid YAML");
    Mark context = e.getContextMark();
    if (e.getContext() != null && context != null) {
      message.append(" (").append(e.getContext().trim()).append(" started at line ")
          .append(context.getLine() + 1).append(", column ").append(context.getColumn() + 1)
          .append(')');
    }
    int line = problem == null ? reader.getLine() + 1 : problem.getLine() + 1;
    int column = problem == null ? reader.getColumn() + 1 : problem.getColumn() + 1;
    return fail(YamlError.SYNTAX, line, column, "", message.toString());
  }

  private static String shortTag(String tag) {
    return tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring(18) : tag;
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static SourceLocation location(Event event) {
    Mark mark = event.getStartMark();
    return mark == null ? SourceLocation.UNKNOWN
        : new SourceLocation(mark.getLine() + 1, mark.getColumn() + 1);
  }

  private OnexException failAt(YamlError code, Event event, String pointer, String message) {
    SourceLocation at = location(event);
    return fail(code, at.line(), at.column(), pointer, message);
  }

  private OnexException fail(YamlError code, int line, int column, String field, String message) {
    return new OnexException(Diagnostic.error(code, file, line, column, field, message));
  }
}
