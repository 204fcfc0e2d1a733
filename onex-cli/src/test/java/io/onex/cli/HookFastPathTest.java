package io.onex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hook scripts' exact calls skip picocli; every other form keeps going through it. */
class HookFastPathTest {
  @Test
  void applies_onlyToTheScriptsExactCalls() {
    assertTrue(HookFastPath.applies(new String[] {"hook", "pre-commit"}));
    assertTrue(HookFastPath.applies(new String[] {"hook", "post-commit"}));
    assertTrue(HookFastPath.applies(new String[] {"hook", "pre-push", "origin", "/tmp/remote.git"}));
    assertTrue(HookFastPath.applies(new String[] {"hook", "run-pending"}));
    assertFalse(HookFastPath.applies(new String[] {"hook", "pre-commit", "--format", "json"}));
    assertFalse(HookFastPath.applies(new String[] {"hook", "pre-push", "--help"}));
    assertFalse(HookFastPath.applies(new String[] {"hook", "pre-commit", "extra"}));
    assertFalse(HookFastPath.applies(new String[] {"hook", "unknown"}));
    assertFalse(HookFastPath.applies(new String[] {"hooks", "install"}));
    assertFalse(HookFastPath.applies(new String[] {"hook"}));
  }

  @Test
  void run_outsideARepositoryReportsLikePicocliWithItsExitCode(@TempDir Path dir) {
    CliRun fast = CliRun.in(dir, "hook", "pre-commit");
    CliRun slow = CliRun.in(dir, "hook", "pre-commit", "--format", "text");
    assertEquals(slow.exit(), fast.exit(), fast + "\n" + slow);
    assertEquals(slow.err(), fast.err());
    assertEquals(ExitCodes.ENVIRONMENT, fast.exit(), fast.toString());
    assertTrue(fast.err().contains("ONEX-J001"), fast.toString());
  }
}
