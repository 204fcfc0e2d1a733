package io.onex.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.hash.HashLock;
import io.onex.core.hash.NodeFiles;
import io.onex.core.model.SignatureBlock;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlLimits;
import io.onex.sign.block.BlockReason;
import io.onex.sign.block.NodeSignatures;
import io.onex.sign.block.SignatureBlockWriter;
import io.onex.sign.key.SigningKey;
import io.onex.sign.key.TrustedKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeSignaturesTest {
  private static final SigningKey KEY = SigningKey.fromSeed(new byte[32]);
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-17T10:00:00Z"), ZoneOffset.UTC);
  private static final String LOCK = "ab".repeat(32);

  @Test
  void render_replacesOnlyTheBlockAndKeepsCrlfAndComments() {
    SignatureBlock b = NodeSignatures.sign(LOCK, KEY, "Alice \"A\" <a@x>", CLOCK);
    String text = "name: x\r\nsignature_block:\r\n  algorithm: old\r\n\r\n# trailing comment\r\nversion: \"1\"\r\n";
    String out = SignatureBlockWriter.render(text, b, "n.yaml");
    assertTrue(out.startsWith("name: x\r\nsignature_block:\r\n  algorithm: \"ed25519\"\r\n"), out);
    assertTrue(out.endsWith("\r\n\r\n# trailing comment\r\nversion: \"1\"\r\n"), out);
    var tree = StrictYaml.parseMapping(out.getBytes(StandardCharsets.UTF_8), "n", YamlLimits.DEFAULT).root();
    assertEquals("Alice \"A\" <a@x>", tree.get("signature_block").get("signer").asText());
    String appended = SignatureBlockWriter.render("name: x", b, "n.yaml");
    assertTrue(appended.startsWith("name: x\nsignature_block:\n"), appended);
  }

  @Test
  void signDirectory_keepsHashLockAndVerifies(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("main.py"), "print(1)\n");
    Files.writeString(dir.resolve("node.onex.yaml"), "name: x\nhash: \"" + "0".repeat(64) + "\"\n");
    var tree = StrictYaml.loadMapping(dir.resolve("node.onex.yaml"), "n", YamlLimits.DEFAULT).root();
    String lock = HashLock.compute(tree, NodeFiles.ofDirectory(dir));
    Files.writeString(dir.resolve("node.onex.yaml"), "name: x\nhash: \"" + lock + "\"\n");
    NodeSignatures.signDirectory(dir, KEY, "Alice", CLOCK);
    var signed = StrictYaml.loadMapping(dir.resolve("node.onex.yaml"), "n", YamlLimits.DEFAULT).root();
    assertEquals(lock, HashLock.compute(signed, NodeFiles.ofDirectory(dir)), "the block is outside the hash lock");
    assertEquals(BlockReason.OK, NodeSignatures.verifyDirectory(dir, TrustedKeys.of(KEY.publicKey())).reason());
    SigningKey other = SigningKey.fromSeed(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
        21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
    assertEquals(BlockReason.OK, NodeSignatures.verifyDirectory(dir, TrustedKeys.of(other.publicKey(), KEY.publicKey())).reason(),
        "still verifies with an extra trusted key");
    assertEquals(BlockReason.UNKNOWN_KEY, NodeSignatures.verifyDirectory(dir, TrustedKeys.of(other.publicKey())).reason());
  }
}
