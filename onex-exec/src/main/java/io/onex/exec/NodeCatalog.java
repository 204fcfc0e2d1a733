package io.onex.exec;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.core.model.NodeMetadata;
import io.onex.core.project.ProjectLayout;
import io.onex.core.project.ValidationReport;
import io.onex.core.project.Workspace;
import io.onex.core.registry.Registry;
import io.onex.core.registry.RegistryEntry;
import io.onex.core.registry.Resolution;
import io.onex.core.uri.NodeUri;
import io.onex.core.validate.NodeReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runnable nodes of a repository: every node that validates, by metadata path, with a
 * registry to resolve URIs. A node is named by its name, its URI or its directory. Nodes that
 * do not validate are never run (ONEX-X017 with their first error).
 */
public final class NodeCatalog {
  private final ProjectLayout layout;
  private final Map<String, NodeReport> byPath = new LinkedHashMap<>();
  private final Map<String, LoadedNode> loaded = new LinkedHashMap<>();
  private final Registry registry;

  private NodeCatalog(Workspace ws) {
    this.layout = ws.layout();
    ValidationReport report = ws.validate(List.of());
    List<RegistryEntry> entries = new ArrayList<>();
    for (NodeReport n : report.nodes()) {
      byPath.put(n.displayName(), n);
      if (n.ok() && n.metadata().isPresent() && n.computedHash().isPresent()) {
        NodeMetadata m = n.metadata().get();
        loaded.put(n.displayName(), new LoadedNode(m, n.metadataFile().getParent(), n.computedHash().get()));
        entries.add(new RegistryEntry(m.namespace(), m.name(), m.version(), n.displayName(), m.dependencies(), List.of()));
      }
    }
    this.registry = Registry.of(entries);
  }

  public static NodeCatalog open(Workspace ws) {
    return new NodeCatalog(ws);
  }

  /** Every runnable node, sorted by path. */
  public List<LoadedNode> nodes() {
    return List.copyOf(loaded.values());
  }

  /** Resolves a child URI to a runnable node (the highest satisfying version). */
  public Optional<LoadedNode> resolve(String uri) {
    NodeUri parsed;
    try {
      parsed = NodeUri.parse(uri);
    } catch (OnexException e) {
      return Optional.empty();
    }
    Resolution r = registry.resolve(parsed);
    return r.entry().map(e -> loaded.get(e.metadataPath()));
  }

  /**
   * The node {@code ref} names: a directory or metadata file (relative to {@code cwd}), a URI,
   * or a node name (which must be unique).
   */
  public LoadedNode find(String ref, Path cwd) {
    if (ref.contains("://")) {
      return resolve(ref).orElseThrow(() -> notFound(ref, "no runnable node matches the URI"));
    }
    Path p = cwd.resolve(ref).normalize();
    if (Files.exists(p)) {
      Path meta = Files.isDirectory(p) ? p.resolve(NodeMetadata.FILE_NAME) : p;
      return byDisplay(layout.relativize(meta), ref);
    }
    List<String> matches = new ArrayList<>();
    loaded.forEach((path, node) -> {
      if (node.metadata().name().equals(ref)) {
        matches.add(path);
      }
    });
    byPath.forEach((path, report) -> {
      if (!loaded.containsKey(path) && Path.of(path).getParent() != null
          && Path.of(path).getParent().getFileName().toString().equals(ref)) {
        matches.add(path);
      }
    });
    if (matches.size() > 1) {
      throw notFound(ref, "the name is ambiguous: " + String.join(", ", matches) + "; name it by directory or URI");
    }
    if (matches.isEmpty()) {
      throw notFound(ref, "no node has that name");
    }
    return byDisplay(matches.get(0), ref);
  }

  private LoadedNode byDisplay(String display, String ref) {
    LoadedNode node = loaded.get(display);
    if (node != null) {
      return node;
    }
    NodeReport report = byPath.get(display);
    if (report == null) {
      throw notFound(ref, display + " is not a node of this repository");
    }
    Diagnostic first = report.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
    throw new OnexException(List.of(
        Diagnostic.error(ExecError.INVALID_NODE, display, 0, 0, "", display + " does not validate, so it is not run; first problem below"),
        first));
  }

  private static OnexException notFound(String ref, String why) {
    return new OnexException(Diagnostic.error(ExecError.NODE_NOT_FOUND, "", 0, 0, "", "cannot find node '" + ref + "': " + why));
  }
}
