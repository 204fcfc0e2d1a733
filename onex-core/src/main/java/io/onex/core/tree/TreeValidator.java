package io.onex.core.tree;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.yaml.SourceLocation;
import io.onex.core.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Structural rules of a {@code .tree} document, applied to the whole tree so that one run
 * reports every problem. Entries are built only while no problem was found; depth is capped
 * at {@link Names#MAX_DEPTH} levels below the root, so recursion stays shallow.
 */
final class TreeValidator {
  static final Set<String> KEYS = Set.of("name", "type", "children", "metadata", "mtime", "size");

  private final YamlDocument doc;
  private final List<Diagnostic> problems;

  TreeValidator(YamlDocument doc, List<Diagnostic> problems) {
    this.doc = doc;
    this.problems = problems;
  }

  /** The root entry, or null when the document has problems (then added to the list). */
  TreeEntry root() {
    JsonNode root = doc.root();
    if (root == null || root.isMissingNode() || root.isNull()) {
      report(TreeError.NOT_A_MAPPING, "", "",
          "the .tree is empty; expected a mapping with name, type: directory and children");
      return null;
    }
    TreeEntry entry = entry(root, "", "(root)", 0);
    return problems.isEmpty() ? entry : null;
  }

  private TreeEntry entry(JsonNode node, String pointer, String label, int depth) {
    if (!node.isObject()) {
      report(TreeError.NOT_A_MAPPING, pointer, pointer,
          "entry " + label + " is " + describe(node) + ", expected a mapping with name and type");
      return null;
    }
    checkKeys(node, pointer, label);
    String name = name(node, pointer, label, depth == 0);
    TreeEntry.Type type = type(node, pointer, label, depth == 0);
    String shown = name == null ? label : depth == 0 ? "(root)" : "'" + label + "'";
    checkOptional(node, pointer, shown);
    JsonNode children = node.get("children");
    if (type == TreeEntry.Type.FILE && children != null) {
      report(TreeError.FILE_WITH_CHILDREN, pointer + "/children", pointer + "/children",
          "file " + shown + " has children; only directories have children");
      return null;
    }
    if (type == TreeEntry.Type.DIRECTORY && children == null) {
      report(TreeError.DIRECTORY_WITHOUT_CHILDREN, pointer, pointer,
          "directory " + shown + " has no children list (write children: [] when it is empty)");
      return null;
    }
    List<TreeEntry> built = children == null ? List.of() : children(children, pointer, shown, label, depth);
    if (name == null || type == null || built == null) {
      return null;
    }
    return new TreeEntry(name, type, built, doc.locationOf(pointer));
  }

  private List<TreeEntry> children(JsonNode list, String pointer, String shown, String label, int depth) {
    String at = pointer + "/children";
    if (!list.isArray()) {
      report(TreeError.CHILDREN_NOT_LIST, at, at,
          "children of " + shown + " is " + describe(list) + ", expected a list");
      return null;
    }
    if (depth >= Names.MAX_DEPTH && list.size() > 0) {
      report(TreeError.TOO_DEEP, at, at, "entries below " + shown + " are more than "
          + Names.MAX_DEPTH + " levels below the root");
      return null;
    }
    String prefix = depth == 0 ? "" : label + "/";
    List<TreeEntry> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean ok = true;
    for (int i = 0; i < list.size(); i++) {
      JsonNode child = list.get(i);
      String childPointer = at + "/" + i;
      JsonNode childName = child.isObject() ? child.get("name") : null;
      boolean named = childName != null && childName.isTextual();
      String childLabel = prefix + (named ? childName.asText() : "[" + i + "]");
      TreeEntry e = entry(child, childPointer, childLabel, depth + 1);
      if (named) {
        Integer first = seen.putIfAbsent(childName.asText(), i);
        if (first != null) {
          report(TreeError.DUPLICATE_NAME, childPointer + "/name", childPointer + "/name",
              "'" + childLabel + "' appears twice (entries " + first + " and " + i + " of "
                  + shown + ", first at line " + doc.locationOf(at + "/" + first).line() + ")");
          ok = false;
        }
      }
      ok &= e != null;
      out.add(e);
    }
    return ok ? out : null;
  }

  private String name(JsonNode node, String pointer, String label, boolean root) {
    JsonNode name = node.get("name");
    String at = pointer + "/name";
    if (name == null) {
      report(TreeError.MISSING_NAME, pointer, at, "entry " + label + " has no name");
      return null;
    }
    if (!name.isTextual()) {
      report(TreeError.MISSING_NAME, at, at, "the name of entry " + label + " is " + describe(name)
          + ", expected a string" + (name.isNumber() ? " (quote it: name: \"" + name.asText() + "\")" : ""));
      return null;
    }
    String problem = root ? (name.asText().isEmpty() ? "is empty" : null) : Names.problem(name.asText());
    if (problem != null) {
      report(TreeError.INVALID_NAME, at, at,
          "name '" + printable(name.asText()) + "' of entry " + label + " " + problem
              + " (a name is one path segment)");
      return null;
    }
    return name.asText();
  }

  private TreeEntry.Type type(JsonNode node, String pointer, String label, boolean root) {
    JsonNode type = node.get("type");
    String at = pointer + "/type";
    String shown = root ? "(root)" : "'" + label + "'";
    if (type == null) {
      report(TreeError.MISSING_TYPE, pointer, at,
          "entry " + shown + " has no type (expected 'directory' or 'file')");
      return null;
    }
    TreeEntry.Type t = "directory".equals(type.textValue()) ? TreeEntry.Type.DIRECTORY
        : "file".equals(type.textValue()) ? TreeEntry.Type.FILE : null;
    if (t == null) {
      String value = type.isTextual() ? "'" + printable(type.asText()) + "'" : describe(type);
      report(TreeError.INVALID_TYPE, at, at,
          "entry " + shown + " has type " + value + " (expected 'directory' or 'file')");
      return null;
    }
    if (root && t != TreeEntry.Type.DIRECTORY) {
      report(TreeError.ROOT_NOT_DIRECTORY, at, at,
          "the root entry has type 'file'; the root of a .tree is always a directory");
      return null;
    }
    return t;
  }

  private void checkKeys(JsonNode node, String pointer, String label) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        String at = pointer + "/" + escape(key);
        report(TreeError.UNKNOWN_KEY, at, at, "unknown key '" + printable(key) + "' in entry " + label
            + "; allowed: name, type, children, metadata, mtime, size");
      }
    }
  }

  private void checkOptional(JsonNode node, String pointer, String shown) {
    JsonNode metadata = node.get("metadata");
    if (metadata != null && !metadata.isObject()) {
      report(TreeError.INVALID_OPTIONAL_FIELD, pointer + "/metadata", pointer + "/metadata",
          "metadata of " + shown + " is " + describe(metadata) + ", expected a mapping");
    }
    for (String key : new String[] {"mtime", "size"}) {
      JsonNode v = node.get(key);
      if (v != null && !(v.isIntegralNumber() && v.bigIntegerValue().signum() >= 0)) {
        report(TreeError.INVALID_OPTIONAL_FIELD, pointer + "/" + key, pointer + "/" + key,
            key + " of " + shown + " is " + describe(v) + ", expected a non-negative integer");
      }
    }
  }

  private void report(TreeError code, String locationPointer, String field, String message) {
    SourceLocation loc = doc.locationOf(locationPointer);
    problems.add(Diagnostic.error(code, doc.file(), loc.line(), loc.column(), field, message));
  }

  static String describe(JsonNode node) {
    if (node.isTextual()) {
      return "a string ('" + printable(node.asText()) + "')";
    }
    if (node.isNumber()) {
      return "a number (" + node.asText() + ")";
    }
    if (node.isBoolean()) {
      return "a boolean (" + node.asText() + ")";
    }
    if (node.isNull()) {
      return "null";
    }
    return node.isArray() ? "a list" : node.isObject() ? "a mapping" : "a " + node.getNodeType();
  }

  /** Control characters escaped, long values cut: safe to print in a terminal. */
  static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && sb.length() < 80; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.length() >= 80 ? sb + "..." : sb.toString();
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
