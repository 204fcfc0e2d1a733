package io.onex.core.schema;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * JDK regular expressions with ECMA-262 end anchoring. In Java, {@code $} also matches just
 * before a final line terminator, so {@code ^[a-z]+$} would accept {@code "abc\n"}; ECMA-262
 * (which JSON Schema specifies) does not. Every unescaped {@code $} outside a character class
 * is therefore compiled as {@code \z}. Patterns are searched, not fully matched, as JSON
 * Schema requires. Shared by the bundled schemas and by state contracts (onex-exec).
 */
public final class StrictRegexFactory implements RegularExpressionFactory {
  /** The one instance: stateless; pass it to networknt's {@code regularExpressionFactory}. */
  public static final StrictRegexFactory INSTANCE = new StrictRegexFactory();

  private StrictRegexFactory() {}

  @Override
  public RegularExpression getRegularExpression(String regex) {
    Pattern pattern = Pattern.compile(strictEnd(regex));
    return value -> pattern.matcher(value).find();
  }

  /** {@code regex} with each unescaped {@code $} outside {@code [...]} replaced by {@code \z}. */
  static String strictEnd(String regex) {
    StringBuilder out = new StringBuilder(regex.length() + 4);
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        out.append(c).append(regex.charAt(++i));
      } else if (c == '[') {
        inClass = true;
        out.append(c);
      } else if (c == ']') {
        inClass = false;
        out.append(c);
      } else if (c == '$' && !inClass) {
        out.append("\\z");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
