package io.onex.exec.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.exec.LoadedNode;
import io.onex.exec.contract.ContractChecker.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractCheckerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA = "{\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}}, \"required\": [\"name\"]}";

  @TempDir
  Path tmp;

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  private LoadedNode inline(String contractYaml) {
    return TestNodes.write(tmp.resolve("n"), "noop", "-", contractYaml, true);
  }

  @Test
  void check_wordsMessagesWithPathAndFoundValue() throws Exception {
    LoadedNode node = inline("input_contract:\n  name: str\n  tags: \"[str]\"\n  user.name: str\n");
    List<ContractViolation> v = ContractChecker.check(node, json("{\"name\": 5, \"tags\": [\"a\", null], \"user\": {}}"), Direction.INPUT);
    assertEquals(List.of(
        new ContractViolation("$.name", "expected str, found int 5"),
        new ContractViolation("$.tags[1]", "expected str, found null"),
        new ContractViolation("$.user.name", "required field missing")), v);
  }

  @Test
  void check_nullOrMissingState_isOneViolationAtRoot() {
    LoadedNode node = inline("input_contract:\n  name: str\n");
    assertEquals(List.of(new ContractViolation("$", "expected object, found null")),
        ContractChecker.check(node, null, Direction.INPUT));
    assertEquals(List.of(new ContractViolation("$", "expected object, found null")),
        ContractChecker.check(node, NullNode.getInstance(), Direction.INPUT));
  }

  @Test
  void check_longTextIsShortenedInMessage() throws Exception {
    LoadedNode node = inline("input_contract:\n  n: int\n");
    String longText = "x".repeat(500);
    ContractViolation v = ContractChecker.check(node, json("{\"n\": \"" + longText + "\"}"), Direction.INPUT).get(0);
    assertTrue(v.message().length() < 80, v.message());
    assertTrue(v.message().endsWith("...\""), v.message());
  }

  @Test
  void check_manyViolations_areCappedWithASummary() {
    LoadedNode node = inline("input_contract:\n  ids: \"[int]\"\n");
    ObjectNode state = JSON.createObjectNode();
    ArrayNode ids = state.putArray("ids");
    for (int i = 0; i < 150; i++) {
      ids.add("x" + i);
    }
    List<ContractViolation> v = ContractChecker.check(node, state, Direction.INPUT);
    assertEquals(ContractChecker.MAX_VIOLATIONS + 1, v.size());
    assertEquals("$.ids[0]", v.get(0).path());
    assertEquals("$.ids[99]", v.get(99).path());
    assertEquals(new ContractViolation("$", "50 more violations not listed"), v.get(100));
  }

  @Test
  void check_isDeterministic() throws Exception {
    LoadedNode node = inline("input_contract:\n  z: str\n  a: int\n  m.k: bool\n  b: \"[str]\"\n");
    JsonNode state = json("{\"z\": 1, \"a\": \"1\", \"m\": {\"k\": 0}, \"b\": [1, 2, 3]}");
    List<ContractViolation> first = ContractChecker.check(node, state, Direction.INPUT);
    assertEquals(List.of("$.a", "$.b[0]", "$.b[1]", "$.b[2]", "$.m.k", "$.z"), first.stream().map(ContractViolation::path).toList());
    for (int i = 0; i < 5; i++) {
      assertEquals(first, ContractChecker.check(node, state, Direction.INPUT));
    }
  }

  @Test
  void check_unknownContractType_isAViolationNotAnException() throws Exception {
    LoadedNode node = TestNodes.write(tmp.resolve("n"), "noop", "-", "input_contract:\n  name: string\n  \"a..b\": str\n", false);
    List<ContractViolation> v = ContractChecker.check(node, json("{\"name\": \"x\"}"), Direction.INPUT);
    assertEquals(2, v.size(), v.toString());
    assertEquals("$", v.get(0).path());
    assertTrue(v.get(0).message().contains("'a..b'"), v.toString());
    assertEquals("$.name", v.get(1).path());
    assertTrue(v.get(1).message().contains("'string' is not"), v.toString());
  }

  @Test
  void stateContract_isCompiledOncePerContent_andRecompiledWhenEdited() throws Exception {
    Path dir = tmp.resolve("n");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("state_contract.json"), SCHEMA);
    LoadedNode node = inline("");
    var first = StateContracts.schema(dir, node.metadata().stateContract());
    assertSame(first, StateContracts.schema(dir, node.metadata().stateContract()));
    assertEquals(List.of(new ContractViolation("$.name", "required field missing")),
        ContractChecker.check(node, json("{}"), Direction.OUTPUT));

    Files.writeString(dir.resolve("state_contract.json"), SCHEMA.replace("\"string\"", "\"integer\""));
    assertNotSame(first, StateContracts.schema(dir, node.metadata().stateContract()));
    assertEquals(List.of(new ContractViolation("$.name", "expected integer, found string \"Ada\"")),
        ContractChecker.check(node, json("{\"name\": \"Ada\"}"), Direction.OUTPUT));
  }

  @Test
  void stateContract_yamlFileIsAccepted() throws Exception {
    Path dir = tmp.resolve("n");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("state.yaml"), "type: object\nproperties:\n  n: {type: integer}\n");
    LoadedNode node = TestNodes.write(dir, "noop", "-", "", true);
    LoadedNode yamlNode = new LoadedNode(withStateContract(node, "state.yaml"), dir, node.hash());
    assertEquals(List.of("$.n"), ContractChecker.check(yamlNode, json("{\"n\": 1.5}"), Direction.INPUT)
        .stream().map(ContractViolation::path).toList());
  }

  @Test
  void stateContract_outsideTheNode_isRefused() throws Exception {
    Path dir = tmp.resolve("n");
    Files.createDirectories(dir);
    Files.writeString(tmp.resolve("outside.json"), SCHEMA);
    Files.createSymbolicLink(dir.resolve("link.json"), tmp.resolve("outside.json"));
    LoadedNode base = TestNodes.write(dir, "noop", "-", "", true);
    for (String ref : List.of("state_contract://link.json", "../outside.json", "/etc/passwd", "a/../../outside.json", ".git/x.json")) {
      LoadedNode node = new LoadedNode(withStateContract(base, ref), dir, base.hash());
      List<ContractViolation> v = ContractChecker.check(node, json("{}"), Direction.INPUT);
      assertEquals(1, v.size(), ref + ": " + v);
      assertEquals("$", v.get(0).path());
      assertTrue(v.get(0).message().contains("node directory"), ref + ": " + v);
    }
  }

  @Test
  void stateContract_emptyReference_meansNoContract() throws Exception {
    LoadedNode base = TestNodes.write(tmp.resolve("n"), "noop", "-", "", true);
    LoadedNode node = new LoadedNode(withStateContract(base, ""), base.directory(), base.hash());
    assertEquals(List.of(), ContractChecker.check(node, json("{\"anything\": 1}"), Direction.INPUT));
  }

  @Test
  void stateContract_falseSchema_rejectsEverything() throws Exception {
    Path dir = tmp.resolve("n");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("state_contract.json"), "{\"type\": \"object\", \"properties\": {\"x\": false}}");
    LoadedNode node = inline("");
    List<ContractViolation> v = ContractChecker.check(node, json("{\"x\": 1}"), Direction.INPUT);
    assertEquals(List.of(new ContractViolation("$.x", "no value is allowed here (the schema is false)")), v);
  }

  private static io.onex.core.model.NodeMetadata withStateContract(LoadedNode node, String ref) {
    ObjectNode tree = (ObjectNode) node.metadata().tree().deepCopy();
    tree.put("state_contract", ref);
    return io.onex.core.model.NodeMetadataReader.read(tree);
  }
}
