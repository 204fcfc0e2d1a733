package io.onex.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.OnexException;
import io.onex.sign.key.KeyInfo;
import io.onex.sign.key.KeyStore;
import io.onex.sign.key.PublicKeyFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-17T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void generate_writesOwnerOnlyFiles(@TempDir Path tmp) throws Exception {
    KeyStore store = KeyStore.open(tmp.resolve("keys"));
    KeyInfo k = store.generate("alice", new SecureRandom(), CLOCK);
    Path priv = tmp.resolve("keys/" + k.id().hex() + ".key");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(priv)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("keys"))));
    assertEquals(k.id(), store.signingKey(k.id()).id());
  }

  @Test
  void signingKey_refusesGroupReadableFile(@TempDir Path tmp) throws Exception {
    KeyStore store = KeyStore.open(tmp.resolve("keys"));
    KeyInfo k = store.generate("alice", new SecureRandom(), CLOCK);
    Files.setPosixFilePermissions(tmp.resolve("keys/" + k.id().hex() + ".key"), PosixFilePermissions.fromString("rw-r-----"));
    OnexException e = assertThrows(OnexException.class, () -> store.signingKey(k.id()));
    assertEquals(SignError.PRIVATE_KEY_EXPOSED.id(), e.diagnostics().get(0).code());
  }

  @Test
  void open_refusesDirectoryInsideRepository(@TempDir Path tmp) {
    OnexException e = assertThrows(OnexException.class, () -> KeyStore.open(tmp.resolve("repo/keys"), tmp.resolve("repo")));
    assertEquals(SignError.KEY_STORE_IN_REPOSITORY.id(), e.diagnostics().get(0).code());
  }

  @Test
  void importPublicKey_checksTheStatedKeyId(@TempDir Path tmp) {
    KeyStore a = KeyStore.open(tmp.resolve("a"));
    KeyInfo k = a.generate("alice", new SecureRandom(), CLOCK);
    String json = a.exportPublicKey(k.id(), PublicKeyFormat.JSON);
    KeyStore b = KeyStore.open(tmp.resolve("b"));
    assertEquals(k.id(), b.importPublicKey(json.getBytes(StandardCharsets.UTF_8), "alice.pub").id());
    assertEquals(k.id(), b.importPublicKey(a.exportPublicKey(k.id(), PublicKeyFormat.PEM).getBytes(StandardCharsets.UTF_8), "alice.pem").id());
    String forged = json.replace(k.id().hex(), "0".repeat(64));
    OnexException e = assertThrows(OnexException.class, () -> b.importPublicKey(forged.getBytes(StandardCharsets.UTF_8), "forged.pub"));
    assertEquals(SignError.KEY_ID_MISMATCH.id(), e.diagnostics().get(0).code());
    assertTrue(b.list().stream().noneMatch(KeyInfo::hasPrivateKey));
  }
}
