package io.onex.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.onex.core.diag.OnexException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

  @Test
  void hex_matchesFips180Vectors() {
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        Sha256.hex(new byte[0]));
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        Sha256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            .getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void hex_streamAndFileAgreeWithBytesAcrossBufferBoundaries(@TempDir Path dir) throws IOException {
    byte[] data = new byte[3 * 64 * 1024 + 17];
    new Random(7).nextBytes(data);
    Path file = dir.resolve("big.bin");
    Files.write(file, data);

    String expected = Sha256.hex(data);

    assertEquals(expected, Sha256.hex(new ByteArrayInputStream(data)));
    assertEquals(expected, Sha256.hex(file));
  }

  @Test
  void hex_missingFileIsDiagnostic(@TempDir Path dir) {
    OnexException e = assertThrows(OnexException.class, () -> Sha256.hex(dir.resolve("absent")));
    assertEquals("ONEX-H011", e.diagnostics().get(0).code());
  }

  @Test
  void toHex_isLowercaseAndZeroPadded() {
    assertEquals("000fa0ff", Sha256.toHex(new byte[] {0, 15, (byte) 0xA0, (byte) 0xFF}));
  }
}
