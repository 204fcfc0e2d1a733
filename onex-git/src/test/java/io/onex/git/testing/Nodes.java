package io.onex.git.testing;

import io.onex.core.project.ProjectInit;
import io.onex.core.project.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;

/**
 * Writes noop nodes into a working tree for git tests: a node echoes its input, declares one
 * test case (passing unless {@code failing}), may depend on other nodes by URI and may be a
 * composite of children. {@link #stamp} computes hash locks and the {@code .tree} with core.
 */
public final class Nodes {
  private Nodes() {}

  /** {@code onex init} of {@code repo}: {@code .onex-store/config.yaml} and its .gitignore. */
  public static void init(Path repo) {
    ProjectInit.init(repo);
  }

  /** The URI of the node named {@code name}. */
  public static String uri(String name) {
    return "tool://t." + name + "@1.0.0";
  }

  /** A noop node {@code name} in {@code dir}, depending on {@code deps} (node names). */
  public static void node(Path repo, String dir, String name, List<String> deps, boolean failing) {
    StringBuilder y = new StringBuilder();
    y.append(header(name)).append("entrypoint: {type: noop, target: \"-\"}\n");
    if (!deps.isEmpty()) {
      y.append("dependencies:\n");
      deps.forEach(d -> y.append("  - \"").append(uri(d)).append("\"\n"));
    }
    y.append("tests:\n  - name: echo\n    input: {x: 1}\n    expected_output: {x: ").append(failing ? 2 : 1).append("}\n");
    write(repo, dir, y.toString());
  }

  /** A composite {@code name} running {@code children} (node names) in order. */
  public static void composite(Path repo, String dir, String name, List<String> children) {
    StringBuilder y = new StringBuilder();
    y.append(header(name)).append("entrypoint: {type: composite, target: \"-\"}\nsubgraph:\n");
    for (int i = 0; i < children.size(); i++) {
      y.append("  - id: s").append(i).append("\n    node: \"").append(uri(children.get(i))).append("\"\n");
    }
    y.append("tests:\n  - name: echo\n    input: {x: 1}\n    expected_output: {x: 1}\n");
    write(repo, dir, y.toString());
  }

  private static String header(String name) {
    return "schema_version: \"1.0.0\"\nname: " + name + "\nversion: \"1.0.0\"\nuuid: \"" + uuid(name) + "\"\n"
        + "author: \"git tests\"\ncreated_at: \"2025-01-01T00:00:00Z\"\nlast_modified_at: \"2025-01-01T00:00:00Z\"\n"
        + "description: \"A test node.\"\nstate_contract: \"state_contract://state.schema.json\"\n"
        + "lifecycle: active\nhash: \"" + "0".repeat(64) + "\"\nnamespace: t." + name + "\nmeta_type: tool\n";
  }

  private static void write(Path repo, String dir, String yaml) {
    try {
      Path d = repo.resolve(dir);
      Files.createDirectories(d);
      Files.writeString(d.resolve("node.onex.yaml"), yaml, StandardCharsets.UTF_8);
      Files.writeString(d.resolve("state.schema.json"), "{\"type\": \"object\", \"properties\": {}}\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stamps every node of {@code repo} and writes its {@code .tree}. */
  public static void stamp(Path repo) {
    Workspace ws = Workspace.open(repo);
    ws.stamp(List.of(), false, GitFixtures.CLOCK, "git tests");
    ws.tree(false);
  }

  /** A version-4 UUID derived from {@code name} (stable across runs). */
  public static String uuid(String name) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      h[6] = (byte) ((h[6] & 0x0f) | 0x40);
      h[8] = (byte) ((h[8] & 0x3f) | 0x80);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
          sb.append('-');
        }
        sb.append(String.format("%02x", h[i]));
      }
      return sb.toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
