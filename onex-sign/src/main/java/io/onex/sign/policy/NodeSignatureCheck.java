package io.onex.sign.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.hash.HashLock;
import io.onex.core.hash.NodeFiles;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlDocument;
import io.onex.core.yaml.YamlLimits;
import io.onex.sign.SignError;
import io.onex.sign.block.BlockReason;
import io.onex.sign.block.BlockResult;
import io.onex.sign.block.NodeSignatures;
import io.onex.sign.trust.Role;
import io.onex.sign.trust.TrustRoot;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The signature check of the validation pipeline, callable from the hooks: verifies a node's
 * signature_block against a role of the trust root, and applies the {@link SigningPolicy}.
 *
 * <p>A signature by a key the root has revoked never counts on a node ({@code ONEX-G038}): a
 * node's {@code signed_at} is the signer's own claim, so no checkpoint can be proven for it.
 */
public final class NodeSignatureCheck {
  private NodeSignatureCheck() {}

  /** The outcome for one node: empty problems when it verified (or need not be signed). */
  public record Outcome(Path nodeDir, Optional<BlockResult> result, List<Diagnostic> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * Verifies the node in {@code nodeDir} (working-tree bytes) against {@code root}'s
   * {@code role} keys, unconditionally.
   */
  public static Outcome verify(Path nodeDir, TrustRoot root, Role role) {
    Path yaml = nodeDir.resolve(NodeFiles.METADATA_FILE);
    try {
      YamlDocument doc = StrictYaml.loadMapping(yaml, yaml.toString(), YamlLimits.DEFAULT);
      String lock = HashLock.compute(doc.root(), NodeFiles.ofDirectory(nodeDir));
      return outcome(nodeDir, doc.root(), lock, root, role, yaml.toString());
    } catch (OnexException e) {
      return new Outcome(nodeDir, Optional.empty(), e.diagnostics());
    }
  }

  /**
   * Verifies a node given as its metadata tree and the hash lock computed from the content the
   * caller trusts (git objects at pre-commit).
   */
  public static Outcome verify(Path nodeDir, JsonNode metadata, String computedLock, TrustRoot root, Role role, String file) {
    try {
      return outcome(nodeDir, metadata, computedLock, root, role, file);
    } catch (OnexException e) {
      return new Outcome(nodeDir, Optional.empty(), e.diagnostics());
    }
  }

  /**
   * Applies {@code policy} at {@code stage}: a node whose lifecycle the policy names must verify
   * against the policy's role; other nodes pass without a check.
   */
  public static Outcome check(Path nodeDir, SigningPolicy policy, Stage stage, TrustRoot root) {
    Path yaml = nodeDir.resolve(NodeFiles.METADATA_FILE);
    try {
      YamlDocument doc = StrictYaml.loadMapping(yaml, yaml.toString(), YamlLimits.DEFAULT);
      JsonNode lc = doc.root().get("lifecycle");
      if (lc == null || !policy.requires(lc.asText(""), stage)) {
        return new Outcome(nodeDir, Optional.empty(), List.of());
      }
    } catch (OnexException e) {
      return new Outcome(nodeDir, Optional.empty(), e.diagnostics());
    }
    return verify(nodeDir, root, policy.role());
  }

  private static Outcome outcome(Path nodeDir, JsonNode metadata, String lock, TrustRoot root, Role role, String file) {
    BlockResult r = NodeSignatures.verify(metadata, lock, root.keysFor(role));
    if (r.ok()) {
      return new Outcome(nodeDir, Optional.of(r), List.of());
    }
    if (r.reason() == BlockReason.UNKNOWN_KEY || r.reason() == BlockReason.BAD_SIGNATURE) {
      BlockResult all = NodeSignatures.verify(metadata, lock, root.allKeysFor(role));
      if (all.ok()) {
        Diagnostic d = Diagnostic.error(SignError.KEY_REVOKED, file, 0, 0, "signature_block",
            "the node is signed by key " + all.keyId().orElseThrow().hex() + ", which trust root version "
                + root.version() + " revoked");
        return new Outcome(nodeDir, Optional.of(r), List.of(d));
      }
    }
    return new Outcome(nodeDir, Optional.of(r), List.of(r.toDiagnostic(file)));
  }
}
