package io.onex.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.Diagnostic;
import io.onex.core.uri.NodeUri;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RegistryTest {

  private static RegistryEntry node(String namespace, String version, String... deps) {
    return new RegistryEntry(namespace, namespace.substring(namespace.lastIndexOf('.') + 1), version,
        namespace.replace('.', '/') + "/" + version + "/node.onex.yaml", List.of(deps), List.of());
  }

  private static List<String> codes(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::code).collect(Collectors.toList());
  }

  @Test
  void resolve_picksHighestSatisfyingVersion() {
    Registry r = Registry.of(List.of(node("acme.up", "1.0.0"), node("acme.up", "1.4.2"),
        node("acme.up", "2.0.0"), node("acme.up", "1.10.0"), node("acme.up", "1.11.0-rc.1"),
        node("acme.down", "1.9.0")));
    Resolution res = r.resolve(NodeUri.parse("tool://acme.up@^1.0"));
    assertEquals(Resolution.Status.RESOLVED, res.status());
    assertEquals("1.10.0", res.entry().orElseThrow().version());
    assertEquals("2.0.0", r.resolve(NodeUri.parse("tool://acme.up@*")).entry().orElseThrow().version());
    assertEquals("1.0.0", r.resolve(NodeUri.parse("tool://acme.up@~1.0")).entry().orElseThrow().version());
    assertEquals("1.11.0-rc.1",
        r.resolve(NodeUri.parse("tool://acme.up@>=1.11.0-rc.0 <2.0.0")).entry().orElseThrow().version());
  }

  @Test
  void resolve_ignoresUriType() {
    Registry r = Registry.of(List.of(node("acme.up", "1.0.0")));
    for (String type : List.of("tool", "validator", "agent", "model", "schema", "plugin", "node")) {
      assertEquals(Resolution.Status.RESOLVED, r.resolve(NodeUri.parse(type + "://acme.up@1.0.0")).status());
    }
  }

  @Test
  void resolve_unresolvedWhenNoVersionOrNamespaceMatches() {
    Registry r = Registry.of(List.of(node("acme.up", "1.0.0")));
    Resolution res = r.resolve(NodeUri.parse("tool://acme.up@^2.0"));
    assertEquals(Resolution.Status.UNRESOLVED, res.status());
    assertTrue(res.entry().isEmpty());
    assertTrue(res.matches().isEmpty());
    assertEquals(Resolution.Status.UNRESOLVED, r.resolve(NodeUri.parse("tool://acme.other@*")).status());
  }

  @Test
  void resolve_ambiguousWhenSameNamespaceAndVersion() {
    RegistryEntry a = new RegistryEntry("acme.up", "up", "1.2.0", "a/node.onex.yaml", List.of(), List.of());
    RegistryEntry b = new RegistryEntry("acme.up", "up", "1.2.0", "b/node.onex.yaml", List.of(), List.of());
    Registry r = Registry.of(List.of(b, node("acme.up", "1.0.0"), a));
    Resolution res = r.resolve(NodeUri.parse("tool://acme.up@^1.0"));
    assertEquals(Resolution.Status.AMBIGUOUS, res.status());
    assertEquals(List.of(a, b), res.matches());
    assertTrue(res.entry().isEmpty());
    // a lower, unique version still resolves
    assertEquals(Resolution.Status.RESOLVED, r.resolve(NodeUri.parse("tool://acme.up@1.0.0")).status());
  }

  @Test
  void resolve_buildMetadataDoesNotSeparateVersions() {
    Registry r = Registry.of(List.of(node("acme.up", "1.0.0+a"), node("acme.up", "1.0.0+b")));
    assertEquals(Resolution.Status.AMBIGUOUS, r.resolve(NodeUri.parse("tool://acme.up@1.0.0")).status());
  }

  @Test
  void check_emptyForConsistentRegistry() {
    Registry r = Registry.of(List.of(node("acme.a", "1.0.0", "tool://acme.b@^1.0"), node("acme.b", "1.2.0"),
        new RegistryEntry("acme.c", "c", "0.1.0", "c/node.onex.yaml", List.of(), List.of("node://acme.a@1.0.0"))));
    assertEquals(List.of(), r.check());
  }

  @Test
  void check_reportsUnresolvedDependencyWithAvailableVersions() {
    Registry r = Registry.of(List.of(node("acme.a", "1.0.0", "tool://acme.b@^2.0", "tool://acme.zz@1.0.0"),
        node("acme.b", "1.2.0"), node("acme.b", "1.3.0")));
    List<Diagnostic> d = r.check();
    assertEquals(List.of("ONEX-R001", "ONEX-R001"), codes(d));
    assertEquals("acme/a/1.0.0/node.onex.yaml", d.get(0).file());
    assertEquals("dependencies[0]", d.get(0).field());
    assertEquals("dependency 'tool://acme.b@^2.0' of acme.a@1.0.0 matches no registered node:"
        + " 'acme.b' has versions 1.2.0, 1.3.0", d.get(0).message());
    assertTrue(d.get(1).message().endsWith("no node has namespace 'acme.zz'"), d.get(1).message());
  }

  @Test
  void check_reportsUnresolvedSubgraphStep() {
    Registry r = Registry.of(List.of(new RegistryEntry("acme.flow", "flow", "1.0.0", "flow/node.onex.yaml",
        List.of(), List.of("tool://acme.missing@1.0.0"))));
    List<Diagnostic> d = r.check();
    assertEquals(List.of("ONEX-R001"), codes(d));
    assertEquals("subgraph[0]", d.get(0).field());
  }

  @Test
  void check_reportsAmbiguousDependencyAndDuplicates() {
    RegistryEntry a = new RegistryEntry("acme.up", "up", "1.2.0", "a/node.onex.yaml", List.of(), List.of());
    RegistryEntry b = new RegistryEntry("acme.up", "up", "1.2.0", "b/node.onex.yaml", List.of(), List.of());
    Registry r = Registry.of(List.of(node("acme.user", "1.0.0", "tool://acme.up@^1"), a, b));
    List<Diagnostic> d = r.check();
    assertEquals(List.of("ONEX-R004", "ONEX-R004", "ONEX-R002"), codes(d));
    assertEquals("a/node.onex.yaml", d.get(0).file());
    assertEquals("acme.up@1.2.0 is also registered by b/node.onex.yaml", d.get(0).message());
    assertTrue(d.get(2).message().contains("a/node.onex.yaml, b/node.onex.yaml"), d.get(2).message());
  }

  @Test
  void check_reportsMalformedUrisWithUriCodes() {
    Registry r = Registry.of(List.of(node("acme.a", "1.0.0", "tool://acme.b@>=abc", "acme.b@1.0.0")));
    List<Diagnostic> d = r.check();
    assertEquals(List.of("ONEX-U006", "ONEX-U001"), codes(d));
    assertEquals("dependencies[1]", d.get(1).field());
    assertEquals("acme/a/1.0.0/node.onex.yaml", d.get(1).file());
  }

  @Test
  void check_reportsInvalidEntries() {
    Registry r = Registry.of(List.of(
        new RegistryEntry("Acme.Up", "up", "1.0.0", "u/node.onex.yaml", null, null),
        new RegistryEntry("acme.v", "v", "1.0", "v/node.onex.yaml", null, null),
        new RegistryEntry(null, null, null, null, null, null)));
    assertEquals(List.of("ONEX-R006", "ONEX-R005", "ONEX-R006", "ONEX-R005"), codes(r.check()));
  }

  @Test
  void check_reportsTwoNodeCycle() {
    Registry r = Registry.of(List.of(node("acme.b", "1.0.0", "tool://acme.a@1.0.0"),
        node("acme.a", "1.0.0", "tool://acme.b@^1.0")));
    List<Diagnostic> d = r.check();
    assertEquals(List.of("ONEX-R003"), codes(d));
    assertEquals("dependency cycle: acme.a@1.0.0 -> acme.b@1.0.0 -> acme.a@1.0.0", d.get(0).message());
    assertEquals("acme/a/1.0.0/node.onex.yaml", d.get(0).file());
    assertEquals("dependencies[0]", d.get(0).field());
  }

  @Test
  void check_reportsThreeNodeCycleThroughSubgraph() {
    Registry r = Registry.of(List.of(node("acme.a", "1.0.0", "tool://acme.b@1.0.0"),
        node("acme.b", "1.0.0", "tool://acme.c@1.0.0"),
        new RegistryEntry("acme.c", "c", "1.0.0", "c/node.onex.yaml", List.of(), List.of("node://acme.a@*"))));
    List<Diagnostic> d = r.check();
    assertEquals(List.of("ONEX-R003"), codes(d));
    assertEquals("dependency cycle: acme.a@1.0.0 -> acme.b@1.0.0 -> acme.c@1.0.0 -> acme.a@1.0.0",
        d.get(0).message());
  }

  @Test
  void check_reportsSelfLoop() {
    Registry r = Registry.of(List.of(node("acme.a", "1.0.0", "tool://acme.z@1.0.0", "tool://acme.a@^1.0"),
        node("acme.z", "1.0.0")));
    List<Diagnostic> d = r.check();
    assertEquals(List.of("ONEX-R003"), codes(d));
    assertEquals("dependency cycle: acme.a@1.0.0 -> acme.a@1.0.0", d.get(0).message());
    assertEquals("dependencies[1]", d.get(0).field());
  }

  @Test
  void check_isIndependentOfInputOrder() {
    List<RegistryEntry> list = new ArrayList<>(List.of(
        node("acme.a", "1.0.0", "tool://acme.b@1.0.0", "tool://acme.x@9"),
        node("acme.b", "1.0.0", "tool://acme.c@1.0.0", "tool://acme.a@1.0.0"),
        node("acme.c", "1.0.0", "tool://acme.a@1.0.0"),
        node("acme.d", "1.0.0", "tool://acme.d@1.0.0")));
    List<Diagnostic> first = Registry.of(list).check();
    assertEquals(List.of("ONEX-R001", "ONEX-R003", "ONEX-R003", "ONEX-R003"), codes(first));
    Random random = new Random(7);
    for (int i = 0; i < 10; i++) {
      Collections.shuffle(list, random);
      assertEquals(first, Registry.of(list).check());
    }
  }

  @Test
  void check_handlesTenThousandEntryChainIteratively() {
    int n = 10_000;
    List<RegistryEntry> chain = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String dep = i + 1 < n ? "tool://chain.n" + (i + 1) + "@^1.0" : null;
      chain.add(node("chain.n" + i, "1.0.0", dep == null ? new String[0] : new String[] {dep}));
    }
    Registry r = Registry.of(chain);
    assertEquals(List.of(), r.check());
    assertEquals("chain.n9999",
        r.resolve(NodeUri.parse("tool://chain.n9999@1.0.0")).entry().orElseThrow().namespace());
    // close the chain into one long cycle: reported once, abbreviated
    chain.set(n - 1, node("chain.n" + (n - 1), "1.0.0", "tool://chain.n0@1.0.0"));
    List<Diagnostic> d = Registry.of(chain).check();
    assertEquals(List.of("ONEX-R003"), codes(d));
    assertTrue(d.get(0).message().startsWith("dependency cycle of 10000 nodes: chain.n0@1.0.0 -> "),
        d.get(0).message());
    assertTrue(d.get(0).message().contains("... (9980 more)"), d.get(0).message());
    assertTrue(d.get(0).message().length() < 1000);
  }
}
