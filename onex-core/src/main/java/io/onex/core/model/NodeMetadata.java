package io.onex.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The static contract of a node: everything a human authors in {@code node.onex.yaml}
 * (schema_version 1.0.0, documented field by field in {@code docs/formats/node-metadata.md}).
 *
 * <p>Dynamic facts (performance, trust, traces, cache entries) are deliberately absent: they
 * live in git notes and the store, never in the hash-locked file.
 *
 * <p>Instances are built by {@link NodeMetadataReader} from a tree that passed the bundled
 * JSON Schema; {@link #tree()} keeps that tree, which the hash lock is computed over.
 */
public record NodeMetadata(
    String schemaVersion,
    String name,
    String version,
    String uuid,
    String author,
    String createdAt,
    String lastModifiedAt,
    String description,
    String stateContract,
    Lifecycle lifecycle,
    String hash,
    Entrypoint entrypoint,
    String namespace,
    MetaType metaType,
    Optional<String> runtimeLanguageHint,
    List<String> tags,
    List<String> protocolsSupported,
    List<String> baseClass,
    List<String> dependencies,
    List<String> environment,
    Optional<String> license,
    Optional<SignatureBlock> signatureBlock,
    Map<String, String> inputContract,
    Map<String, String> outputContract,
    Optional<Integer> timeoutSeconds,
    CachePolicy cache,
    List<SubgraphStep> subgraph,
    List<ModelProfile> modelProfiles,
    Optional<String> variantOf,
    List<TestCase> tests,
    Map<String, JsonNode> extensions,
    JsonNode tree) {

  /** The newest {@code schema_version} this version of ONEX understands. */
  public static final String SUPPORTED_SCHEMA_VERSION = "1.0.0";

  /** The file name of a node's metadata inside its directory. */
  public static final String FILE_NAME = "node.onex.yaml";

  public NodeMetadata {
    tags = List.copyOf(tags);
    protocolsSupported = List.copyOf(protocolsSupported);
    baseClass = List.copyOf(baseClass);
    dependencies = List.copyOf(dependencies);
    environment = List.copyOf(environment);
    inputContract = Map.copyOf(inputContract);
    outputContract = Map.copyOf(outputContract);
    subgraph = List.copyOf(subgraph);
    modelProfiles = List.copyOf(modelProfiles);
    tests = List.copyOf(tests);
    extensions = Map.copyOf(extensions);
  }

  /** {@code namespace@version}, the identity a registry resolves URIs against. */
  public String coordinates() {
    return namespace + "@" + version;
  }

  public boolean isComposite() {
    return entrypoint.type().equals("composite");
  }
}
