package io.onex.exec.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SandboxSpecTest {
  private static final SandboxSpec SPEC = SandboxSpec.of(List.of("/bin/true"), null);

  private static Diagnostic invalid(Executable call) {
    OnexException e = assertThrows(OnexException.class, call);
    Diagnostic d = e.diagnostics().get(0);
    assertEquals("ONEX-E012", d.code());
    return d;
  }

  @Test
  void of_appliesDefaults() {
    assertEquals(SandboxSpec.DEFAULT_TIMEOUT, SPEC.timeout());
    assertEquals(16 * 1024 * 1024, SPEC.stdoutLimit());
    assertEquals(1024 * 1024, SPEC.stderrLimit());
    assertEquals(java.util.Set.of("PATH", "LANG", "LC_ALL", "TZ"), SPEC.environmentAllowlist());
    assertTrue(SPEC.parentEnvironment().isEmpty());
    assertEquals(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize(),
        SPEC.tempBase());
    assertEquals(0, SPEC.stdin().length);
  }

  @Test
  void withTimeout_nullMeansDefault() {
    assertEquals(Duration.ofSeconds(3), SPEC.withTimeout(Duration.ofSeconds(3)).timeout());
    assertEquals(SandboxSpec.DEFAULT_TIMEOUT, SPEC.withTimeout(Duration.ofSeconds(3))
        .withTimeout(null).timeout());
  }

  @Test
  void stdin_isCopiedInAndOut() {
    byte[] in = {1, 2, 3};
    SandboxSpec spec = SPEC.withStdin(in);
    in[0] = 9;
    spec.stdin()[1] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, spec.stdin());
  }

  @Test
  void new_rejectsEmptyCommand() {
    assertEquals("command", invalid(() -> SandboxSpec.of(List.of(), null)).field());
    invalid(() -> SandboxSpec.of(List.of(""), null));
    invalid(() -> SandboxSpec.of(Arrays.asList("/bin/echo", null), null));
    invalid(() -> SandboxSpec.of(List.of("/bin/echo", "a\0b"), null));
  }

  @Test
  void new_rejectsNonPositiveTimeout() {
    assertEquals("timeout", invalid(() -> SPEC.withTimeout(Duration.ZERO)).field());
    invalid(() -> SPEC.withTimeout(Duration.ofSeconds(-1)));
  }

  @Test
  void new_rejectsNegativeLimits() {
    invalid(() -> SPEC.withLimits(-1, 10));
    invalid(() -> SPEC.withLimits(10, -1));
    assertEquals(0, SPEC.withLimits(0, 0).stdoutLimit());
  }

  @Test
  void new_rejectsBadVariableNamesAndValues() {
    invalid(() -> SPEC.withEnvironment(Map.of("A=B", "x")));
    invalid(() -> SPEC.withEnvironment(Map.of("", "x")));
    invalid(() -> SPEC.withEnvironment(Map.of("A", "x\0y")));
    invalid(() -> SPEC.withAllowlist(List.of("BAD=")));
  }

  @Test
  void new_rejectsReservedVariables() {
    Diagnostic d = invalid(() -> SPEC.withEnvironment(Map.of("HOME", "/root")));
    assertTrue(d.message().contains("HOME"), d.message());
    invalid(() -> SPEC.withEnvironment(Map.of("TMPDIR", "/tmp")));
    invalid(() -> SPEC.withEnvironment(Map.of("ONEX_SANDBOX_ID", "x")));
    invalid(() -> SPEC.withAllowlist(List.of("HOME")));
  }

  @Test
  void toString_neverShowsEnvironmentValues() {
    String s = SPEC.withParentEnvironment(Map.of("SECRET_TOKEN", "s3cr3t"))
        .withEnvironment(Map.of("API_KEY", "k3y")).toString();
    assertFalse(s.contains("s3cr3t"), s);
    assertFalse(s.contains("k3y"), s);
    assertTrue(s.contains("API_KEY"), s);
  }
}
