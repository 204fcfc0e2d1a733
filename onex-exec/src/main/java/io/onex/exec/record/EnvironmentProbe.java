package io.onex.exec.record;

import io.onex.core.record.ExecutionRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The environment fingerprint of a record: OS, architecture, JDK, and the version of each
 * interpreter a node used. Interpreter versions are probed once per process and command
 * ({@code python3 --version}) and cached.
 */
public final class EnvironmentProbe {
  private static final Map<String, String> VERSIONS = new ConcurrentHashMap<>();

  private EnvironmentProbe() {}

  public static ExecutionRecord.Environment of(Map<String, String> interpreters) {
    return new ExecutionRecord.Environment(
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("os.arch"),
        System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
        interpreters);
  }

  /** {@code python3 --version} and the like, trimmed; "unknown" when it cannot be run. */
  public static String version(String command) {
    return VERSIONS.computeIfAbsent(command, EnvironmentProbe::probe);
  }

  private static String probe(String command) {
    try {
      Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readNBytes(200);
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "unknown";
      }
      String s = new String(out, StandardCharsets.UTF_8).strip();
      return s.isEmpty() ? "unknown" : s;
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
