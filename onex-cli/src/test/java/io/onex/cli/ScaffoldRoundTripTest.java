package io.onex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The node that builds a node: scaffold -> validate -> test -> run, for every node type. */
class ScaffoldRoundTripTest {
  @TempDir Path repo;

  @ParameterizedTest
  @ValueSource(strings = {"python", "cli", "noop", "java"})
  void scaffold_generatesNodeThatValidatesTestsAndRuns(String type) {
    CliRun.in(repo, "init");
    ScaffoldBundle.install(repo.resolve("nodes/scaffold"));
    assertEquals(0, CliRun.in(repo, "tree").exit());
    String input = "{\"name\": \"made_" + type + "\", \"type\": \"" + type + "\", \"description\": \"generated\", "
        + "\"inputs\": {\"text\": \"str\", \"n\": \"int\"}, \"outputs\": {\"words\": \"[str]\", \"ok\": \"bool\"}}";
    CliRun gen = CliRun.in(repo, "run", "scaffold", "--input", input, "--write-files", "nodes");
    assertEquals(0, gen.exit(), gen::toString);
    assertTrue(Files.isRegularFile(repo.resolve("nodes/made_" + type + "/node.onex.yaml")), gen::toString);
    CliRun validate = CliRun.in(repo, "validate");
    assertEquals(0, validate.exit(), validate::toString);
    assertEquals(0, CliRun.in(repo, "tree", "--check").exit(), "the .tree was updated");
    CliRun test = CliRun.in(repo, "test", "made_" + type);
    assertEquals(0, test.exit(), test::toString);
    assertTrue(test.out().contains("1 passed, 0 failed"), test::toString);
    CliRun run = CliRun.in(repo, "run", "made_" + type, "--input", "{\"text\": \"a b\", \"n\": 2}", "--format", "json");
    assertEquals(0, run.exit(), run::toString);
  }

  @Test
  void scaffold_refusesToOverwriteExistingNode() {
    CliRun.in(repo, "init");
    ScaffoldBundle.install(repo.resolve("nodes/scaffold"));
    String input = "{\"name\": \"twice\", \"type\": \"noop\"}";
    assertEquals(0, CliRun.in(repo, "run", "scaffold", "--input", input, "--write-files", "nodes").exit());
    CliRun again = CliRun.in(repo, "run", "scaffold", "--input", input, "--write-files", "nodes");
    assertEquals(ExitCodes.ENVIRONMENT, again.exit(), again::toString);
    assertTrue(again.err().contains("ONEX-P002"), again::toString);
  }

  @Test
  void bundle_listsExactlyTheProjectScaffoldFiles() throws IOException {
    Path scaffold = Paths.get(System.getProperty("onex.root.dir", "..")).resolve("nodes/scaffold");
    try (Stream<Path> s = Files.walk(scaffold)) {
      List<String> files = s.filter(Files::isRegularFile).map(p -> scaffold.relativize(p).toString().replace('\\', '/')).sorted().toList();
      assertEquals(files, ScaffoldBundle.FILES.stream().sorted().toList());
    }
  }
}
