package io.onex.git.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.git.GitError;
import java.util.Iterator;
import java.util.Optional;

/**
 * The {@code hooks} section of {@code .onex-store/config.yaml} (docs/formats/hooks.md):
 * {@code budget_ms}, the time the pre-commit hook may spend running test cases before it moves
 * the remaining nodes out of the commit path (0, the default, means no budget). Read from the
 * staged configuration, so a change to the budget applies to the commit that makes it.
 */
record HookConfig(long budgetMs) {
  static final HookConfig DEFAULT = new HookConfig(0);

  static HookConfig of(Optional<JsonNode> config) {
    JsonNode hooks = config.map(c -> c.get("hooks")).orElse(null);
    if (hooks == null || hooks.isNull()) {
      return DEFAULT;
    }
    if (!hooks.isObject()) {
      throw bad("hooks must be a mapping, for example hooks: {budget_ms: 2000}");
    }
    for (Iterator<String> it = hooks.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!k.equals("budget_ms") && !k.startsWith("x-")) {
        throw bad("unknown key '" + k + "' in hooks (known: budget_ms)");
      }
    }
    JsonNode b = hooks.get("budget_ms");
    if (b == null) {
      return DEFAULT;
    }
    if (!b.isIntegralNumber() || b.longValue() < 0 || !b.canConvertToLong()) {
      throw bad("hooks.budget_ms must be a whole number of milliseconds >= 0, found " + b);
    }
    return new HookConfig(b.longValue());
  }

  private static io.onex.core.diag.OnexException bad(String message) {
    return GitError.BAD_HOOK_CONFIG.fail(".onex-store/config.yaml", message);
  }
}
