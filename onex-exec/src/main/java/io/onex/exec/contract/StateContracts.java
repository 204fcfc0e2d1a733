package io.onex.exec.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.resource.SchemaLoader;
import io.onex.core.diag.OnexException;
import io.onex.core.hash.Sha256;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlLimits;
import io.onex.exec.LoadedNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Validates a state against the node's {@code state_contract} file (JSON Schema, evaluated as
 * draft 2020-12 whatever its {@code $schema} says).
 *
 * <p>Invariants: the file must resolve inside the node directory (no absolute path, no
 * {@code ..}, no {@code .git}, no symlink leaving the node) and hold at most
 * {@link YamlLimits#DEFAULT} bytes; it is read with the strict YAML loader (JSON loads
 * unchanged). Nothing is ever fetched: every {@code $ref} or meta-schema outside the file is
 * refused, which makes the contract unusable. A compiled schema is cached by the SHA-256 of
 * the file's bytes (bounded LRU, {@value #MAX_CACHED} entries), so an edited file is
 * recompiled and an unchanged one never is. Any problem with the contract itself is one
 * finding at {@code $}, never an exception.
 */
final class StateContracts {
  static final String SCHEME = "state_contract://";
  static final int MAX_CACHED = 128;

  private static final SchemaLoader REFUSE_ALL = iri -> () -> {
    throw new IOException("refused to load " + iri + ": a state contract may only refer to itself (#/...)");
  };
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
      SpecVersion.VersionFlag.V202012, b -> b.schemaLoaders(l -> l.add(REFUSE_ALL)).enableSchemaCache(false));
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .pathType(PathType.JSON_PATH)
      .formatAssertionsEnabled(true)
      .locale(Locale.ENGLISH)
      .regularExpressionFactory(io.onex.core.schema.StrictRegexFactory.INSTANCE)
      .build();
  private static final Map<String, JsonSchema> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, JsonSchema> eldest) {
      return size() > MAX_CACHED;
    }
  };

  private StateContracts() {}

  /** The findings of {@code state} against the node's state contract; none when it declares none. */
  static List<Finding> check(LoadedNode node, JsonNode state) {
    String ref = node.metadata().stateContract();
    if (ref == null || ref.isEmpty()) {
      return List.of();
    }
    JsonSchema schema;
    try {
      schema = schema(node.directory(), ref);
    } catch (Unusable e) {
      return List.of(new Finding(Location.ROOT, e.getMessage()));
    }
    try {
      return SchemaMessages.map(schema.validate(state));
    } catch (RuntimeException e) {
      return List.of(new Finding(Location.ROOT, "state contract '" + ref + "' cannot be evaluated: " + brief(e)));
    }
  }

  static JsonSchema schema(Path nodeDir, String ref) throws Unusable {
    Path file = resolve(nodeDir, ref);
    byte[] bytes = read(file, ref);
    String sha = Sha256.hex(bytes);
    synchronized (CACHE) {
      JsonSchema cached = CACHE.get(sha);
      if (cached != null) {
        return cached;
      }
    }
    JsonSchema compiled = compile(bytes, sha, ref);
    synchronized (CACHE) {
      CACHE.putIfAbsent(sha, compiled);
      return CACHE.get(sha);
    }
  }

  /** How many compiled contracts are cached (for tests). */
  static int cachedCount() {
    synchronized (CACHE) {
      return CACHE.size();
    }
  }

  static Path resolve(Path nodeDir, String ref) throws Unusable {
    String rel = ref.startsWith(SCHEME) ? ref.substring(SCHEME.length()) : ref;
    boolean bad = rel.isEmpty() || rel.contains("://") || rel.startsWith("/") || rel.indexOf('\\') >= 0
        || rel.chars().anyMatch(c -> c < 0x20);
    for (String seg : rel.split("/", -1)) {
      bad |= seg.isEmpty() || seg.equals("..") || seg.equals(".git");
    }
    if (bad) {
      throw new Unusable("state contract '" + ref + "' is not a relative path inside the node directory");
    }
    Path real;
    try {
      real = nodeDir.resolve(rel).toRealPath();
      if (!real.startsWith(nodeDir.toRealPath())) {
        throw new Unusable("state contract '" + ref + "' leaves the node directory (through a symbolic link)");
      }
    } catch (IOException e) {
      throw new Unusable("state contract '" + ref + "' cannot be read: " + rel + " does not exist in the node directory");
    }
    if (!Files.isRegularFile(real)) {
      throw new Unusable("state contract '" + ref + "' cannot be read: " + rel + " is not a regular file");
    }
    return real;
  }

  private static byte[] read(Path file, String ref) throws Unusable {
    long max = YamlLimits.DEFAULT.maxBytes();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) max + 1);
      if (bytes.length > max) {
        throw new Unusable("state contract '" + ref + "' is larger than " + max + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new Unusable("state contract '" + ref + "' cannot be read: " + brief(e));
    }
  }

  private static JsonSchema compile(byte[] bytes, String sha, String ref) throws Unusable {
    JsonNode tree;
    try {
      tree = StrictYaml.parse(bytes, ref, YamlLimits.DEFAULT).root();
    } catch (OnexException e) {
      var d = e.diagnostics().get(0);
      throw new Unusable("state contract '" + ref + "' is not valid JSON or YAML: " + d.code() + " "
          + (d.line() > 0 ? "line " + d.line() + ": " : "") + d.message());
    }
    if (!tree.isObject() && !tree.isBoolean()) {
      throw new Unusable("state contract '" + ref + "' is not a JSON Schema: its top level is not an object");
    }
    JsonNode schemaTree = tree;
    if (tree.isObject()) {
      ObjectNode copy = ((ObjectNode) tree).deepCopy();
      copy.remove("$schema"); // always draft 2020-12; the dialect is never looked up
      schemaTree = copy;
    }
    try {
      JsonSchema schema = FACTORY.getSchema(SchemaLocation.of("urn:onex:state-contract:" + sha), schemaTree, CONFIG);
      schema.initializeValidators();
      return schema;
    } catch (RuntimeException e) {
      throw new Unusable("state contract '" + ref + "' cannot be compiled: " + brief(e));
    }
  }

  private static String brief(Throwable e) {
    StringBuilder sb = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    for (Throwable c = e.getCause(); c != null && c != e; c = c.getCause()) {
      if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
        sb.append(": ").append(c.getMessage());
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return sb.toString();
  }

  /** A state contract that cannot be used; its message is the finding. */
  static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;

    Unusable(String message) {
      super(message);
    }
  }
}
