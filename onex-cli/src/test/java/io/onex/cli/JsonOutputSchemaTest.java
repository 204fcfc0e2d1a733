package io.onex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every --format json output validates against the bundled cli-output schema. */
class JsonOutputSchemaTest {
  @TempDir Path repo;

  private static JsonSchema schema() throws IOException {
    try (InputStream in = Main.class.getResourceAsStream("cli-output.schema.json")) {
      JsonNode node = new ObjectMapper().readTree(in);
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
    }
  }

  private void assertValid(CliRun r) throws IOException {
    JsonNode out = new ObjectMapper().readTree(r.out());
    Set<ValidationMessage> errors = schema().validate(out);
    assertTrue(errors.isEmpty(), () -> errors + "\n" + r);
  }

  @Test
  void jsonOutputs_matchSchema_whenOkAndWhenFailing() throws IOException {
    CliRun.in(repo, "init");
    CliRun.in(repo, "new", "greet");
    assertValid(CliRun.in(repo, "tree", "--check", "--format", "json"));
    assertValid(CliRun.in(repo, "tree", "--format", "json"));
    assertValid(CliRun.in(repo, "validate", "--format", "json"));
    assertValid(CliRun.in(repo, "stamp", "--format", "json"));
    Path main = repo.resolve("greet/main.py");
    Files.writeString(main, Files.readString(main) + "# edit\n");
    CliRun failing = CliRun.in(repo, "validate", "--format", "json");
    assertEquals(ExitCodes.FINDINGS, failing.exit());
    assertValid(failing);
    assertValid(CliRun.in(repo, "stamp", "--check", "--format", "json"));
    assertValid(CliRun.in(repo, "stamp", "--format", "json"));
  }
}
