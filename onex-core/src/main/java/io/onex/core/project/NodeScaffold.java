package io.onex.core.project;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.model.NodeMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code onex new}: writes a valid, hash-locked node skeleton (metadata, code, a state
 * contract and one test case) for the python, cli, java or noop executor. Refuses to write
 * into an existing directory, so it can never overwrite work.
 */
public final class NodeScaffold {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  /** The executor kinds a skeleton exists for. */
  public enum Kind { PYTHON, CLI, JAVA, NOOP }

  /** Everything a skeleton depends on, injected so tests are deterministic. */
  public record Context(String author, String namespacePrefix, Clock clock, Supplier<UUID> uuids) {}

  private NodeScaffold() {}

  public static Path create(Path parentDir, String name, Kind kind, Context ctx) {
    if (!NAME.matcher(name).matches()) {
      throw new OnexException(Diagnostic.error(ProjectError.BAD_NODE_NAME, name, 0, 0, "name",
          "'" + name + "' is not a valid node name"));
    }
    Path dir = parentDir.resolve(name);
    if (Files.exists(dir)) {
      throw new OnexException(Diagnostic.error(ProjectError.NODE_EXISTS, dir.toString(), 0, 0, "",
          dir + " already exists; onex new never overwrites"));
    }
    String now = Instant.now(ctx.clock()).truncatedTo(ChronoUnit.SECONDS).toString();
    String namespace = ctx.namespacePrefix().isEmpty() ? name : ctx.namespacePrefix() + "." + name;
    try {
      Files.createDirectories(dir);
      Map<String, String> code = Templates.code(kind, name);
      for (Map.Entry<String, String> e : code.entrySet()) {
        Path f = dir.resolve(e.getKey());
        Files.createDirectories(f.getParent());
        Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
        if (e.getKey().endsWith(".sh") || e.getKey().endsWith(".py")) {
          makeExecutable(f);
        }
      }
      if (kind == Kind.JAVA) {
        Templates.compileJava(dir);
      }
      Files.writeString(dir.resolve("state_contract.json"), Templates.STATE_CONTRACT, StandardCharsets.UTF_8);
      String yaml = Templates.metadata(kind, name, namespace, ctx.uuids().get().toString(), ctx.author(), now);
      Files.writeString(dir.resolve(NodeMetadata.FILE_NAME), yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    NodeLock.stamp(dir, name + "/" + NodeMetadata.FILE_NAME, ctx.clock());
    return dir;
  }

  static void makeExecutable(Path f) throws IOException {
    try {
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      f.toFile().setExecutable(true);
    }
  }
}
