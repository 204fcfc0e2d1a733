package io.onex.exec.sandbox;

import static io.onex.exec.sandbox.SandboxTesting.run;
import static io.onex.exec.sandbox.SandboxTesting.sh;
import static io.onex.exec.sandbox.SandboxTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.exec.sandbox.SandboxResult.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The working directory: a copy of the node, symlink rules, isolation and cleanup. */
class SandboxFilesTest {
  @TempDir Path tmp;
  Path base;
  Path node;

  @BeforeEach
  void setUp() throws IOException {
    base = Files.createDirectory(tmp.resolve("base"));
    node = tmp.resolve("repo").resolve("node");
    write(node.resolve("data.txt"), "original\n");
    write(node.resolve("sub/inner.txt"), "inner\n");
  }

  @Test
  void run_nodeSeesItsFilesInAFreshWorkDirectory() throws IOException {
    write(node.resolve("bin/run.sh"), "#!/bin/sh\npwd\ncat data.txt sub/inner.txt\n");
    Files.setPosixFilePermissions(node.resolve("bin/run.sh"),
        PosixFilePermissions.fromString("rwxr-xr-x"));
    SandboxResult r = run(SandboxSpec.of(List.of("bin/run.sh"), node).withTempBase(base));
    assertEquals(Status.OK, r.status(), r.toString() + r.stderrText());
    String[] lines = r.stdoutText().split("\n");
    assertTrue(lines[0].startsWith(base.toString() + "/onex-sandbox-"), lines[0]);
    assertTrue(lines[0].endsWith("/work"), lines[0]);
    assertEquals("original", lines[1]);
    assertEquals("inner", lines[2]);
  }

  @Test
  void run_writesThroughTheSandboxNeverReachTheNode() throws IOException {
    Map<String, String> before = snapshot(tmp.resolve("repo"));
    String script = "echo changed > data.txt; echo x > ../escape.txt; echo y > sub/inner.txt;"
        + " rm sub/inner.txt; mkdir -p locked/deep; echo z > locked/deep/f;"
        + " chmod 000 locked/deep/f; chmod 500 locked/deep locked; chmod 400 data.txt;"
        + " echo t > \"$TMPDIR/t\"; echo h > \"$HOME/h\"; cat data.txt";
    SandboxResult r = run(sh(base, node, script));
    assertEquals(Status.OK, r.status(), r.toString() + r.stderrText());
    assertEquals("changed\n", r.stdoutText());
    assertEquals(before, snapshot(tmp.resolve("repo")));
    assertFalse(Files.exists(tmp.resolve("repo/escape.txt")));
  }

  @Test
  void run_symlinkToEtcPasswd_isRefused() throws IOException {
    Files.createSymbolicLink(node.resolve("passwd"), Path.of("/etc/passwd"));
    SandboxResult r = run(sh(base, node, "echo ran"));
    assertEquals(Status.START_FAILED, r.status());
    assertEquals("ONEX-E006", r.error().code());
    assertEquals(node.resolve("passwd").toString(), r.error().file());
    assertTrue(r.error().message().contains("'passwd' -> '/etc/passwd'"), r.error().message());
    assertTrue(r.error().message().contains("points outside the node"), r.error().message());
    assertEquals(0, r.stdout().length);
    assertNull(r.exitCode());
  }

  @Test
  void run_relativeSymlinkLeavingTheNode_isRefused() throws IOException {
    write(tmp.resolve("repo/secret.txt"), "secret\n");
    Files.createSymbolicLink(node.resolve("sub/up"), Path.of("../../secret.txt"));
    SandboxResult r = run(sh(base, node, "echo ran"));
    assertEquals("ONEX-E006", r.error().code());
  }

  @Test
  void run_danglingSymlink_isRefused() throws IOException {
    Files.createSymbolicLink(node.resolve("gone"), Path.of("missing.txt"));
    SandboxResult r = run(sh(base, node, "echo ran"));
    assertEquals("ONEX-E006", r.error().code());
    assertTrue(r.error().message().contains("dangling"), r.error().message());
  }

  @Test
  void run_symlinkToFileInsideNode_isCopiedAsRegularFile() throws IOException {
    Files.createSymbolicLink(node.resolve("alias.txt"), Path.of("data.txt"));
    Files.createSymbolicLink(node.resolve("sub/up.txt"), Path.of("../data.txt"));
    SandboxResult r = run(sh(base, node,
        "test -L alias.txt || test -L sub/up.txt && echo link; cat alias.txt sub/up.txt"));
    assertEquals(Status.OK, r.status(), r.toString());
    assertEquals("original\noriginal\n", r.stdoutText());
  }

  @Test
  void run_symlinkToDirectoryInsideNode_isRefused() throws IOException {
    Files.createSymbolicLink(node.resolve("dirlink"), Path.of("sub"));
    SandboxResult r = run(sh(base, node, "echo ran"));
    assertEquals("ONEX-E007", r.error().code());
  }

  @Test
  void run_fifoInNode_isRefused() throws Exception {
    Process mkfifo = new ProcessBuilder("mkfifo", node.resolve("pipe").toString()).start();
    assertEquals(0, mkfifo.waitFor());
    SandboxResult r = run(sh(base, node, "echo ran"));
    assertEquals("ONEX-E007", r.error().code());
  }

  @Test
  void run_missingNodeDirectory_isRefused() {
    SandboxResult r = run(sh(base, tmp.resolve("nope"), "echo ran"));
    assertEquals(Status.START_FAILED, r.status());
    assertEquals("ONEX-E008", r.error().code());
  }

  @Test
  void run_nodeDirectoryIsAFile_isRefused() {
    SandboxResult r = run(sh(base, node.resolve("data.txt"), "echo ran"));
    assertEquals("ONEX-E008", r.error().code());
    assertTrue(r.error().message().contains("not a directory"), r.error().message());
  }

  @Test
  void run_missingTempBase_isWorkdirFailed() {
    SandboxResult r = Sandbox.run(sh(tmp.resolve("no-base"), node, "echo ran"));
    assertEquals(Status.START_FAILED, r.status());
    assertEquals("ONEX-E009", r.error().code());
    assertFalse(Files.exists(tmp.resolve("no-base")));
  }

  @Test
  void run_notExecutableScript_isStartFailed() throws IOException {
    write(node.resolve("run.sh"), "#!/bin/sh\necho hi\n");
    SandboxResult r = run(SandboxSpec.of(List.of("./run.sh"), node).withTempBase(base));
    assertEquals(Status.START_FAILED, r.status());
    assertTrue(r.error().message().contains("not executable"), r.error().message());
  }

  @Test
  void run_scriptWithMissingInterpreter_isStartFailed() throws IOException {
    script("abs.sh", "#!/nonexistent/interpreter -x\necho hi\n");
    script("rel.sh", "#!nonexistent-interpreter\necho hi\n");
    for (Path setsid : new Path[] {Sandbox.findSetsid(), null}) {
      SandboxResult abs = run(SandboxSpec.of(List.of("./abs.sh"), node).withTempBase(base),
          setsid);
      assertEquals(Status.START_FAILED, abs.status(), abs + abs.stderrText());
      assertEquals("ONEX-E001", abs.error().code());
      assertTrue(abs.error().message().contains(
          "the interpreter /nonexistent/interpreter on the #! line of abs.sh does not exist"),
          abs.error().message());
      SandboxResult rel = run(SandboxSpec.of(List.of("./rel.sh"), node).withTempBase(base),
          setsid);
      assertEquals(Status.START_FAILED, rel.status(), rel + rel.stderrText());
      assertEquals("ONEX-E001", rel.error().code());
      assertNull(rel.exitCode());
      assertTrue(rel.error().message().contains("rel.sh"), rel.error().message());
    }
  }

  private void script(String name, String content) throws IOException {
    write(node.resolve(name), content);
    Files.setPosixFilePermissions(node.resolve(name), PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void delete_removesReadOnlyTreesWithoutFollowingSymlinks() throws Exception {
    Path outside = Files.createDirectory(tmp.resolve("outside"));
    write(outside.resolve("keep.txt"), "keep");
    Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("r-xr-xr-x"));
    WorkDir dir = WorkDir.create(base);
    Path ro = Files.createDirectories(dir.work().resolve("a/b"));
    write(ro.resolve("f.txt"), "x");
    Files.createSymbolicLink(dir.work().resolve("link"), outside);
    Files.setPosixFilePermissions(ro.resolve("f.txt"), PosixFilePermissions.fromString("---------"));
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("---------"));
    Files.setPosixFilePermissions(ro.getParent(), PosixFilePermissions.fromString("r-x------"));
    assertTrue(dir.delete().isEmpty());
    assertFalse(Files.exists(dir.root()));
    assertEquals("r-xr-xr-x",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(outside)));
    assertEquals("keep", Files.readString(outside.resolve("keep.txt")));
    Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** Every path under {@code dir} with its content (files) or "dir", and its permissions. */
  private static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        out.put(dir.relativize(p).toString(), perms + " " + (Files.isDirectory(p) ? "dir"
            : new String(Files.readAllBytes(p), StandardCharsets.UTF_8)));
      }
    }
    return out;
  }
}
