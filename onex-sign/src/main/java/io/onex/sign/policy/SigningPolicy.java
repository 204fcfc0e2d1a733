package io.onex.sign.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.yaml.SourceLocation;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlDocument;
import io.onex.core.yaml.YamlLimits;
import io.onex.sign.SignError;
import io.onex.sign.trust.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The signing policy: the {@code signing} key of {@code .onex-store/config.yaml}
 * ({@code docs/formats/signing.md}). Which lifecycles must be signed, by which trust-root role,
 * and from which stage on it is enforced ({@code pre-commit} enforces at pre-commit and
 * pre-push; {@code pre-push} only at pre-push and in CI). Without the key nothing must be
 * signed. Immutable.
 *
 * @param require lifecycles whose nodes must carry a valid signature_block
 * @param role the role whose keys must have signed
 * @param enforce the first stage that enforces the policy
 */
public record SigningPolicy(Set<String> require, Role role, Stage enforce) {
  /** Nothing must be signed. */
  public static final SigningPolicy NONE = new SigningPolicy(Set.of(), Role.NODE_SIGNER, Stage.PRE_PUSH);

  private static final Set<String> LIFECYCLES = Set.of("draft", "review", "active", "deprecated", "archived");

  public SigningPolicy {
    require = Set.copyOf(new TreeSet<>(require));
  }

  /** Whether a node of {@code lifecycle} must be signed at {@code stage}. */
  public boolean requires(String lifecycle, Stage stage) {
    return require.contains(lifecycle) && enforcedAt(stage);
  }

  /** Whether the policy is enforced at {@code stage}. */
  public boolean enforcedAt(Stage stage) {
    return enforce == Stage.PRE_COMMIT || stage == Stage.PRE_PUSH;
  }

  /**
   * The policy of the configuration file {@code configFile} ({@link #NONE} if the file or its
   * {@code signing} key is absent).
   *
   * @throws OnexException {@code ONEX-G060} for an invalid {@code signing} value, YAML codes
   */
  public static SigningPolicy load(Path configFile) {
    if (!Files.isRegularFile(configFile)) {
      return NONE;
    }
    return of(StrictYaml.loadMapping(configFile, configFile.toString(), YamlLimits.DEFAULT));
  }

  /**
   * The policy of configuration bytes (for example the staged blob of
   * {@code .onex-store/config.yaml}); {@code file} names them in messages.
   *
   * @throws OnexException {@code ONEX-G060} for an invalid {@code signing} value, YAML codes
   */
  public static SigningPolicy parse(byte[] configBytes, String file) {
    return of(StrictYaml.parseMapping(configBytes, file, YamlLimits.DEFAULT));
  }

  private static SigningPolicy of(YamlDocument doc) {
    JsonNode s = doc.root().get("signing");
    if (s == null || s.isNull()) {
      return NONE;
    }
    if (!s.isObject()) {
      throw bad(doc, "/signing", "signing must be a mapping");
    }
    for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!Set.of("require", "role", "enforce").contains(k)) {
        throw bad(doc, "/signing/" + k, "unknown key '" + k + "' under signing (allowed: require, role, enforce)");
      }
    }
    Set<String> require = new TreeSet<>();
    JsonNode r = s.get("require");
    if (r != null) {
      if (!r.isArray()) {
        throw bad(doc, "/signing/require", "require must be a list of lifecycles");
      }
      for (int i = 0; i < r.size(); i++) {
        if (!r.get(i).isTextual() || !LIFECYCLES.contains(r.get(i).textValue())) {
          throw bad(doc, "/signing/require/" + i, "not a lifecycle: " + r.get(i) + " (draft|review|active|deprecated|archived)");
        }
        require.add(r.get(i).textValue());
      }
    }
    Role role = Role.NODE_SIGNER;
    if (s.has("role")) {
      role = Role.of(s.get("role").asText("")).filter(x -> s.get("role").isTextual())
          .orElseThrow(() -> bad(doc, "/signing/role", "role must be root, release or node-signer"));
    }
    Stage enforce = Stage.PRE_PUSH;
    if (s.has("enforce")) {
      String e = s.get("enforce").asText("");
      enforce = List.of(Stage.values()).stream().filter(x -> x.id().equals(e) && s.get("enforce").isTextual()).findFirst()
          .orElseThrow(() -> bad(doc, "/signing/enforce", "enforce must be pre-commit or pre-push"));
    }
    return new SigningPolicy(require, role, enforce);
  }

  private static OnexException bad(YamlDocument doc, String pointer, String message) {
    SourceLocation loc = doc.locationOf(pointer);
    return new OnexException(Diagnostic.error(SignError.POLICY_INVALID, doc.file(), loc.line(), loc.column(),
        pointer.substring(1).replace('/', '.'), message));
  }
}
