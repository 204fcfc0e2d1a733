package io.onex.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.networknt.schema.ValidationMessage;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.yaml.SourceLocation;
import io.onex.core.yaml.YamlDocument;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Validates a document against a bundled schema and reports every problem at once, each as a
 * {@link Diagnostic} with its own {@link SchemaError} code, the field as a dotted path
 * ({@code entrypoint.target}, {@code tests[0].input}) and, for YAML documents, the line and
 * column of the field (of the key for an unknown field, of the parent for a missing one).
 * The list is empty when the document is valid, and always in the same order.
 */
public final class SchemaValidator {
  private SchemaValidator() {}

  /** Validates a loaded YAML document; positions come from {@link YamlDocument#locationOf}. */
  public static List<Diagnostic> validate(SchemaId id, YamlDocument doc) {
    return run(id, doc.root(), doc.file(), doc::locationOf);
  }

  /**
   * Validates a tree without source positions (an execution record, a JSON file); the
   * diagnostics have line and column 0 and name {@code displayName} as the file.
   */
  public static List<Diagnostic> validate(SchemaId id, JsonNode tree, String displayName) {
    return run(id, tree, displayName, pointer -> SourceLocation.UNKNOWN);
  }

  private static List<Diagnostic> run(
      SchemaId id, JsonNode tree, String file, Function<String, SourceLocation> locator) {
    JsonNode root = tree == null || tree.isMissingNode() ? NullNode.getInstance() : tree;
    Set<ValidationMessage> messages;
    try {
      messages = Schemas.compiled(id).validate(root);
    } catch (OnexException e) {
      throw e;
    } catch (RuntimeException e) {
      throw Schemas.internal(id, "validation against " + id.urn() + " failed: " + e);
    }
    return new MessageMapper(id, file, locator).map(messages);
  }
}
