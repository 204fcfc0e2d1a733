package io.onex.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.testing.SharedData;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The reference implementation's schema test data, read for what it shows about our schemas
 * (its shapes differ from ours on purpose: reference-only fields are unknown here).
 */
class ReferenceDataTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> codesAndFields(List<Diagnostic> ds) {
    return ds.stream().map(d -> d.code() + " " + d.field()).sorted().collect(Collectors.toList());
  }

  private static List<Diagnostic> node(String testdata) throws IOException {
    Path file = SharedData.conformance("omnibase/schemas/schemas_tests/testdata/" + testdata);
    return SchemaValidator.validate(SchemaId.NODE_METADATA,
        StrictYaml.parse(Files.readAllBytes(file), testdata, YamlLimits.DEFAULT));
  }

  @Test
  void stateContract_referenceStub_onlyItsExtraKeyIsRefused() throws IOException {
    ObjectNode contract = (ObjectNode) JSON.readTree(
        SharedData.conformance("omnibase/schemas/state_contract.json").toFile());
    assertEquals(List.of("ONEX-S002 SCHEMA_VERSION"),
        codesAndFields(SchemaValidator.validate(SchemaId.STATE_CONTRACT, contract, "state_contract.json")));
    contract.remove("SCHEMA_VERSION");
    assertEquals(List.of(), SchemaValidator.validate(SchemaId.STATE_CONTRACT, contract, "state_contract.json"));
  }

  @Test
  void nodeMetadata_referenceInvalidNode_everyBrokenFieldReported() throws IOException {
    List<String> got = codesAndFields(node("invalid_onex_node.yaml"));
    for (String expected : List.of("ONEX-S003 name", "ONEX-S003 description", "ONEX-S003 entrypoint.target",
        "ONEX-S003 state_contract", "ONEX-S003 tags", "ONEX-S004 lifecycle", "ONEX-S004 meta_type",
        "ONEX-S005 hash", "ONEX-S005 namespace", "ONEX-S005 schema_version", "ONEX-S005 uuid",
        "ONEX-S005 version", "ONEX-S006 created_at", "ONEX-S002 trust_score")) {
      assertTrue(got.contains(expected), expected + " missing from " + got);
    }
  }

  @Test
  void nodeMetadata_referenceValidNode_onlyReferenceOnlyShapesRefused() throws IOException {
    List<Diagnostic> ds = node("valid_onex_node.yaml");
    for (Diagnostic d : ds) {
      boolean referenceOnlyField = d.code().equals("ONEX-S002");
      boolean objectDependency = d.code().equals("ONEX-S003") && d.field().equals("dependencies[0]");
      assertTrue(referenceOnlyField || objectDependency, d.format());
    }
    assertTrue(codesAndFields(ds).contains("ONEX-S002 trust_score"), "trust is dynamic, never in the file");
  }
}
