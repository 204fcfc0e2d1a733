package io.onex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The commands end to end, in-process, on real directories. */
class CommandsTest {
  @TempDir Path repo;

  @Test
  void version_printsVersionAndSchema() {
    CliRun r = CliRun.in(repo, "--version");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().startsWith("onex "), r::toString);
    assertTrue(r.out().contains("schema_version 1.0.0"), r::toString);
  }

  @Test
  void unknownOption_isUsageError() {
    CliRun r = CliRun.in(repo, "validate", "--frobnicate");
    assertEquals(ExitCodes.USAGE, r.exit(), r::toString);
    assertTrue(r.err().contains("ONEX-C002"), r::toString);
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
  }

  @Test
  void init_createsStoreAndIsIdempotent() throws IOException {
    CliRun first = CliRun.in(repo, "init");
    assertEquals(0, first.exit(), first::toString);
    assertTrue(Files.isRegularFile(repo.resolve(".onex-store/config.yaml")));
    String gitignore = Files.readString(repo.resolve(".onex-store/.gitignore"));
    assertTrue(gitignore.contains("*.db"), gitignore);
    Files.writeString(repo.resolve(".onex-store/config.yaml"), "config_version: 1\n# mine\n");
    CliRun second = CliRun.in(repo, "init");
    assertEquals(0, second.exit(), second::toString);
    assertTrue(second.out().contains("already initialized"), second::toString);
    assertEquals("config_version: 1\n# mine\n", Files.readString(repo.resolve(".onex-store/config.yaml")), "init never overwrites");
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "cli", "java", "noop"})
  void new_createsNodeThatValidates(String type) {
    CliRun.in(repo, "init");
    CliRun created = CliRun.in(repo, "new", "my_node", "--type", type);
    assertEquals(0, created.exit(), created::toString);
    assertEquals(0, CliRun.in(repo, "tree").exit());
    CliRun v = CliRun.in(repo, "validate");
    assertEquals(0, v.exit(), v::toString);
    assertTrue(v.out().contains("1 node checked: 0 errors"), v::toString);
    CliRun t = CliRun.in(repo, "test", "--all");
    assertEquals(0, t.exit(), t::toString);
    assertTrue(t.out().contains("1 passed, 0 failed"), t::toString);
  }

  @Test
  void new_refusesExistingDirectoryAndBadName() {
    CliRun.in(repo, "new", "dup");
    CliRun again = CliRun.in(repo, "new", "dup");
    assertEquals(ExitCodes.ENVIRONMENT, again.exit(), again::toString);
    assertTrue(again.err().contains("ONEX-P002"), again::toString);
    CliRun bad = CliRun.in(repo, "new", "Bad-Name");
    assertEquals(ExitCodes.USAGE, bad.exit(), bad::toString);
    assertTrue(bad.err().contains("ONEX-P001"), bad::toString);
  }

  @Test
  void validate_oneByteChange_reportsMismatchWithFix() throws IOException {
    CliRun.in(repo, "init");
    CliRun.in(repo, "new", "greet");
    CliRun.in(repo, "tree");
    Path main = repo.resolve("greet/main.py");
    Files.writeString(main, Files.readString(main).replace("Hello", "Hellp"));
    CliRun v = CliRun.in(repo, "validate");
    assertEquals(ExitCodes.FINDINGS, v.exit(), v::toString);
    assertTrue(v.out().contains("ONEX-V030"), v::toString);
    assertTrue(v.out().contains("fix: if the change is intended, run: onex stamp greet"), v::toString);
    CliRun check = CliRun.in(repo, "stamp", "--check");
    assertEquals(ExitCodes.FINDINGS, check.exit(), check::toString);
    assertTrue(check.out().contains("greet/node.onex.yaml: mismatch"), check::toString);
    CliRun stamp = CliRun.in(repo, "stamp", "greet");
    assertEquals(0, stamp.exit(), stamp::toString);
    assertTrue(stamp.out().contains("stamped"), stamp::toString);
    assertEquals(0, CliRun.in(repo, "validate").exit());
    CliRun again = CliRun.in(repo, "stamp", "greet");
    assertTrue(again.out().contains("unchanged"), again::toString);
  }

  @Test
  void validate_json_hasStableShape() throws IOException {
    CliRun.in(repo, "init");
    CliRun.in(repo, "new", "greet");
    CliRun.in(repo, "tree");
    Path meta = repo.resolve("greet/node.onex.yaml");
    Files.writeString(meta, Files.readString(meta) + "lifecycel: active\n");
    CliRun v = CliRun.in(repo, "validate", "--format", "json");
    assertEquals(ExitCodes.FINDINGS, v.exit(), v::toString);
    JsonNode json = new ObjectMapper().readTree(v.out());
    assertEquals("onex.validate/1", json.get("format").asText());
    assertFalse(json.get("ok").asBoolean());
    JsonNode d = json.get("nodes").get(0).get("diagnostics").get(0);
    assertEquals("ONEX-S002", d.get("code").asText());
    assertEquals("lifecycel", d.get("field").asText());
    assertTrue(d.get("line").asInt() > 0);
    assertTrue(d.get("hint").asText().contains("lifecycle"), d::toString);
  }

  @Test
  void tree_checkFailsWhenNodeIsMissingFromIndex() {
    CliRun.in(repo, "init");
    CliRun.in(repo, "new", "one");
    assertEquals(0, CliRun.in(repo, "tree").exit());
    assertEquals(0, CliRun.in(repo, "tree", "--check").exit());
    CliRun.in(repo, "new", "two");
    CliRun check = CliRun.in(repo, "tree", "--check");
    assertEquals(ExitCodes.FINDINGS, check.exit(), check::toString);
    CliRun v = CliRun.in(repo, "validate");
    assertEquals(ExitCodes.FINDINGS, v.exit(), v::toString);
    assertTrue(v.out().contains("ONEX-T"), v::toString);
  }

  @Test
  void validate_missingPath_isEnvironmentError() {
    CliRun r = CliRun.in(repo, "validate", "does/not/exist");
    assertEquals(ExitCodes.ENVIRONMENT, r.exit(), r::toString);
    assertTrue(r.err().contains("ONEX-P007"), r::toString);
  }

  @Test
  void stamp_markdownFile_writesBlockThenUnchanged() throws IOException {
    CliRun.in(repo, "init");
    Path md = repo.resolve("guide.md");
    Files.writeString(md, "# Guide\n\nText.\n", StandardCharsets.UTF_8);
    CliRun first = CliRun.in(repo, "stamp", "guide.md");
    assertEquals(0, first.exit(), first::toString);
    String stamped = Files.readString(md);
    assertTrue(stamped.contains("OmniNode:Metadata"), stamped);
    assertTrue(stamped.endsWith("# Guide\n\nText.\n"), stamped);
    CliRun second = CliRun.in(repo, "stamp", "guide.md");
    assertTrue(second.out().contains("unchanged"), second::toString);
    assertEquals(stamped, Files.readString(md), "restamping an unchanged file is byte-identical");
    assertEquals(0, CliRun.in(repo, "stamp", "--check", "guide.md").exit());
  }

  @Test
  void validate_configTypo_isReportedWithLine() throws IOException {
    CliRun.in(repo, "init");
    Files.writeString(repo.resolve(".onex-store/config.yaml"), "config_version: 1\nconfg: x\n");
    CliRun r = CliRun.in(repo, "validate");
    assertEquals(ExitCodes.ENVIRONMENT, r.exit(), r::toString);
    assertTrue(r.err().contains(".onex-store/config.yaml:2:1: error ONEX-V070 [confg]"), r::toString);
  }

  @Test
  void generateCompletion_printsBashScriptWithCommands() {
    CliRun r = CliRun.in(repo, "generate-completion");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().startsWith("#!/usr/bin/env bash"), r::toString);
    assertTrue(r.out().contains("validate") && r.out().contains("stamp") && r.out().contains("demo"), r::toString);
  }
}
