package io.onex.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --format text|json} option the commands share (a picocli mixin: {@code @Mixin
 * FormatOption format;}) and the printing of a result in the chosen format. The JSON form is one
 * object (docs/formats/cli-json.md) whose first key is {@code "format": "onex.<cmd>/1"}; the
 * option's name, default, description and completion candidates are those of every command.
 */
final class FormatOption {
  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE})")
  OutputFormat format;

  OutputFormat get() {
    return format;
  }

  boolean json() {
    return format == OutputFormat.JSON;
  }

  /** The command's standard output. */
  PrintWriter out() {
    return mixee.commandLine().getOut();
  }

  /** The command's standard error. */
  PrintWriter err() {
    return mixee.commandLine().getErr();
  }

  /** The command's name, as it was invoked ({@code pre-commit}, {@code ls}). */
  String commandName() {
    return mixee.name();
  }

  /**
   * Prints the JSON object {@code fields} completes after {@code "format": id}, or (text) what
   * {@code text} writes to the command's output; returns {@code exitCode}.
   */
  int print(String id, Consumer<ObjectNode> fields, Consumer<PrintWriter> text, int exitCode) {
    PrintWriter out = out();
    if (json()) {
      ObjectNode o = Json.F.objectNode();
      o.put("format", id);
      fields.accept(o);
      out.println(Json.write(o));
    } else {
      text.accept(out);
    }
    return exitCode;
  }

  /**
   * A report of lines: each printed as {@code onex: <line>}, or in JSON the object {@code fields}
   * completes followed by the {@code "lines"} array; exit 0.
   */
  int printLines(String id, Consumer<ObjectNode> fields, List<String> lines) {
    return print(id, o -> {
      fields.accept(o);
      o.set("lines", Json.strings(lines));
    }, out -> lines.forEach(l -> out.println("onex: " + l)));
  }

  /** {@link #print(String, Consumer, Consumer, int)} of a command that succeeded. */
  int print(String id, Consumer<ObjectNode> fields, Consumer<PrintWriter> text) {
    return print(id, fields, text, ExitCodes.OK);
  }
}
