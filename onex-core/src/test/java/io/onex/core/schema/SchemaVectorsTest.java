package io.onex.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlDocument;
import io.onex.core.yaml.YamlLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks the directory vectors of the three bundled schemas. */
class SchemaVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> nodeCases() throws IOException {
    return Vectors.cases("schema");
  }

  static Stream<Path> recordCases() throws IOException {
    return Vectors.cases("execution-record");
  }

  static Stream<Path> contractCases() throws IOException {
    return Vectors.cases("state-contract");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nodeCases")
  void validate_nodeMetadataVector(Path dir) throws IOException {
    Path file = dir.resolve("node.onex.yaml");
    YamlDocument doc = StrictYaml.parse(Files.readAllBytes(file), file.toString(), YamlLimits.DEFAULT);
    Vectors.check(dir, SchemaValidator.validate(SchemaId.NODE_METADATA, doc));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordCases")
  void validate_executionRecordVector(Path dir) throws IOException {
    JsonNode record = JSON.readTree(dir.resolve("record.json").toFile());
    Vectors.check(dir, SchemaValidator.validate(SchemaId.EXECUTION_RECORD, record, "record.json"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contractCases")
  void validate_stateContractVector(Path dir) throws IOException {
    JsonNode contract = JSON.readTree(dir.resolve("contract.json").toFile());
    Vectors.check(dir, SchemaValidator.validate(SchemaId.STATE_CONTRACT, contract, "contract.json"));
  }
}
