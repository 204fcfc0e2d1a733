package io.onex.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.validate.ValidationError;
import io.onex.core.yaml.SourceLocation;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlDocument;
import io.onex.core.yaml.YamlLimits;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code .onex-store/config.yaml} (docs/formats/config.md). Closed: unknown keys are errors
 * unless {@code x-}-prefixed, so a typo never silently leaves a default in force. The
 * {@code hooks} section belongs to the git hooks, which read and check it themselves
 * (docs/formats/hooks.md).
 */
public record ProjectConfig(int configVersion, List<String> exclude) {
  public static final ProjectConfig DEFAULT = new ProjectConfig(1, List.of());

  public ProjectConfig {
    exclude = List.copyOf(exclude);
  }
  /** The signing policy's key, read by {@code io.onex.sign.policy.SigningPolicy}. */
  public static final String SIGNING_KEY = "signing";
  static final String DISPLAY = ProjectLayout.STORE_DIR + "/" + ProjectLayout.CONFIG_FILE;

  /** The configuration of {@code layout}, or the default when the repository has none. */
  public static ProjectConfig load(ProjectLayout layout) {
    if (!Files.isRegularFile(layout.configFile())) {
      return DEFAULT;
    }
    YamlDocument doc = StrictYaml.loadMapping(layout.configFile(), DISPLAY, YamlLimits.DEFAULT);
    List<Diagnostic> problems = new ArrayList<>();
    JsonNode root = doc.root();
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!key.equals("config_version") && !key.equals("exclude") && !key.equals(SIGNING_KEY) && !key.equals("hooks")
          && !key.startsWith("x-")) {
        problems.add(problem(doc, "/" + key, key, "unknown key '" + key + "' in the repository configuration"));
      }
    }
    JsonNode v = root.get("config_version");
    if (v == null || !v.isInt() || v.intValue() != 1) {
      problems.add(problem(doc, "/config_version", "config_version",
          "config_version must be 1 (found " + (v == null ? "nothing" : v.toString()) + ")"));
    }
    List<String> exclude = new ArrayList<>();
    JsonNode ex = root.get("exclude");
    if (ex != null) {
      if (!ex.isArray()) {
        problems.add(problem(doc, "/exclude", "exclude", "exclude must be a list of directories relative to the repository root"));
      } else {
        for (int i = 0; i < ex.size(); i++) {
          String dir = ex.get(i).asText("");
          if (!ex.get(i).isTextual() || dir.isEmpty() || dir.startsWith("/") || List.of(dir.split("/")).contains("..")) {
            problems.add(problem(doc, "/exclude/" + i, "exclude[" + i + "]",
                "exclude entries must be relative directories inside the repository, found " + ex.get(i)));
          } else {
            exclude.add(dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir);
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new OnexException(problems);
    }
    return new ProjectConfig(v.intValue(), exclude);
  }

  private static Diagnostic problem(YamlDocument doc, String pointer, String field, String message) {
    SourceLocation loc = doc.locationOf(pointer);
    return Diagnostic.error(ValidationError.CONFIG_INVALID, DISPLAY, loc.line(), loc.column(), field, message);
  }
}
