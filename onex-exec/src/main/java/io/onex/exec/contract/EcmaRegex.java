package io.onex.exec.contract;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * JDK regular expressions with ECMA-262 end anchoring for {@code pattern} in state contracts
 * (the same rule as the bundled schemas in onex-core): every unescaped {@code $} outside a
 * character class means the very end ({@code \z}), so {@code ^[a-z]+$} rejects
 * {@code "abc\n"}. Patterns are searched, not fully matched.
 */
final class EcmaRegex implements RegularExpressionFactory {
  static final EcmaRegex INSTANCE = new EcmaRegex();

  private EcmaRegex() {}

  @Override
  public RegularExpression getRegularExpression(String regex) {
    Pattern pattern = Pattern.compile(strictEnd(regex));
    return value -> pattern.matcher(value).find();
  }

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
