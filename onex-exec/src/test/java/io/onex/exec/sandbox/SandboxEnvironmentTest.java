package io.onex.exec.sandbox;

import static io.onex.exec.sandbox.SandboxTesting.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.exec.sandbox.SandboxResult.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment a node sees: exactly allowlist + declared + the sandbox's own variables. */
class SandboxEnvironmentTest {
  private static final Map<String, String> PARENT = Map.of(
      "PATH", SandboxTesting.PATH,
      "LANG", "C.UTF-8",
      "SECRET_TOKEN", "s3cr3t-value",
      "AWS_SECRET_ACCESS_KEY", "aws-secret",
      "HOME", "/root-of-the-caller");

  @TempDir Path base;

  private Map<String, String> environmentSeenBy(SandboxSpec spec) {
    SandboxResult r = run(spec);
    assertEquals(Status.OK, r.status(), r.toString());
    assertFalse(r.stdoutText().contains("s3cr3t-value"), r.stdoutText());
    Map<String, String> env = new TreeMap<>();
    for (String line : r.stdoutText().split("\n")) {
      int eq = line.indexOf('=');
      env.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return env;
  }

  private SandboxSpec env() {
    return SandboxSpec.of(List.of("/usr/bin/env"), null).withTempBase(base)
        .withParentEnvironment(PARENT);
  }

  @Test
  void run_passesOnlyAllowlistedDeclaredAndSandboxVariables() {
    Map<String, String> env = environmentSeenBy(env().withEnvironment(Map.of("GREETING", "hi")));
    assertEquals(Set.of("PATH", "LANG", "GREETING", "HOME", "TMPDIR", "ONEX_SANDBOX_ID"),
        env.keySet());
    assertEquals(SandboxTesting.PATH, env.get("PATH"));
    assertEquals("hi", env.get("GREETING"));
    assertFalse(env.containsKey("SECRET_TOKEN"));
  }

  @Test
  void run_homeAndTmpdirLieInsideTheSandbox() {
    Map<String, String> env = environmentSeenBy(env());
    assertTrue(env.get("HOME").startsWith(base + "/onex-sandbox-"), env.get("HOME"));
    assertTrue(env.get("HOME").endsWith("/home"), env.get("HOME"));
    assertTrue(env.get("TMPDIR").startsWith(base + "/onex-sandbox-"), env.get("TMPDIR"));
    assertTrue(env.get("TMPDIR").endsWith("/tmp"), env.get("TMPDIR"));
  }

  @Test
  void run_declaredVariableWinsOverAllowlisted() {
    Map<String, String> env = environmentSeenBy(env().withEnvironment(Map.of("LANG", "fr_FR")));
    assertEquals("fr_FR", env.get("LANG"));
  }

  @Test
  void run_customAllowlistReplacesTheDefault() {
    Map<String, String> env = environmentSeenBy(env().withAllowlist(List.of("SECRET_TOKEN_NOT",
        "LANG")));
    assertEquals(Set.of("LANG", "HOME", "TMPDIR", "ONEX_SANDBOX_ID"), env.keySet());
  }

  @Test
  void run_eachRunHasItsOwnMarker() {
    String first = environmentSeenBy(env()).get("ONEX_SANDBOX_ID");
    String second = environmentSeenBy(env()).get("ONEX_SANDBOX_ID");
    assertFalse(first.isEmpty());
    assertFalse(first.equals(second), first);
  }
}
