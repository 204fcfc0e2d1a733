package io.onex.core.yaml;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Deterministic mutation test: whatever the bytes, the loader returns a document or throws an
 * {@link OnexException} with one ONEX-Y diagnostic that has a hint; never another exception.
 */
class StrictYamlRobustnessTest {
  private static final byte[] NOISE =
      ":-?[]{},#&*!|>'\"%@`\t\r\n ~<=0.e\u00e9".getBytes(StandardCharsets.UTF_8);

  @Test
  void parse_neverThrowsRawExceptionOnMutatedInput() throws IOException {
    List<byte[]> seeds = seeds();
    Random random = new Random(20261122L);
    int loaded = 0;
    int rejected = 0;
    for (int i = 0; i < 3000; i++) {
      byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
      try {
        StrictYaml.parse(input, "fuzz.yaml", YamlLimits.DEFAULT);
        loaded++;
      } catch (OnexException e) {
        Diagnostic d = e.diagnostics().get(0);
        assertTrue(d.code().startsWith("ONEX-Y"), d.format());
        assertFalse(d.hint().isBlank(), d.format());
        assertFalse(d.message().startsWith("the YAML parser failed"), d.format());
        rejected++;
      } catch (RuntimeException | StackOverflowError e) {
        fail("raw " + e + " for input: " + new String(input, StandardCharsets.UTF_8), e);
      }
    }
    assertTrue(loaded > 100 && rejected > 100, "loaded " + loaded + ", rejected " + rejected);
  }

  private static List<byte[]> seeds() throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(Paths.get("src/test/resources/vectors/yaml"))) {
      for (Path dir : dirs.sorted().collect(Collectors.toList())) {
        byte[] input = Files.readAllBytes(dir.resolve("input.yaml"));
        if (input.length > 0) {
          seeds.add(input);
        }
      }
    }
    return seeds;
  }

  private static byte[] mutate(byte[] seed, Random random) {
    byte[] out = seed.clone();
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && out.length > 0; e++) {
      int at = random.nextInt(out.length);
      switch (random.nextInt(4)) {
        case 0:
          out[at] = NOISE[random.nextInt(NOISE.length)];
          break;
        case 1:
          out = java.util.Arrays.copyOf(out, at); // truncate
          break;
        case 2:
          out = insert(out, at, NOISE[random.nextInt(NOISE.length)]);
          break;
        default:
          out[at] = (byte) random.nextInt(256);
          break;
      }
    }
    return out;
  }

  private static byte[] insert(byte[] in, int at, byte b) {
    byte[] out = new byte[in.length + 1];
    System.arraycopy(in, 0, out, 0, at);
    out[at] = b;
    System.arraycopy(in, at, out, at + 1, in.length - at);
    return out;
  }
}
