package io.onex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docs/cli.md is generated from the picocli definitions. This test regenerates it and fails
 * when the committed file is stale; {@code mvn -pl onex-cli test -Donex.updateDocs=true
 * -Dtest=CliReferenceTest} rewrites it.
 */
class CliReferenceTest {

  static String render() {
    CommandLine root = Main.commandLine(Map.of());
    root.setUsageHelpWidth(100);
    StringBuilder sb = new StringBuilder();
    sb.append("# onex CLI reference\n\n");
    sb.append("Generated from the picocli definitions by `CliReferenceTest`; do not edit by hand.\n");
    append(sb, root, "onex");
    return sb.toString();
  }

  private static void append(StringBuilder sb, CommandLine cmd, String name) {
    sb.append("\n## ").append(name).append("\n\n```\n");
    cmd.setUsageHelpWidth(100);
    sb.append(cmd.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing()).append("\n```\n");
    cmd.getSubcommands().forEach((sub, c) -> {
      if (!sub.equals("help")) {
        append(sb, c, name + " " + sub);
      }
    });
  }

  @Test
  void reference_isCurrent() throws IOException {
    Path doc = Paths.get(System.getProperty("onex.root.dir", "..")).resolve("docs/cli.md");
    String fresh = render();
    if (Boolean.getBoolean("onex.updateDocs")) {
      Files.writeString(doc, fresh, StandardCharsets.UTF_8);
    }
    String committed = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
    assertEquals(fresh, committed,
        "docs/cli.md is stale: run mvn -pl onex-cli -am test -Donex.updateDocs=true -Dtest=CliReferenceTest -Dsurefire.failIfNoSpecifiedTests=false");
  }
}
