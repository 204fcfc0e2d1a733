package io.onex.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.OnexException;
import io.onex.sign.policy.SigningPolicy;
import io.onex.sign.policy.Stage;
import io.onex.sign.trust.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningPolicyTest {
  @Test
  void load_readsRequireRoleAndStage(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("config.yaml");
    Files.writeString(f, "config_version: 1\nsigning:\n  require: [active, deprecated]\n  role: node-signer\n  enforce: pre-push\n");
    SigningPolicy p = SigningPolicy.load(f);
    assertEquals(Role.NODE_SIGNER, p.role());
    assertTrue(p.requires("active", Stage.PRE_PUSH));
    assertFalse(p.requires("active", Stage.PRE_COMMIT));
    assertFalse(p.requires("draft", Stage.PRE_PUSH));
  }

  @Test
  void load_withoutSigningKey_requiresNothing(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("config.yaml");
    Files.writeString(f, "config_version: 1\n");
    assertEquals(SigningPolicy.NONE, SigningPolicy.load(f));
  }

  @Test
  void load_rejectsUnknownLifecycle(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("config.yaml");
    Files.writeString(f, "config_version: 1\nsigning:\n  require: [activ]\n");
    OnexException e = assertThrows(OnexException.class, () -> SigningPolicy.load(f));
    assertEquals(SignError.POLICY_INVALID.id(), e.diagnostics().get(0).code());
    assertEquals(3, e.diagnostics().get(0).line());
  }
}
