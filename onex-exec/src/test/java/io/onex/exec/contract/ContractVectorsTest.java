package io.onex.exec.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onex.exec.LoadedNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks {@code vectors/contract/<case>/}: {@code contract.yaml} (node.onex.yaml fields
 * {@code input_contract}/{@code output_contract}, {@code x-direction: output} to check the
 * output side), optional {@code state_contract.json}, {@code state.json}, and
 * {@code expected.txt}: {@code OK}, or one line per violation in order, {@code <path>} or
 * {@code <path> | <text the message contains>}. Failing cases end in {@code _fail}.
 */
class ContractVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  static List<Path> cases() throws IOException, URISyntaxException {
    Path dir = Paths.get(ContractVectorsTest.class.getResource("/vectors/contract").toURI());
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  @Test
  void vectors_areEnough() throws Exception {
    assertTrue(cases().size() >= 20, "at least 20 contract vectors");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void check_matchesExpected(Path caseDir) throws IOException {
    String name = caseDir.getFileName().toString();
    List<String> expected = Files.readAllLines(caseDir.resolve("expected.txt")).stream()
        .map(String::strip).filter(l -> !l.isEmpty()).toList();
    boolean ok = expected.equals(List.of("OK"));
    assertEquals(!ok, name.endsWith("_fail"), "a case is named *_fail exactly when it expects violations");

    Path nodeDir = tmp.resolve(name);
    Files.createDirectories(nodeDir);
    if (Files.exists(caseDir.resolve("state_contract.json"))) {
      Files.copy(caseDir.resolve("state_contract.json"), nodeDir.resolve("state_contract.json"));
    }
    String contract = Files.readString(caseDir.resolve("contract.yaml"));
    LoadedNode node = TestNodes.write(nodeDir, "noop", "-", contract, true);
    ContractChecker.Direction direction = contract.contains("x-direction: output")
        ? ContractChecker.Direction.OUTPUT : ContractChecker.Direction.INPUT;
    JsonNode state = JSON.readTree(caseDir.resolve("state.json").toFile());

    List<ContractViolation> found = ContractChecker.check(node, state, direction);

    if (ok) {
      assertEquals(List.of(), found);
      return;
    }
    List<String> paths = new ArrayList<>();
    found.forEach(v -> paths.add(v.path()));
    List<String> expectedPaths = expected.stream().map(l -> l.split(" \\| ", 2)[0]).toList();
    assertEquals(expectedPaths, paths, "violation paths of " + found);
    for (int i = 0; i < expected.size(); i++) {
      String[] parts = expected.get(i).split(" \\| ", 2);
      if (parts.length == 2) {
        assertTrue(found.get(i).message().contains(parts[1]), "message of " + found.get(i) + " contains " + parts[1]);
      }
    }
  }
}
