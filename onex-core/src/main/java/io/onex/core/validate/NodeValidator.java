package io.onex.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.hash.HashLock;
import io.onex.core.hash.NodeFiles;
import io.onex.core.model.Entrypoint;
import io.onex.core.model.NodeMetadata;
import io.onex.core.model.NodeMetadataReader;
import io.onex.core.project.ProjectLayout;
import io.onex.core.schema.SchemaId;
import io.onex.core.schema.SchemaValidator;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlDocument;
import io.onex.core.yaml.YamlLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validates one node: strict YAML, then the bundled JSON Schema, then the rules the schema
 * cannot express (uuid v4, URIs, state contract, entrypoint safety, structure), then the hash
 * lock over metadata and files. Every problem of the file is reported, not only the first: a
 * step is skipped only when what it needs is missing (no tree at all after a YAML error).
 */
public final class NodeValidator {
  private static final Pattern SEMVER3 = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  private final ProjectLayout layout;

  public NodeValidator(ProjectLayout layout) {
    this.layout = layout;
  }

  /** Validates the node whose directory or {@code node.onex.yaml} is {@code path}. */
  public NodeReport validate(Path path) {
    Path file = Files.isDirectory(path) ? path.resolve(NodeMetadata.FILE_NAME) : path;
    String display = layout.relativize(file);
    if (!Files.isRegularFile(file)) {
      Diagnostic d = Diagnostic.error(ValidationError.METADATA_NOT_FOUND, display, 0, 0, "",
          "no " + NodeMetadata.FILE_NAME + " at " + display);
      return new NodeReport(file, display, List.of(d), Optional.empty(), Optional.empty());
    }
    YamlDocument doc;
    try {
      doc = StrictYaml.load(file, display, YamlLimits.DEFAULT);
    } catch (OnexException e) {
      return new NodeReport(file, display, e.diagnostics(), Optional.empty(), Optional.empty());
    }
    return validate(doc, file.getParent());
  }

  private NodeReport validate(YamlDocument doc, Path nodeDir) {
    Findings f = new Findings(doc);
    JsonNode root = doc.root();
    if (!root.isObject()) {
      f.error(ValidationError.NOT_A_MAPPING, "", "the top of the file is a " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not a mapping");
      return report(doc, nodeDir, f, Optional.empty(), Optional.empty());
    }
    if (schemaVersionTooNew(root, f)) {
      return report(doc, nodeDir, f, Optional.empty(), Optional.empty());
    }
    List<Diagnostic> schema = SchemaValidator.validate(SchemaId.NODE_METADATA, doc);
    f.addAll(schema);
    fieldRules(root, nodeDir, f);
    Optional<NodeMetadata> metadata = Optional.empty();
    if (schema.stream().noneMatch(Diagnostic::isError)) {
      NodeMetadata m = NodeMetadataReader.read(root);
      StructureRule.check(m, f);
      metadata = Optional.of(m);
    }
    Optional<String> computed = hashLock(root, nodeDir, f);
    return report(doc, nodeDir, f, metadata, computed);
  }

  private static boolean schemaVersionTooNew(JsonNode root, Findings f) {
    JsonNode sv = root.get("schema_version");
    if (sv == null || !sv.isTextual()) {
      return false;
    }
    var m = SEMVER3.matcher(sv.asText());
    if (!m.matches()) {
      return false;
    }
    if (compare(sv.asText(), NodeMetadata.SUPPORTED_SCHEMA_VERSION) > 0) {
      f.error(ValidationError.SCHEMA_VERSION_TOO_NEW, "/schema_version",
          "schema_version " + sv.asText() + " is newer than " + NodeMetadata.SUPPORTED_SCHEMA_VERSION
              + ", the newest this ONEX supports; the file was not checked further");
      return true;
    }
    return false;
  }

  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < 3; i++) {
      int c = new java.math.BigInteger(x[i]).compareTo(new java.math.BigInteger(y[i]));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Rules on single fields, applied whenever the field has the right shape. */
  private static void fieldRules(JsonNode root, Path nodeDir, Findings f) {
    JsonNode uuid = root.get("uuid");
    if (uuid != null && uuid.isTextual()) {
      UuidRule.check(uuid.asText(), f);
    }
    UriRule.check(root, f);
    JsonNode sc = root.get("state_contract");
    if (sc != null && sc.isTextual()) {
      StateContractRule.check(sc.asText(), nodeDir, displayDir(f, nodeDir), f);
    }
    JsonNode ep = root.get("entrypoint");
    if (ep != null && ep.path("type").isTextual() && ep.path("target").isTextual()) {
      EntrypointRule.check(new Entrypoint(ep.get("type").asText(), ep.get("target").asText(), List.of(), Optional.empty()), nodeDir, f);
    }
  }

  private static String displayDir(Findings f, Path nodeDir) {
    String file = f.fileName();
    int slash = file.lastIndexOf('/');
    return slash < 0 ? "." : file.substring(0, slash);
  }

  private static Optional<String> hashLock(JsonNode root, Path nodeDir, Findings f) {
    String computed;
    try {
      computed = HashLock.compute(root, NodeFiles.ofDirectory(nodeDir));
    } catch (OnexException e) {
      f.addAll(e.diagnostics());
      return Optional.empty();
    }
    JsonNode stored = root.get("hash");
    if (stored == null || !stored.isTextual()) {
      return Optional.of(computed);
    }
    String hash = stored.asText();
    String fix = "if the change is intended, run: onex stamp " + displayDir(f, nodeDir);
    if (!HEX64.matcher(hash).matches()) {
      f.error(ValidationError.HASH_PLACEHOLDER, "/hash", "hash '" + UuidRule.abbreviate(hash) + "' is not a computed hash lock (computed: " + computed + ")",
          "compute it: onex stamp " + displayDir(f, nodeDir));
    } else if (!hash.equals(computed)) {
      f.error(ValidationError.HASH_MISMATCH, "/hash",
          "hash lock mismatch: the file says " + hash + " but the node's metadata and files hash to " + computed, fix);
    }
    return Optional.of(computed);
  }

  private NodeReport report(YamlDocument doc, Path nodeDir, Findings f, Optional<NodeMetadata> m, Optional<String> hash) {
    return new NodeReport(nodeDir.resolve(NodeMetadata.FILE_NAME), doc.file(), f.all(), m, hash);
  }
}
