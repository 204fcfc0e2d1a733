package io.onex.core.stamp;

import static io.onex.core.stamp.StampTesting.CTX;
import static io.onex.core.stamp.StampTesting.NOW;
import static io.onex.core.stamp.StampTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.core.diag.OnexException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

class StamperTest {
  private static final StampContext LATER = new StampContext(
      Clock.fixed(NOW.plusSeconds(86_400), ZoneOffset.UTC), "Someone Else",
      () -> UUID.fromString("99999999-9999-4999-8999-999999999999"));
  private final Stamper stamper = new Stamper();

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void stamp_stampedFileWithLaterClock_isUnchangedAndByteIdentical(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("doc.md");
    Files.write(f, stamper.stamp(f, bytes("# Doc\n\ntext\n"), CTX).content());
    byte[] stamped = Files.readAllBytes(f);
    StampResult again = stamper.stamp(f, stamped, LATER);
    assertEquals(StampResult.Status.UNCHANGED, again.status());
    assertArrayEquals(stamped, again.content());
  }

  @Test
  void stamp_bodyEditThenRestamp_keepsUuidAndCreatedAtAndUpdatesTime() {
    Path f = Paths.get("doc.md");
    String first = utf8(stamper.stamp(f, bytes("# Doc\n\ntext\n"), CTX).content());
    StampResult r = stamper.stamp(f, bytes(first + "more\n"), LATER);
    String second = utf8(r.content());
    assertEquals(StampResult.Status.RESTAMPED, r.status());
    assertEquals(StampTesting.field(first, "uuid"), StampTesting.field(second, "uuid"));
    assertEquals(StampTesting.field(first, "created_at"), StampTesting.field(second, "created_at"));
    assertEquals(StampTesting.field(first, "author"), StampTesting.field(second, "author"));
    assertEquals("2025-06-02T12:00:00.000000Z", StampTesting.field(second, "last_modified_at"));
    assertEquals(r.hash(), StampTesting.field(second, "hash"));
    assertTrue(second.endsWith("text\nmore\n"));
  }

  @Test
  void stamp_staleBlockAboveShebang_isPatchedInPlaceWithWarning() {
    Path f = Paths.get("old.py");
    String stamped = utf8(stamper.stamp(f, bytes("\n#!/usr/bin/env python3\nprint(1)\n"), CTX).content());
    assertTrue(stamped.startsWith("# === OmniNode:Metadata ==="), stamped);
    StampResult r = stamper.stamp(f, bytes(stamped + "print(2)\n"), LATER);
    assertEquals(StampResult.Status.RESTAMPED, r.status());
    assertTrue(utf8(r.content()).startsWith("# === OmniNode:Metadata ==="));
    assertTrue(utf8(r.content()).endsWith("\n\n#!/usr/bin/env python3\nprint(1)\nprint(2)\n"));
    assertEquals("ONEX-M014", r.diagnostics().get(0).code());
  }

  @Test
  void stamp_sameInputsTwice_givesSameBytes() {
    byte[] in = bytes("#!/bin/bash\necho hi\n");
    assertArrayEquals(stamper.stamp(Paths.get("run.sh"), in, CTX).content(),
        stamper.stamp(Paths.get("run.sh"), in, CTX).content());
  }

  @Test
  void stamp_lonelyShebangWithoutNewline_keepsItFirst() {
    String out = utf8(stamper.stamp(Paths.get("x.sh"), bytes("#!/bin/sh"), CTX).content());
    assertTrue(out.startsWith("#!/bin/sh\n# === OmniNode:Metadata ===\n"), out);
    assertTrue(out.endsWith("# === /OmniNode:Metadata ===\n"), out);
  }

  @Test
  void stamp_byteOrderMark_staysFirstAndIsIgnoredForTheBlock() {
    byte[] in = bytes("\uFEFF# Title\n");
    StampResult r = stamper.stamp(Paths.get("bom.md"), in, CTX);
    String out = utf8(r.content());
    assertTrue(out.startsWith("\uFEFF<!-- === OmniNode:Metadata ===\n"), out);
    assertEquals(StampCheck.Status.OK, stamper.check(Paths.get("bom.md"), r.content()).status());
  }

  @Test
  void stamp_bareYamlBlock_loadsAsOneDocumentWithoutDuplicateKeys() {
    String body = "---\nitems:\n  - a\nenabled: true\n";
    String out = utf8(stamper.stamp(Paths.get("cfg.yaml"), bytes(body), CTX).content());
    LoaderOptions strict = new LoaderOptions();
    strict.setAllowDuplicateKeys(false);
    List<Object> docs = List.of(new Yaml(strict).loadAll(out).iterator().next());
    Map<?, ?> doc = (Map<?, ?>) docs.get(0);
    assertEquals(List.of("a"), doc.get("items"));
    assertEquals("cfg.yaml", doc.get("name"));
    assertEquals("2025-06-01T12:00:00.000000Z", doc.get("created_at"));
    assertTrue(out.startsWith("---\n# === OmniNode:Metadata ===\nmetadata_version: 0.1.0\n"), out);
  }

  @Test
  void stamp_yamlBodyWithBlockKey_usesCommentFormAndKeepsTheData() {
    String body = "name: pipeline\nversion: 3\n";
    String out = utf8(stamper.stamp(Paths.get("p.yml"), bytes(body), CTX).content());
    LoaderOptions strict = new LoaderOptions();
    strict.setAllowDuplicateKeys(false);
    Object before = new Yaml(strict).load(body);
    Object after = new Yaml(strict).load(out);
    assertEquals(before, after);
    assertTrue(out.contains("\n# hash: "), out);
    assertEquals(StampCheck.Status.OK, stamper.check(Paths.get("p.yml"), bytes(out)).status());
  }

  @Test
  void stamp_authorNeedingQuotes_isWrittenQuotedAndVerifies() {
    StampContext ctx = new StampContext(CTX.clock(), "O'Brien: Tools #1", CTX.uuids());
    String out = utf8(stamper.stamp(Paths.get("a.md"), bytes("x\n"), ctx).content());
    assertEquals("'O''Brien: Tools #1'", StampTesting.field(out, "author"));
    assertEquals(StampCheck.Status.OK, stamper.check(Paths.get("a.md"), bytes(out)).status());
  }

  @Test
  void context_multiLineAuthor_isRejectedWithCode() {
    OnexException e = assertThrows(OnexException.class,
        () -> new StampContext(CTX.clock(), "a\nb", CTX.uuids()));
    assertEquals("ONEX-M015", e.diagnostics().get(0).code());
    assertThrows(OnexException.class, () -> new StampContext(CTX.clock(), "  ", CTX.uuids()));
  }

  @Test
  void check_overSizeLimit_isUnsupportedAndStampRefuses() {
    byte[] big = new byte[Stamper.MAX_FILE_BYTES + 1];
    Arrays.fill(big, (byte) 'a');
    StampCheck c = stamper.check(Paths.get("big.md"), big);
    assertEquals(StampCheck.Status.UNSUPPORTED, c.status());
    assertEquals("ONEX-M011", c.diagnostics().get(0).code());
    OnexException e = assertThrows(OnexException.class, () -> stamper.stamp(Paths.get("big.md"), big, CTX));
    assertEquals("ONEX-M011", e.diagnostics().get(0).code());
  }

  @Test
  void check_exactlyAtSizeLimit_isAccepted() {
    byte[] max = new byte[Stamper.MAX_FILE_BYTES];
    Arrays.fill(max, (byte) 'a');
    assertEquals(StampCheck.Status.MISSING, stamper.check(Paths.get("max.md"), max).status());
  }

  @Test
  void check_kindsByNameAndShebang() {
    Map<String, StampCheck.Status> cases = Map.of(
        "a.MARKDOWN", StampCheck.Status.MISSING, "b.mdc", StampCheck.Status.MISSING,
        "c.yml", StampCheck.Status.MISSING, "d.bash", StampCheck.Status.MISSING,
        "Makefile", StampCheck.Status.UNSUPPORTED, ".onexignore", StampCheck.Status.UNSUPPORTED,
        "e.json", StampCheck.Status.UNSUPPORTED, "NODE.ONEX.YAML", StampCheck.Status.UNSUPPORTED);
    cases.forEach((name, status) ->
        assertEquals(status, stamper.check(Paths.get(name), bytes("x: 1\n")).status(), name));
    assertEquals(StampCheck.Status.MISSING,
        stamper.check(Paths.get("tool"), bytes("#!/bin/bash\necho\n")).status());
    assertEquals(StampCheck.Status.MISSING,
        stamper.check(Paths.get("tool"), bytes("#!/usr/bin/env sh\necho\n")).status());
    assertEquals(StampCheck.Status.UNSUPPORTED,
        stamper.check(Paths.get("tool"), bytes("#!/usr/bin/python3\nprint()\n")).status());
  }

  @Test
  void check_missing_hintNamesTheFile() {
    StampCheck c = stamper.check(Paths.get("docs/guide.md"), bytes("# Guide\n"));
    assertEquals(StampCheck.Status.MISSING, c.status());
    assertEquals("run: onex stamp docs/guide.md", c.diagnostics().get(0).hint());
  }

  @Test
  void check_nodeMetadataFile_pointsToHashLock() {
    StampCheck c = stamper.check(Paths.get("nodes/x/node.onex.yaml"), bytes("name: x\n"));
    assertEquals(StampCheck.Status.UNSUPPORTED, c.status());
    assertEquals("ONEX-M010", c.diagnostics().get(0).code());
    assertTrue(c.diagnostics().get(0).hint().contains("hash lock"));
  }

  @Test
  void check_everyTruncationOfStampedFiles_returnsAStatusAndStampNeverThrowsRaw() {
    for (String name : List.of("t.md", "t.py", "t.yaml", "t.java")) {
      byte[] full = stamper.stamp(Paths.get(name), bytes("#!/x\nbody: 1\n"), CTX).content();
      for (int cut = 0; cut <= full.length; cut++) {
        byte[] part = Arrays.copyOf(full, cut);
        assertNotNull(stamper.check(Paths.get(name), part).status());
        try {
          StampResult r = stamper.stamp(Paths.get(name), part, CTX);
          assertEquals(StampCheck.Status.OK, stamper.check(Paths.get(name), r.content()).status());
        } catch (OnexException expected) {
          assertTrue(expected.diagnostics().stream().allMatch(d -> d.code().startsWith("ONEX-M")));
        }
      }
    }
  }

  @Test
  void errorCodes_uniqueWellFormedAndDocumented() throws Exception {
    String doc = Files.readString(Paths.get("").toAbsolutePath().getParent()
        .resolve("docs/errors/stamp.md"));
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (StampError e : StampError.values()) {
      assertTrue(e.id().matches("ONEX-M\\d{3}"), e.id());
      assertTrue(ids.add(e.id()), "duplicate " + e.id());
      assertTrue(doc.contains("| `" + e.id() + "` |"), e.id() + " not in docs/errors/stamp.md");
      assertTrue(doc.contains(e.title().replace("`", "")) || doc.contains(e.title()), e.title());
      assertTrue(!e.hint().isBlank(), e.id());
    }
  }

  @Test
  void stampResult_contentIsACopy() {
    StampResult r = stamper.stamp(Paths.get("c.md"), bytes("x\n"), CTX);
    byte[] a = r.content();
    a[0] = 'Z';
    assertNotEquals('Z', r.content()[0]);
  }
}
