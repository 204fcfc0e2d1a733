package io.onex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a JSON option value given inline or as {@code @file}. */
final class JsonArgs {
  private static final long MAX_BYTES = 16L << 20;

  private JsonArgs() {}

  static JsonNode read(String value, String option, CliEnvironment env) {
    String text = value;
    String source = option;
    try {
      if (value.startsWith("@")) {
        Path file = env.resolve(value.substring(1));
        source = value.substring(1);
        if (Files.size(file) > MAX_BYTES) {
          throw bad(option, source, "is larger than 16 MiB");
        }
        text = Files.readString(file);
      }
      return new ObjectMapper().readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw bad(option, source, "is not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
    } catch (IOException e) {
      throw bad(option, source, "cannot be read: " + e.getMessage());
    }
  }

  private static OnexException bad(String option, String source, String why) {
    return new OnexException(Diagnostic.error(CliError.BAD_JSON, source, 0, 0, option,
        option + " " + why, "pass a JSON object inline, e.g. " + option + " '{\"name\": \"Ada\"}', or " + option + " @file.json"));
  }
}
