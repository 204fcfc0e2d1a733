package io.onex.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.record.ExecutionRecord;
import io.onex.core.schema.SchemaId;
import io.onex.core.schema.SchemaValidator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads an execution record back from its JSON form (the inverse of
 * {@link ExecutionRecord#toJson()}).
 *
 * <p>The tree is validated against the bundled execution-record schema first, so every
 * problem is reported with its schema code ({@code ONEX-S...}) before anything is built.
 * Numbers read as doubles (as {@link CanonicalJson#parse} does) are turned into
 * {@link BigDecimal} through their RFC 8785 text, so that
 * {@code canonical(fromJson(x).toJson()) == canonical(x)} for every valid {@code x}.
 */
public final class ExecutionRecordJson {
  private ExecutionRecordJson() {}

  /**
   * The record that {@code json} describes.
   *
   * @param json one record, as {@link ExecutionRecord#toJson()} writes it
   * @param displayName the file name used in diagnostics
   * @throws OnexException with the schema diagnostics when {@code json} is not a valid record,
   *     or {@code ONEX-D003} when an integer does not fit its Java type
   */
  public static ExecutionRecord fromJson(JsonNode json, String displayName) {
    List<Diagnostic> problems = SchemaValidator.validate(SchemaId.EXECUTION_RECORD, json, displayName);
    if (!problems.isEmpty()) {
      throw new OnexException(problems);
    }
    return build(json, displayName);
  }

  /**
   * Builds the record without schema validation, for JSON that was validated when it was
   * written and whose checksum has just been verified (the store's own values).
   */
  static ExecutionRecord fromTrustedJson(JsonNode json, String displayName) {
    return build(json, displayName);
  }

  private static ExecutionRecord build(JsonNode json, String displayName) {
    JsonNode n = json.get("node");
    JsonNode env = json.get("environment");
    Map<String, String> interpreters = new TreeMap<>();
    env.get("interpreters").fields().forEachRemaining(e -> interpreters.put(e.getKey(), e.getValue().asText()));
    return new ExecutionRecord(
        text(json, "record_id"),
        new ExecutionRecord.NodeRef(text(n, "id"), text(n, "name"), text(n, "version"), text(n, "hash")),
        text(json, "input_hash"),
        text(json, "config_hash"),
        optText(json, "output_hash"),
        text(json, "trace_hash"),
        text(json, "cache_key"),
        text(json, "status"),
        exitCode(json, displayName),
        error(json.get("error")),
        text(json, "started_at"),
        longValue(json, "duration_ms", displayName),
        decimal(json.get("cost_usd")),
        text(json, "executor"),
        new ExecutionRecord.Environment(text(env, "os"), text(env, "arch"), text(env, "jdk"), interpreters),
        optText(json, "commit"),
        optText(json, "parent_record_id"),
        optText(json, "cached_from"),
        decimal(json.get("trust_before")),
        decimal(json.get("trust_after")));
  }

  /** {@link #fromJson(JsonNode, String)} with the display name {@code <record>}. */
  public static ExecutionRecord fromJson(JsonNode json) {
    return fromJson(json, "<record>");
  }

  /** The RFC 8785 canonical JSON text of {@code record}: what the log and the store keep. */
  public static String canonical(ExecutionRecord record) {
    return CanonicalJson.canonicalString(record.toJson());
  }

  private static String text(JsonNode o, String key) {
    return o.get(key).asText();
  }

  private static Optional<String> optText(JsonNode o, String key) {
    JsonNode v = o.get(key);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }

  private static Optional<ExecutionRecord.ErrorInfo> error(JsonNode e) {
    if (e == null || e.isNull()) {
      return Optional.empty();
    }
    return Optional.of(new ExecutionRecord.ErrorInfo(text(e, "code"), text(e, "message")));
  }

  private static Optional<Integer> exitCode(JsonNode o, String file) {
    JsonNode v = o.get("exit_code");
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    BigDecimal d = exact(v);
    try {
      return Optional.of(d.intValueExact());
    } catch (ArithmeticException e) {
      throw outOfRange(file, "exit_code", d);
    }
  }

  private static long longValue(JsonNode o, String key, String file) {
    BigDecimal d = exact(o.get(key));
    try {
      return d.longValueExact();
    } catch (ArithmeticException e) {
      throw outOfRange(file, key, d);
    }
  }

  private static Optional<BigDecimal> decimal(JsonNode v) {
    return v == null || v.isNull() ? Optional.empty() : Optional.of(exact(v));
  }

  /** The number as RFC 8785 writes it, so that a double read back keeps its shortest digits. */
  private static BigDecimal exact(JsonNode v) {
    if (v.isIntegralNumber() && !v.isDouble() && !v.isFloat()) {
      return new BigDecimal(v.bigIntegerValue());
    }
    if (v.isBigDecimal()) {
      return v.decimalValue();
    }
    return new BigDecimal(CanonicalJson.numberToString(v.doubleValue()));
  }

  private static OnexException outOfRange(String file, String field, BigDecimal value) {
    return new OnexException(Diagnostic.error(StoreError.LOG_INVALID_RECORD, file, 0, 0, field,
        "value " + value.toPlainString() + " does not fit the field's integer type"));
  }
}
