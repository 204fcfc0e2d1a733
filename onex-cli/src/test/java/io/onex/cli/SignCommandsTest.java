package io.onex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.onex.core.hash.HashLock;
import io.onex.core.hash.NodeFiles;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlLimits;
import io.onex.git.GitWorkspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keys, trust init, sign, verify, release and verify --release through the CLI, in a real repository. */
class SignCommandsTest {
  private static final String YAML = "schema_version: \"1.0.0\"\nname: a\nversion: \"1.0.0\"\n"
      + "uuid: \"3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f\"\nlifecycle: active\nhash: \"%s\"\n";

  private static void stampedNode(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("main.py"), "print('a')\n");
    Files.writeString(dir.resolve("node.onex.yaml"), String.format(YAML, "0".repeat(64)));
    var tree = StrictYaml.loadMapping(dir.resolve("node.onex.yaml"), "n", YamlLimits.DEFAULT).root();
    Files.writeString(dir.resolve("node.onex.yaml"), String.format(YAML, HashLock.compute(tree, NodeFiles.ofDirectory(dir))));
  }

  private static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), text);
    return m.group(1);
  }

  @Test
  void signingWorkflow_signsVerifiesAndReleases(@TempDir Path tmp) throws IOException {
    Path repo = tmp.resolve("repo");
    Map<String, String> env = Map.of("ONEX_KEY_DIR", tmp.resolve("keys").toString());
    try (GitWorkspace ws = GitWorkspace.init(repo, "T", "t@onex.invalid", Clock.fixed(Instant.parse("2025-05-17T10:00:00Z"), ZoneOffset.UTC))) {
      stampedNode(repo.resolve("nodes/a"));
      CliRun gen = CliRun.in(repo, env, "keys", "generate", "--label", "ci");
      assertEquals(0, gen.exit(), gen.toString());
      String id = group(gen.out(), "^([0-9a-f]{64})");
      assertTrue(CliRun.in(repo, env, "keys", "list").out().contains(id));
      assertTrue(CliRun.in(repo, env, "keys", "export", id.substring(0, 12), "--pem").out().startsWith("-----BEGIN PUBLIC KEY-----"));
      CliRun init = CliRun.in(repo, env, "trust", "init", "--registry", "demo");
      assertEquals(0, init.exit(), init.toString());
      String pin = group(init.out(), "root-sha256: ([0-9a-f]{64})");
      assertEquals(0, CliRun.in(repo, env, "sign", "nodes/a").exit());
      CliRun ok = CliRun.in(repo, env, "verify", "nodes/a");
      assertEquals(0, ok.exit(), ok.toString());
      assertTrue(ok.out().contains("signed by key " + id), ok.toString());

      Files.writeString(repo.resolve("nodes/a/main.py"), "print('changed')\n");
      CliRun bad = CliRun.in(repo, env, "verify", "nodes/a", "--root-sha256", pin);
      assertEquals(1, bad.exit(), bad.toString());
      assertTrue(bad.out().contains("reason: ONEX-G053") && bad.out().contains("fix:"), bad.toString());
      Files.writeString(repo.resolve("nodes/a/main.py"), "print('a')\n");

      ws.commitAll("signed node and trust root");
      CliRun rel = CliRun.in(repo, env, "release", "--message", "first");
      assertEquals(0, rel.exit(), rel.toString());
      assertTrue(rel.out().startsWith("release 1: 1 nodes"), rel.toString());
      CliRun vr = CliRun.in(repo, env, "verify", "--release", "--format", "json");
      assertEquals(0, vr.exit(), vr.toString());
      JsonNode json = new ObjectMapper().readTree(vr.out());
      assertEquals("onex.verify/1", json.get("format").asText());
      try (InputStream in = Main.class.getResourceAsStream("cli-output.schema.json")) {
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(new ObjectMapper().readTree(in));
        assertTrue(schema.validate(json).isEmpty(), schema.validate(json).toString());
      }
      CliRun wrongPin = CliRun.in(repo, env, "verify", "--release", "--root-sha256", "0".repeat(64));
      assertEquals(1, wrongPin.exit());
      assertTrue(wrongPin.out().contains("ONEX-G070"), wrongPin.toString());

      String id2 = group(CliRun.in(repo, env, "keys", "generate", "--label", "new").out(), "^([0-9a-f]{64})");
      CliRun onlyNew = CliRun.in(repo, env, "trust", "rotate", "--root-key", id2, "--sign-with", id2);
      assertEquals(1, onlyNew.exit(), onlyNew.toString());
      assertTrue(onlyNew.out().contains("ONEX-G075"), onlyNew.toString());
      assertTrue(Files.notExists(repo.resolve(".onex-store/trust/root-2.json")), "a refused rotation leaves no file");
      CliRun rotate = CliRun.in(repo, env, "trust", "rotate", "--root-key", id2, "--release-key", id2, "--revoke", id,
          "--checkpoint", "1", "--sign-with", id, "--sign-with", id2);
      assertEquals(0, rotate.exit(), rotate.toString());
      assertTrue(CliRun.in(repo, env, "trust", "verify").out().contains("trust root version 2"));
      CliRun stillOk = CliRun.in(repo, env, "verify", "--release", "1");
      assertEquals(0, stillOk.exit(), "release 1 is within the revoked key's checkpoint: " + stillOk);
      ws.commitAll("root v2");
      CliRun revoked = CliRun.in(repo, env, "release", "--key", id);
      assertEquals(1, revoked.exit(), revoked.toString());
      assertTrue(revoked.err().contains("ONEX-G038"), revoked.toString());
      CliRun second = CliRun.in(repo, env, "release", "--key", id2);
      assertEquals(0, second.exit(), second.toString());
      assertEquals(0, CliRun.in(repo, env, "verify", "--release").exit());
    }
  }

  @Test
  void validate_reportsMissingSignatureWherePolicyRequiresIt(@TempDir Path tmp) throws IOException {
    Path repo = tmp.resolve("repo");
    Map<String, String> env = Map.of("ONEX_KEY_DIR", tmp.resolve("keys").toString());
    try (GitWorkspace ws = GitWorkspace.init(repo, "T", "t@onex.invalid", Clock.fixed(Instant.parse("2025-05-17T10:00:00Z"), ZoneOffset.UTC))) {
      assertEquals(0, CliRun.in(repo, env, "init").exit());
      assertEquals(0, CliRun.in(repo, env, "new", "greeter").exit());
      Path meta;
      try (var s = Files.walk(repo)) {
        meta = s.filter(p -> p.getFileName().toString().equals("node.onex.yaml")).findFirst().orElseThrow();
      }
      Files.writeString(meta, Files.readString(meta).replaceAll("lifecycle: \\S+", "lifecycle: active"));
      assertEquals(0, CliRun.in(repo, env, "stamp").exit());
      assertEquals(0, CliRun.in(repo, env, "tree").exit());
      CliRun plain = CliRun.in(repo, env, "validate");
      assertEquals(0, plain.exit(), "no policy, no signature needed: " + plain);
      Path config = repo.resolve(".onex-store/config.yaml");
      Files.writeString(config, Files.readString(config) + "signing:\n  require: [active]\n  enforce: pre-push\n");
      assertEquals(0, CliRun.in(repo, env, "keys", "generate").exit());
      assertEquals(0, CliRun.in(repo, env, "trust", "init", "--registry", "demo").exit());
      CliRun unsigned = CliRun.in(repo, env, "validate");
      assertEquals(1, unsigned.exit(), unsigned.toString());
      assertTrue(unsigned.out().contains("ONEX-G050") && unsigned.out().contains("onex sign"), unsigned.toString());
      assertEquals(0, CliRun.in(repo, env, "sign", repo.relativize(meta.getParent()).toString()).exit());
      CliRun signed = CliRun.in(repo, env, "validate");
      assertEquals(0, signed.exit(), signed.toString());
    }
  }
}
