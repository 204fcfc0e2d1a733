package io.onex.core.schema;

import com.networknt.schema.ValidationMessage;
import io.onex.core.diag.Diagnostic;
import io.onex.core.yaml.SourceLocation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * From networknt's unordered message set to ONEX diagnostics.
 *
 * <p>Invariants: every message becomes at most one diagnostic; errors inside {@code oneOf} /
 * {@code anyOf} branches are dropped (the combinator's own message explains them); a
 * {@code pattern} failure on a field whose {@code format} also failed is dropped (the date-time
 * pattern duplicates the format); identical diagnostics are merged; the result is sorted by
 * line, column, code, field and message, so it is the same on every run.
 */
final class MessageMapper {
  private static final Pattern IN_BRANCH = Pattern.compile("/(oneOf|anyOf)/\\d+(/|$)");
  static final Comparator<Diagnostic> ORDER = Comparator.comparingInt(Diagnostic::line)
      .thenComparingInt(Diagnostic::column)
      .thenComparing(Diagnostic::code)
      .thenComparing(Diagnostic::field)
      .thenComparing(Diagnostic::message);

  private final Keywords keywords;
  private final String file;
  private final Function<String, SourceLocation> locator;

  MessageMapper(SchemaId id, String file, Function<String, SourceLocation> locator) {
    this.keywords = new Keywords(id);
    this.file = file;
    this.locator = locator;
  }

  List<Diagnostic> map(Collection<ValidationMessage> messages) {
    Set<String> formatFailed = new HashSet<>();
    for (ValidationMessage m : messages) {
      if ("format".equals(m.getType())) {
        formatFailed.add(m.getInstanceLocation().toString());
      }
    }
    Set<Diagnostic> out = new LinkedHashSet<>();
    for (ValidationMessage m : messages) {
      if (IN_BRANCH.matcher(m.getEvaluationPath().toString()).find()) {
        continue;
      }
      if ("pattern".equals(m.getType()) && formatFailed.contains(m.getInstanceLocation().toString())) {
        continue;
      }
      out.add(locate(keywords.map(m)));
    }
    List<Diagnostic> sorted = new ArrayList<>(out);
    sorted.sort(ORDER);
    return List.copyOf(sorted);
  }

  private Diagnostic locate(Problem p) {
    SourceLocation loc = locator.apply(p.at().pointer());
    if (loc == null) {
      loc = SourceLocation.UNKNOWN;
    }
    String hint = p.hint() == null ? p.code().hint() : p.hint();
    return Diagnostic.error(p.code(), file, loc.line(), loc.column(), p.field().dotted(), p.message(), hint);
  }
}
