package io.onex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every error code is unique, well-formed and documented in docs/errors/. The catalogues of
 * the validation, project and CLI codes are generated from their enums
 * ({@code -Donex.updateDocs=true} rewrites them).
 */
class ErrorCatalogTest {
  static final List<Class<? extends Enum<?>>> ALL = List.of(
      io.onex.core.yaml.YamlError.class,
      io.onex.core.schema.SchemaError.class,
      io.onex.core.validate.ValidationError.class,
      io.onex.core.hash.HashError.class,
      io.onex.core.stamp.StampError.class,
      io.onex.core.tree.TreeError.class,
      io.onex.core.uri.UriError.class,
      io.onex.core.registry.RegistryError.class,
      io.onex.core.project.ProjectError.class,
      io.onex.exec.ExecError.class,
      io.onex.exec.sandbox.SandboxError.class,
      io.onex.store.StoreError.class,
      io.onex.store.CacheError.class,
      io.onex.store.BrowseError.class,
      io.onex.git.notes.NotesError.class,
      io.onex.sign.SignError.class,
      io.onex.git.GitError.class,
      CliError.class);

  private static Path docs() {
    return Paths.get(System.getProperty("onex.root.dir", "..")).resolve("docs/errors");
  }

  private static List<ErrorCode> codes(Class<? extends Enum<?>> e) {
    return Stream.of(e.getEnumConstants()).map(c -> (ErrorCode) c).toList();
  }

  @Test
  void codes_areUniqueAndWellFormed() {
    Set<String> seen = new HashSet<>();
    for (Class<? extends Enum<?>> e : ALL) {
      for (ErrorCode c : codes(e)) {
        assertTrue(c.id().matches("ONEX-[A-Z]\\d{3}"), c.id());
        assertTrue(seen.add(c.id()), "duplicate code " + c.id());
        assertTrue(!c.title().isBlank() && !c.hint().isBlank(), c.id() + " needs a title and a fix");
      }
    }
  }

  @Test
  void generatedCatalogues_areCurrent() throws IOException {
    check("validation.md", "Node validation rules (ONEX-V)", io.onex.core.validate.ValidationError.class);
    check("project.md", "Repository operations (ONEX-P)", io.onex.core.project.ProjectError.class);
    check("cli.md", "The command line (ONEX-C)", CliError.class);
    check("exec.md", "Node execution (ONEX-X)", io.onex.exec.ExecError.class);
    check("store.md", "The local store (ONEX-D)", io.onex.store.StoreError.class);
    check("cache.md", "Memoization and the output store (ONEX-K)", io.onex.store.CacheError.class);
    check("sign.md", "Signing, trust root and releases (ONEX-G)", io.onex.sign.SignError.class);
    check("git.md", "The git pipeline: indexer, hooks, sync (ONEX-J)", io.onex.git.GitError.class);
    check("browse.md", "Browsing the store: log, show (ONEX-L)", io.onex.store.BrowseError.class);
  }

  @Test
  void everyCode_isDocumented() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> s = Files.list(docs())) {
      for (Path p : s.toList()) {
        all.append(Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    for (Class<? extends Enum<?>> e : ALL) {
      for (ErrorCode c : codes(e)) {
        assertTrue(all.indexOf(c.id()) >= 0, c.id() + " (" + e.getSimpleName() + ") is not in docs/errors/");
      }
    }
  }

  private static void check(String file, String title, Class<? extends Enum<?>> e) throws IOException {
    StringBuilder sb = new StringBuilder("# " + title + "\n\nGenerated from `" + e.getSimpleName()
        + "` by `ErrorCatalogTest`; do not edit by hand.\n\n| code | what | fix |\n|---|---|---|\n");
    for (ErrorCode c : codes(e)) {
      sb.append("| ").append(c.id()).append(" | ").append(c.title().replace("|", "\\|")).append(" | ")
          .append(c.hint().replace("|", "\\|")).append(" |\n");
    }
    Path doc = docs().resolve(file);
    if (Boolean.getBoolean("onex.updateDocs")) {
      Files.createDirectories(doc.getParent());
      Files.writeString(doc, sb.toString(), StandardCharsets.UTF_8);
    }
    String committed = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
    assertEquals(sb.toString(), committed, "docs/errors/" + file + " is stale: rerun with -Donex.updateDocs=true");
  }
}
