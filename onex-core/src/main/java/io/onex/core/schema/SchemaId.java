package io.onex.core.schema;

/**
 * The schemas bundled in onex-core. Each is identified by a URN (never a network URL) and
 * read from the class path next to this class.
 */
public enum SchemaId {
  /** {@code node.onex.yaml}, schema_version 1.0.0. */
  NODE_METADATA("node-metadata"),
  /** The meta-schema a node's {@code state_contract} file must satisfy. */
  STATE_CONTRACT("state-contract"),
  /** One execution record (record_version 1). */
  EXECUTION_RECORD("execution-record"),
  /** The {@code .tree} discovery index (its schema file is owned by the tree format). */
  TREE("tree");

  private final String name;

  SchemaId(String name) {
    this.name = name;
  }

  /** The schema's {@code $id}, e.g. {@code urn:onex:schema:node-metadata:1.0.0}. */
  public String urn() {
    return "urn:onex:schema:" + name + ":1.0.0";
  }

  /** The class-path resource holding the schema. */
  public String resource() {
    return "io/onex/core/schema/" + name + ".schema.json";
  }

  /** The schema for {@code urn}, or {@code null} when no bundled schema has that id. */
  static SchemaId forUrn(String urn) {
    for (SchemaId id : values()) {
      if (id.urn().equals(urn)) {
        return id;
      }
    }
    return null;
  }
}
