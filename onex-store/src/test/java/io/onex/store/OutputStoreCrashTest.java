package io.onex.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM writes large outputs in a loop and prints each hash after {@code put} returned;
 * the test SIGKILLs it at random moments. Afterwards every acknowledged output is intact, every
 * {@code <h>.json} present hashes to its name (never a wrong output), and only {@code .tmp}
 * files may be left over, which {@code removeTemps} deletes.
 */
class OutputStoreCrashTest {
  @TempDir Path tmp;

  /** The child: {@code <outputs dir> <seed>}; writes ~1 MiB outputs until killed. */
  public static void main(String[] args) {
    OutputStore s = new OutputStore(Path.of(args[0]), OutputStore.MAX_BYTES);
    Random rnd = new Random(Long.parseLong(args[1]));
    for (int i = 0; ; i++) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("i", i);
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < 1 << 16; j++) {
        sb.append(Long.toHexString(rnd.nextLong()));
      }
      o.put("blob", sb.toString());
      System.out.println("ok " + s.put(o));
      System.out.flush();
    }
  }

  @Test
  void kill_atRandomMoments_neverLeavesAWrongOutput() throws Exception {
    Random rnd = new Random(20261123L);
    Path root = tmp.resolve("outputs");
    OutputStore store = new OutputStore(root, OutputStore.MAX_BYTES);
    Set<String> acknowledged = new HashSet<>();
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (int k = 0; k < 8; k++) {
      Process p = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
          System.getProperty("java.class.path"), OutputStoreCrashTest.class.getName(), root.toString(), Long.toString(k))
          .redirectError(tmp.resolve("child.err").toFile()).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      int wait = 1 + rnd.nextInt(4);
      for (int i = 0; i < wait; i++) {
        String line = out.readLine();
        assertTrue(line != null && line.startsWith("ok "), () -> "child: " + line + " " + stderr());
        acknowledged.add(line.substring(3));
      }
      p.toHandle().destroyForcibly();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      for (String l; (l = out.readLine()) != null; ) {
        if (l.startsWith("ok ")) {
          acknowledged.add(l.substring(3));
        }
      }
      for (String h : acknowledged) {
        assertTrue(store.get(h).hit(), "acknowledged output " + h + " is not intact");
      }
      for (OutputStore.Entry e : store.list()) {
        assertTrue(store.get(e.hash()).hit(), "a present output does not verify: " + e.file());
      }
      try (Stream<Path> all = Files.walk(root)) {
        for (Path f : all.filter(Files::isRegularFile).toList()) {
          String n = f.getFileName().toString();
          assertTrue(n.endsWith(".json") || n.endsWith(".tmp"), f.toString());
        }
      }
    }
    store.removeTemps();
    try (Stream<Path> all = Files.walk(root)) {
      List<Path> left = all.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
      assertEquals(List.of(), left);
    }
    assertTrue(acknowledged.size() >= 8);
  }

  private String stderr() {
    try {
      return Files.readString(tmp.resolve("child.err"));
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
