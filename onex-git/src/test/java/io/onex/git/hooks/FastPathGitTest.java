package io.onex.git.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.git.testing.GitFixtures;
import io.onex.git.testing.Nodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-commit fast path end to end (docs/formats/hooks.md "Fast path"): real git, the shipped
 * scripts, a launcher stub that logs every JVM start. A commit of node content the full path
 * verified before is decided in shell and later folded into a {@code cached} record; every
 * fall-back condition starts the JVM.
 */
class FastPathGitTest {
  static final Map<String, String> NO_BACKGROUND = Map.of("ONEX_HOOK_BACKGROUND", "0");
  @TempDir Path dir;
  GitHarness h;

  @BeforeEach
  void setUp() {
    h = new GitHarness(dir);
  }

  /** Node {@code a} (in {@code nodeDir}) committed in two versions through the full path; HEAD is version 2. */
  private Path verifiedTwice(Path repo, String nodeDir) throws IOException {
    Nodes.node(repo, nodeDir, "a", List.of(), false);
    GitFixtures.Run c1 = h.commitAll(repo, "a v1");
    assertEquals(0, c1.exitCode(), c1.stderr());
    Files.writeString(repo.resolve(nodeDir).resolve("state.schema.json"),
        "{\"type\": \"object\", \"properties\": {}, \"title\": \"v2\"}\n");
    GitFixtures.Run c2 = h.commitAll(repo, "a v2");
    assertEquals(0, c2.exitCode(), c2.stderr());
    return repo;
  }

  /** Stages the revert of HEAD (back to version 1) without committing. */
  private void stageRevert(Path repo) {
    h.ok(repo, "revert", "--no-commit", "HEAD");
  }

  private List<String> newLaunches(int before) {
    List<String> all = h.launches();
    return all.subList(before, all.size());
  }

  private GitFixtures.Run commit(Path repo, String message) {
    return h.gitWith(repo, NO_BACKGROUND, "commit", "-q", "-m", message);
  }

  private String notes(Path repo, String ref, String object) {
    GitFixtures.Run r = h.git(repo, "notes", "--ref=" + ref, "show", object);
    return r.exitCode() == 0 ? r.out() : "";
  }

  /** Stages the revert of HEAD, then {@code more}, commits and asserts the JVM's pre-commit ran. */
  private void assertFullPath(Path repo, String why, Runnable more) {
    assertFullPathAfter(repo, why, () -> {
      stageRevert(repo);
      more.run();
    });
  }

  private void assertFullPathAfter(Path repo, String why, Runnable stage) {
    String base = h.ok(repo, "rev-parse", "HEAD").trim();
    stage.run();
    int before = h.launches().size();
    GitFixtures.Run c = commit(repo, why);
    assertTrue(newLaunches(before).contains("hook pre-commit"), why + ": the full path must run; stderr: " + c.stderr()
        + " launches: " + newLaunches(before));
    h.ok(repo, "reset", "-q", "--hard", base);
  }

  @Test
  void revertToVerifiedContent_commitsWithoutJvmAndFoldsACachedRecord() throws Exception {
    Path repo = verifiedTwice(h.repo("r"), "a");
    String v1Blob = h.ok(repo, "rev-parse", "HEAD~1:a/node.onex.yaml").trim();
    String producer = notes(repo, "onex/records", v1Blob);
    assertTrue(producer.contains("\"status\":\"success\""), producer);
    stageRevert(repo);
    int before = h.launches().size();
    GitFixtures.Run c = commit(repo, "revert to v1");
    assertEquals(0, c.exitCode(), c.stderr());
    assertEquals(List.of(), newLaunches(before), "no JVM for a verified node");
    assertTrue(c.stderr().contains("served from the cache"), c.stderr());
    assertEquals(v1Blob, h.ok(repo, "rev-parse", "HEAD:a/node.onex.yaml").trim());
    assertEquals("", notes(repo, "onex/commits", "HEAD"), "not folded yet");

    GitFixtures.Run fold = h.gitLauncher(repo, "hook", "post-commit");
    assertEquals(0, fold.exitCode(), fold.stderr());
    String records = notes(repo, "onex/records", v1Blob);
    String cached = records.lines().filter(l -> l.contains("\"status\":\"cached\"")).findFirst().orElse("");
    String producerId = producer.lines().filter(l -> l.contains("\"status\":\"success\"")).findFirst().orElseThrow()
        .replaceAll(".*\"record_id\":\"([^\"]+)\".*", "$1");
    assertTrue(cached.contains("\"cached_from\":\"" + producerId + "\""), records);
    assertTrue(cached.contains("\"executor\":\"cache\""), cached);
    String summary = notes(repo, "onex/commits", "HEAD");
    assertTrue(summary.contains("\"node\":\"t.a\"") && summary.contains("\"status\":\"cached\""), summary);
    try (Stream<Path> s = Files.list(repo.resolve(".git/onex/pending"))) {
      assertEquals(List.of(), s.toList(), "the hand-over files are consumed");
    }
    GitFixtures.Run again = h.gitLauncher(repo, "hook", "post-commit");
    assertEquals(0, again.exitCode(), again.stderr());
    assertEquals(records, notes(repo, "onex/records", v1Blob), "a second fold adds nothing");
  }

  @Test
  void commitsSharingATree_eachGetTheirOwnCachedSummary() throws Exception {
    Path repo = verifiedTwice(h.repo("r"), "a");
    int before = h.launches().size();
    for (int i = 0; i < 3; i++) { // v1, v2, v1 again: HEAD and HEAD~2 have the same tree
      stageRevert(repo);
      GitFixtures.Run c = commit(repo, "flip " + i);
      assertEquals(0, c.exitCode(), c.stderr());
    }
    assertEquals(List.of(), newLaunches(before));
    assertEquals(h.ok(repo, "rev-parse", "HEAD^{tree}"), h.ok(repo, "rev-parse", "HEAD~2^{tree}"));
    h.extraEnv.put("ONEX_TEST_KILL", "post-commit");
    h.gitLauncher(repo, "hook", "post-commit"); // a fold killed at once
    h.extraEnv.remove("ONEX_TEST_KILL");
    try (Stream<Path> s = Files.list(repo.resolve(".git/onex/pending"))) {
      assertEquals(3, s.filter(p -> p.toString().endsWith(".cached")).count(), "the hand-overs survive the kill");
    }
    assertEquals(0, h.gitLauncher(repo, "hook", "post-commit").exitCode());
    for (String c : List.of("HEAD", "HEAD~1", "HEAD~2")) {
      String s = notes(repo, "onex/commits", c);
      assertEquals(1, s.lines().filter(l -> l.contains("\"status\":\"cached\"")).count(), c + ": " + s);
    }
  }

  @Test
  void noOpCommit_startsNoJvm_andRepositoryWithoutConfigToo() throws Exception {
    Path repo = verifiedTwice(h.repo("r"), "a");
    int before = h.launches().size();
    Files.writeString(repo.resolve("README.md"), "docs\n");
    h.ok(repo, "add", "README.md");
    assertEquals(0, commit(repo, "docs").exitCode());
    Path plain = GitFixtures.init(dir.resolve("plain"));
    h.install(plain);
    Files.writeString(plain.resolve("x.txt"), "x\n");
    h.ok(plain, "add", "x.txt");
    GitFixtures.Run c = commit(plain, "x");
    assertEquals(0, c.exitCode(), c.stderr());
    assertEquals(List.of(), newLaunches(before));
  }

  @Test
  void fallBacks_dependentsParentsTreeDeletionRenameConfigAndSigning() throws Exception {
    Path repo = h.repo("r");
    Nodes.node(repo, "b", "b", List.of(), false);
    assertEquals(0, h.commitAll(repo, "b").exitCode());
    verifiedTwice(repo, "a");
    assertFullPath(repo, "changed .tree", () -> {
      append(repo.resolve(".tree"), "\n");
      h.ok(repo, "add", ".tree");
    });
    assertFullPath(repo, "staged config change", () -> {
      append(repo.resolve(".onex-store/config.yaml"), "# note\n");
      h.ok(repo, "add", ".onex-store/config.yaml");
    });
    assertFullPath(repo, "node deleted", () -> h.ok(repo, "rm", "-r", "-q", "--cached", "b"));
    assertFullPath(repo, "node renamed", () -> h.ok(repo, "mv", "a", "a2"));

    Path dep = verifiedTwice(h.repo("dep"), "a");
    Nodes.node(dep, "b", "b", List.of("a"), false);
    assertEquals(0, h.commitAll(dep, "b depends on a").exitCode());
    verifyAgain(dep);
    assertFullPath(dep, "a node with a dependent", () -> { });

    Path comp = verifiedTwice(h.repo("comp"), "a");
    Nodes.composite(comp, "c", "c", List.of("a"));
    assertEquals(0, h.commitAll(comp, "c runs a").exitCode());
    verifyAgain(comp);
    assertFullPath(comp, "a node with a composite parent", () -> { });
  }

  /** Flips node a back and forth through the full path, so both versions are verified in the current graph. */
  private void verifyAgain(Path repo) {
    for (int i = 0; i < 2; i++) {
      stageRevert(repo);
      h.ok(repo, "commit", "-q", "-m", "flip " + i);
    }
  }

  @Test
  void fallBack_signaturesEnforcedAtPreCommit() throws Exception {
    Path repo = h.repo("r");
    Files.writeString(repo.resolve(".onex-store/config.yaml"),
        Files.readString(repo.resolve(".onex-store/config.yaml")) + "signing:\n  enforce: pre-commit\n");
    assertEquals(0, h.commitAll(repo, "policy").exitCode());
    verifiedTwice(repo, "a");
    assertFullPath(repo, "signing.enforce: pre-commit", () -> { });
  }

  @Test
  void fallBack_unknownNamespaceMissingTruncatedGarbledOrPlantedList() throws Exception {
    Path repo = verifiedTwice(h.repo("r"), "a");
    Path verified = repo.resolve(".git/onex/verified");
    Map<Path, byte[]> good = lists(verified);

    FileTime t = Files.getLastModifiedTime(h.launcher);
    Files.setLastModifiedTime(h.launcher, FileTime.fromMillis(t.toMillis() + 86_400_000L));
    assertFullPath(repo, "the launcher changed: unknown namespace", () -> { });
    Files.setLastModifiedTime(h.launcher, t);

    rewrite(good, b -> java.util.Arrays.copyOf(b, b.length - 1));
    assertFullPath(repo, "a list truncated inside its last line", () -> { });
    rewrite(good, b -> java.util.Arrays.copyOf(b, b.length - 20));
    assertFullPath(repo, "a list truncated in the middle of an id", () -> { });
    rewrite(good, b -> new String(b, StandardCharsets.UTF_8).replaceFirst("\n([0-9a-f]{40}) ", "\n$1 ZZ! ")
        .getBytes(StandardCharsets.UTF_8));
    assertFullPath(repo, "a garbled line", () -> { });
    rewrite(good, b -> ("onex.verified/1 0000\n" + new String(b, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    assertFullPath(repo, "a header naming another namespace", () -> { });
    rewrite(good, b -> b);
    assertFastPath(repo, "the intact lists serve the revert");

    // the real list gone; a copy of the verified directory committed into the repository
    // and planted in the working tree is never read
    for (Path planted : List.of(repo.resolve("onex/verified"), repo.resolve(".onex-store/verified"))) {
      Files.createDirectories(planted);
      for (Map.Entry<Path, byte[]> e : good.entrySet()) {
        Files.write(planted.resolve(e.getKey().getFileName()), e.getValue());
      }
      Files.copy(verified.resolve("inputs"), planted.resolve("inputs"));
    }
    h.ok(repo, "add", "-f", "onex", ".onex-store/verified");
    h.ok(repo, "commit", "-q", "--no-verify", "-m", "planted lists");
    Files.createDirectories(repo.resolve("a/onex/verified"));
    for (Map.Entry<Path, byte[]> e : good.entrySet()) {
      Files.write(repo.resolve("a/onex/verified").resolve(e.getKey().getFileName()), e.getValue());
      Files.delete(e.getKey());
    }
    assertFullPathAfter(repo, "no list in the git directory", () -> h.ok(repo, "revert", "--no-commit", "HEAD~1"));
  }

  @Test
  void linkedWorktreeHooksPathSubdirectoryAndUnusualNames_useTheFastPath() throws Exception {
    h.extraEnv.put("LC_ALL", "C.UTF-8"); // the JVM's file names follow the locale
    Path repo = GitFixtures.init(dir.resolve("r"));
    Nodes.init(repo);
    h.ok(repo, "add", "-A");
    GitFixtures.commit(repo, "init");
    h.ok(repo, "config", "core.hooksPath", dir.resolve("my hooks").toString());
    h.install(repo);
    verifiedTwice(repo, "nöde dir/ä b");
    Path wt = dir.resolve("wt two");
    h.ok(repo, "worktree", "add", "-q", "-b", "other", wt.toString());
    Files.createDirectories(wt.resolve("sub"));
    h.ok(wt, "revert", "--no-commit", "HEAD");
    int before = h.launches().size();
    GitFixtures.Run c = h.gitWith(wt.resolve("sub"), NO_BACKGROUND, "commit", "-q", "-m", "revert in a worktree");
    assertEquals(0, c.exitCode(), c.stderr());
    assertEquals(List.of(), newLaunches(before), "served from the list in the common git directory: " + c.stderr());
    assertEquals(0, h.gitLauncher(wt, "hook", "post-commit").exitCode());
    String summary = notes(wt, "onex/commits", "HEAD");
    assertTrue(summary.contains("\"status\":\"cached\""), summary);
  }

  @Test
  void underThePreCommitFramework_theFastPathStartsNoJvm() throws Exception {
    boolean framework = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(d -> Files.isExecutable(Path.of(d.isEmpty() ? "." : d, "pre-commit")));
    org.junit.jupiter.api.Assumptions.assumeTrue(framework, "the pre-commit framework is not installed");
    Path repo = verifiedTwice(h.repo("r"), "a");
    HookInstaller.uninstall(repo, h.env());
    Path scripts = Files.createDirectories(dir.resolve("scripts"));
    StringBuilder cfg = new StringBuilder("repos:\n- repo: local\n  hooks:\n");
    for (String name : List.of("pre-commit", "post-commit")) {
      Path f = scripts.resolve(name);
      Files.writeString(f, HookInstaller.script(name, java.util.Optional.empty()));
      Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      cfg.append("  - {id: onex-").append(name).append(", name: onex ").append(name).append(", entry: '").append(f)
          .append("', language: system, pass_filenames: false, always_run: true, stages: [")
          .append(name.equals("pre-commit") ? "commit" : name).append("]}\n");
    }
    Files.writeString(repo.resolve(".pre-commit-config.yaml"), cfg.toString());
    h.ok(repo, "add", ".pre-commit-config.yaml");
    h.ok(repo, "commit", "-q", "--no-verify", "-m", "framework");
    Map<String, String> env = new java.util.HashMap<>(h.env());
    env.putAll(NO_BACKGROUND);
    GitFixtures.Run install = runIn(repo, env, "pre-commit", "install", "-t", "pre-commit", "-t", "post-commit");
    assertEquals(0, install.exitCode(), install.stderr());
    h.ok(repo, "revert", "--no-commit", "HEAD~1");
    int before = h.launches().size();
    GitFixtures.Run c = commit(repo, "revert under the framework");
    assertEquals(0, c.exitCode(), c.stderr() + c.out());
    assertEquals(List.of(), newLaunches(before), c.stderr() + c.out());
    assertEquals(h.ok(repo, "rev-parse", "HEAD~3:a").trim(), h.ok(repo, "rev-parse", "HEAD:a").trim());
    try (Stream<Path> s = Files.list(repo.resolve(".git/onex/pending"))) {
      assertEquals(1, s.filter(p -> p.toString().endsWith(".cached")).count(), "the hand-over for the fold");
    }
  }

  private static GitFixtures.Run runIn(Path dir, Map<String, String> env, String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    p.waitFor();
    return new GitFixtures.Run(p.exitValue(), out, new String(out, StandardCharsets.UTF_8));
  }

  private void assertFastPath(Path repo, String why) {
    String base = h.ok(repo, "rev-parse", "HEAD").trim();
    stageRevert(repo);
    int before = h.launches().size();
    GitFixtures.Run c = commit(repo, why);
    assertEquals(0, c.exitCode(), c.stderr());
    assertEquals(List.of(), newLaunches(before), why + ": " + c.stderr());
    h.ok(repo, "reset", "-q", "--hard", base);
  }

  /** The verified lists and their bytes. */
  private static Map<Path, byte[]> lists(Path verified) throws IOException {
    try (Stream<Path> s = Files.list(verified)) {
      Map<Path, byte[]> out = new java.util.TreeMap<>();
      for (Path p : s.filter(p -> Verified.validTree(p.getFileName().toString())).toList()) {
        out.put(p, Files.readAllBytes(p));
      }
      assertFalse(out.isEmpty(), "the full path wrote lists");
      return out;
    }
  }

  private static void rewrite(Map<Path, byte[]> good, java.util.function.UnaryOperator<byte[]> f) throws IOException {
    for (Map.Entry<Path, byte[]> e : good.entrySet()) {
      Files.write(e.getKey(), f.apply(e.getValue()));
    }
  }

  private static void append(Path f, String text) {
    try {
      Files.writeString(f, Files.readString(f) + text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
