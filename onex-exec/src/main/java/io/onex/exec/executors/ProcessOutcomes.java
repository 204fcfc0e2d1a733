package io.onex.exec.executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.exec.ExecError;
import io.onex.exec.ExecStatus;
import io.onex.exec.ExecutorOutcome;
import io.onex.exec.sandbox.JsonOutput;
import io.onex.exec.sandbox.SandboxError;
import io.onex.exec.sandbox.SandboxResult;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Maps a {@link SandboxResult} onto an {@link ExecutorOutcome} (table in
 * docs/formats/executors.md): OK with one JSON object on stdout is SUCCESS; a non-zero exit is
 * FAILURE X007; timeout X004, output cap X005, unstartable program X008, sandbox preparation
 * X015 and unusable stdout X006 are ERRORs.
 *
 * <p>Invariants: the outcome's stderr is the last {@link #STDERR_TAIL_BYTES} bytes of the
 * node's stderr, cut at a UTF-8 character boundary (malformed bytes replaced), followed by one
 * {@code [onex] <code>: <message>} line per sandbox warning; a successful output has a
 * canonical form (so that it can be hashed) and no {@link #COST_FIELD} member.
 */
final class ProcessOutcomes {
  /** Bytes of the node's stderr kept in the outcome. */
  static final int STDERR_TAIL_BYTES = 4096;
  /** Output member through which a node reports what it spent, removed from the output. */
  static final String COST_FIELD = "_onex_cost_usd";
  /** Characters of stderr's last line quoted in an X007 message. */
  static final int LAST_LINE_CHARS = 200;

  private ProcessOutcomes() {}

  static ExecutorOutcome of(SandboxResult r) {
    String tail = stderrTail(r);
    return switch (r.status()) {
      case OK -> fromStdout(r, tail);
      case NONZERO_EXIT -> ExecutorOutcome.failed(ExecStatus.FAILURE, ExecError.NONZERO_EXIT,
          "the node exited with code " + r.exitCode() + lastLineSuffix(r.stderr()), r.exitCode(), tail);
      case TIMEOUT -> failed(ExecError.TIMEOUT, r.error(), null, tail);
      case OUTPUT_LIMIT -> failed(ExecError.OUTPUT_LIMIT, r.error(), r.exitCode(), tail);
      case START_FAILED -> failed(SandboxError.START_FAILED.id().equals(r.error().code())
          ? ExecError.START_FAILED : ExecError.SANDBOX, r.error(), null, tail);
    };
  }

  /** ERROR X015 for a sandbox that could not even be set up (invalid settings, interruption). */
  static ExecutorOutcome sandboxFailure(OnexException e) {
    String message = e.diagnostics().isEmpty() ? String.valueOf(e.getMessage())
        : describe(e.diagnostics().get(0));
    return ExecutorOutcome.failed(ExecStatus.ERROR, ExecError.SANDBOX, message, null, "");
  }

  private static ExecutorOutcome failed(ExecError code, Diagnostic cause, Integer exit, String tail) {
    return ExecutorOutcome.failed(ExecStatus.ERROR, code, describe(cause), exit, tail);
  }

  private static ExecutorOutcome fromStdout(SandboxResult r, String tail) {
    JsonNode output;
    try {
      output = JsonOutput.parse(r.stdout());
      CanonicalJson.canonicalize(output);
    } catch (OnexException e) {
      return ExecutorOutcome.failed(ExecStatus.ERROR, ExecError.NOT_JSON,
          describe(e.diagnostics().get(0)), r.exitCode(), tail);
    }
    ObjectNode object = (ObjectNode) output;
    BigDecimal cost = takeCost(object);
    ExecutorOutcome ok = ExecutorOutcome.success(object, r.exitCode(), tail);
    return cost == null ? ok : ok.withCost(cost);
  }

  /**
   * Removes a numeric {@link #COST_FIELD} member and returns it when it is a finite number of 0
   * or more (a negative one is removed and ignored); a non-numeric member stays in the output.
   */
  static BigDecimal takeCost(ObjectNode output) {
    JsonNode cost = output.get(COST_FIELD);
    if (cost == null || !cost.isNumber()) {
      return null;
    }
    output.remove(COST_FIELD);
    if ((cost.isDouble() || cost.isFloat()) && !Double.isFinite(cost.doubleValue())) {
      return null;
    }
    BigDecimal value = cost.decimalValue();
    return value.signum() < 0 ? null : value;
  }

  private static String describe(Diagnostic d) {
    return d.message() + " [" + d.code() + "]";
  }

  /** {@code ": <last non-blank line>"}, or {@code " (nothing on stderr)"}. */
  static String lastLineSuffix(byte[] stderr) {
    String text = new String(stderr, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return " (nothing on stderr)";
    }
    String line = text.substring(text.lastIndexOf('\n') + 1).strip();
    StringBuilder sb = new StringBuilder(": ");
    line.codePoints().limit(LAST_LINE_CHARS)
        .forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    if (line.codePointCount(0, line.length()) > LAST_LINE_CHARS) {
      sb.append("...");
    }
    return sb.toString();
  }

  /** The last {@link #STDERR_TAIL_BYTES} of stderr from a character boundary, then warnings. */
  static String stderrTail(SandboxResult r) {
    byte[] err = r.stderr();
    int from = Math.max(0, err.length - STDERR_TAIL_BYTES);
    while (from > 0 && from < err.length && (err[from] & 0xC0) == 0x80) {
      from++;
    }
    StringBuilder sb = new StringBuilder(
        new String(Arrays.copyOfRange(err, from, err.length), StandardCharsets.UTF_8));
    for (Diagnostic w : r.warnings()) {
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
        sb.append('\n');
      }
      sb.append("[onex] ").append(w.code()).append(": ").append(w.message()).append('\n');
    }
    return sb.toString();
  }
}
