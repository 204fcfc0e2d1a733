package io.onex.core.uri;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A node URI {@code <type>://<namespace>@<version_spec>}, e.g.
 * {@code tool://acme.text.upper@^1.0}.
 *
 * <p>The type is informational; the registry resolves by namespace and version. Parsing is
 * strict (no surrounding spaces, lowercase type, at most {@value #MAX_LENGTH} characters) and
 * {@link #toString()} gives back exactly the parsed text.
 */
public record NodeUri(UriType type, String namespace, VersionConstraint version) {
  public static final int MAX_LENGTH = 512;
  static final Pattern NAMESPACE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

  public NodeUri {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(version, "version");
  }

  /**
   * Parses a node URI.
   *
   * @throws OnexException with one {@link UriError} diagnostic naming the wrong part
   */
  public static NodeUri parse(String text) {
    Parsed<NodeUri> p = tryParse(text);
    if (p.problem() != null) {
      throw new OnexException(p.problem().at("", 0, 0, ""));
    }
    return p.value();
  }

  /** The problems of {@code text} as a node URI (empty when valid), placed as given. */
  public static List<Diagnostic> check(String text, String file, int line, int column, String field) {
    Parsed<NodeUri> p = tryParse(text);
    return p.problem() == null ? List.of() : List.of(p.problem().at(file, line, column, field));
  }

  /** Whether {@code namespace} is dotted lowercase: {@code acme.text.upper}. */
  public static boolean isValidNamespace(String namespace) {
    return namespace != null && NAMESPACE.matcher(namespace).matches();
  }

  static Parsed<NodeUri> tryParse(String text) {
    if (text == null || text.isEmpty()) {
      return fail(UriError.MISSING_SCHEME_SEPARATOR, "the URI is empty");
    }
    String shown = VersionConstraint.abbreviate(text);
    if (text.length() > MAX_LENGTH) {
      return fail(UriError.TOO_LONG, "the URI has " + text.length() + " characters (max " + MAX_LENGTH + ")");
    }
    int sep = text.indexOf("://");
    if (sep < 0) {
      return fail(UriError.MISSING_SCHEME_SEPARATOR, "'" + shown + "' has no '://' between type and namespace");
    }
    String typeText = text.substring(0, sep);
    UriType type = UriType.fromId(typeText).orElse(null);
    if (type == null) {
      return fail(UriError.UNKNOWN_TYPE, "unknown type '" + VersionConstraint.abbreviate(typeText) + "' in '"
          + shown + "'; allowed: " + UriType.allowedList());
    }
    String rest = text.substring(sep + 3);
    int at = rest.indexOf('@');
    if (at < 0) {
      return fail(UriError.MISSING_VERSION_SEPARATOR, "'" + shown + "' has no '@<version_spec>' after the namespace");
    }
    String namespace = rest.substring(0, at);
    if (!isValidNamespace(namespace)) {
      return fail(UriError.BAD_NAMESPACE, "namespace '" + namespace + "' in '" + shown + "' "
          + namespaceProblem(namespace));
    }
    Parsed<VersionConstraint> v = VersionConstraint.tryParse(rest.substring(at + 1));
    if (v.problem() != null) {
      return fail(v.problem().code(), "in '" + shown + "': " + v.problem().message());
    }
    return Parsed.ok(new NodeUri(type, namespace, v.value()));
  }

  private static String namespaceProblem(String ns) {
    if (ns.isEmpty()) {
      return "is empty";
    }
    if (!ns.equals(ns.toLowerCase(java.util.Locale.ROOT))) {
      return "has uppercase letters (namespaces are lowercase)";
    }
    if (ns.startsWith(".") || ns.endsWith(".") || ns.contains("..")) {
      return "has an empty segment (check the dots)";
    }
    for (String segment : ns.split("\\.")) {
      if (!segment.isEmpty() && !Character.isLetter(segment.charAt(0))) {
        return "has segment '" + segment + "' that does not start with a letter";
      }
    }
    return "has characters other than a-z, 0-9, '_' and '.'";
  }

  private static Parsed<NodeUri> fail(UriError code, String message) {
    return Parsed.failed(new Problem(code, message));
  }

  /** {@code <type>://<namespace>@<version_spec>}, exactly as parsed. */
  @Override
  public String toString() {
    return type.id() + "://" + namespace + "@" + version.text();
  }
}
