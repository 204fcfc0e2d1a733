package io.onex.core.validate;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.schema.SchemaId;
import io.onex.core.schema.SchemaValidator;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlDocument;
import io.onex.core.yaml.YamlLimits;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * state_contract must name a JSON Schema file inside the node directory
 * ({@code state_contract://<relative path>} or the relative path itself), which must parse and
 * satisfy the bundled state-contract meta-schema.
 */
final class StateContractRule {
  static final String SCHEME = "state_contract://";
  private static final String PTR = "/state_contract";

  private StateContractRule() {}

  static void check(String ref, Path nodeDir, String displayDir, Findings f) {
    String rel = ref.startsWith(SCHEME) ? ref.substring(SCHEME.length()) : ref;
    if (rel.isEmpty() || rel.contains("://") || rel.indexOf('\\') >= 0 || rel.chars().anyMatch(c -> c < 0x20)) {
      f.error(ValidationError.STATE_CONTRACT_URI, PTR, "state_contract '" + UuidRule.abbreviate(ref) + "' is not a contract reference");
      return;
    }
    if (rel.startsWith("/") || List.of(rel.split("/")).contains("..")) {
      f.error(ValidationError.STATE_CONTRACT_OUTSIDE, PTR, "state_contract '" + ref + "' leaves the node directory");
      return;
    }
    Path file = nodeDir.resolve(rel).normalize();
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      f.error(ValidationError.STATE_CONTRACT_MISSING, PTR,
          "state_contract '" + ref + "' names " + rel + ", which is not a file in the node directory",
          "create " + displayDir + "/" + rel + " (a JSON Schema with type: object), or fix the reference");
      return;
    }
    String display = displayDir + "/" + rel;
    YamlDocument contract;
    try {
      contract = StrictYaml.load(file, display, YamlLimits.DEFAULT);
    } catch (OnexException e) {
      f.error(ValidationError.STATE_CONTRACT_UNREADABLE, PTR, "state_contract file " + display + " cannot be read (see below)");
      f.addAll(e.diagnostics());
      return;
    }
    List<Diagnostic> problems = SchemaValidator.validate(SchemaId.STATE_CONTRACT, contract);
    if (problems.stream().anyMatch(Diagnostic::isError)) {
      f.error(ValidationError.STATE_CONTRACT_INVALID, PTR, "state_contract file " + display + " is not a valid state contract (see below)");
      f.addAll(problems);
    }
  }
}
