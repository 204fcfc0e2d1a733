package io.onex.git.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onex.git.testing.GitFixtures;
import io.onex.git.testing.Nodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The direct java line and its CDS archive with real git: hooks started without any launcher,
 * then with the archive deleted, damaged, the jar changed, and the jar gone (fallback).
 */
class HookJvmGitTest {
  @TempDir Path dir;
  GitHarness h;
  Path jar;
  HookJvm.Command cmd;

  @BeforeEach
  void setUp() throws IOException {
    h = new GitHarness(dir);
    jar = dir.resolve("bin/onex-test.jar");
    writeJar(jar, "v1");
    cmd = new HookJvm.Command(Path.of(System.getProperty("java.home"), "bin", "java"), List.of(jar),
        Optional.of("io.onex.git.testing.HookMain"));
  }

  /**
   * One unsigned jar of everything on the test class path (class directories and jars, with
   * HookMain), like the shaded CLI jar: CDS skips classes of signed jars (and JDK 17 may crash
   * dumping around them).
   */
  private static void writeJar(Path jar, String marker) throws IOException {
    Files.createDirectories(jar.getParent());
    java.util.jar.Manifest mf = new java.util.jar.Manifest();
    mf.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
    mf.getMainAttributes().put(java.util.jar.Attributes.Name.MULTI_RELEASE, "true");
    java.util.Set<String> seen = new java.util.HashSet<>(List.of("META-INF/", "META-INF/MANIFEST.MF"));
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
      for (String e : System.getProperty("java.class.path").split(":")) {
        Path root = Path.of(e);
        if (!Files.isDirectory(root)) {
          continue;
        }
        try (Stream<Path> s = Files.walk(root)) {
          for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
            String name = root.relativize(f).toString();
            if (seen.add(name)) {
              out.putNextEntry(new JarEntry(name));
              Files.copy(f, out);
              out.closeEntry();
            }
          }
        }
      }
      for (String e : System.getProperty("java.class.path").split(":")) {
        if (!e.endsWith(".jar") || !Files.isRegularFile(Path.of(e))) {
          continue;
        }
        try (java.util.jar.JarFile in = new java.util.jar.JarFile(e)) {
          for (JarEntry en : java.util.Collections.list(in.entries())) {
            String name = en.getName();
            if (en.isDirectory() || name.matches("META-INF/[^/]*\\.(SF|RSA|DSA|EC)") || !seen.add(name)) {
              continue;
            }
            out.putNextEntry(new JarEntry(name));
            in.getInputStream(en).transferTo(out);
            out.closeEntry();
          }
        }
      }
      out.putNextEntry(new JarEntry("marker.txt"));
      out.write(marker.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.closeEntry();
    }
  }

  /** git without ONEX_LAUNCHER: the hooks must find the java line themselves. */
  private GitFixtures.Run git(Path repo, String... args) {
    Map<String, String> env = h.env();
    env.remove("ONEX_LAUNCHER");
    return GitFixtures.runWith(repo, null, env, args);
  }

  private GitFixtures.Run commitNode(Path repo, String name) {
    Nodes.node(repo, name, name, List.of(), false);
    Nodes.stamp(repo);
    assertEquals(0, git(repo, "add", "-A").exitCode());
    return git(repo, "commit", "-q", "-m", name);
  }

  private static Path archive(Path repo) throws IOException {
    try (Stream<Path> s = Files.list(repo.resolve(".git/onex/cds"))) {
      return s.filter(p -> p.getFileName().toString().matches("onex-[0-9a-f]{16}\\.jsa")).findFirst().orElseThrow();
    }
  }

  @Test
  void install_writesJavaLineAndArchive_hooksRunWithoutLauncherAndSurviveArchiveAndJarChanges() throws IOException {
    Path repo = h.repo("r");
    Map<String, String> env = h.env();
    env.remove("ONEX_LAUNCHER");
    HookInstaller.Report r = HookInstaller.install(repo, env, Optional.of(h.launcher.toString()), Optional.of(cmd));
    Path log = repo.resolve(".git/onex/cds/training.log");
    assertTrue(r.lines().stream().anyMatch(l -> l.startsWith("made the class-data-sharing archive")),
        r.lines() + "\n" + (Files.exists(log) ? String.join("\n", Files.readString(log).lines().filter(l -> !l.contains("Signed JAR")).toList()) : ""));
    Path wrapper = repo.resolve(".git/onex/" + HookJvm.WRAPPER);
    Path jsa = archive(repo);
    String text = Files.readString(wrapper);
    assertTrue(Files.isExecutable(wrapper) && text.contains(jsa.toString()) && text.contains("-Xshare:auto"), text);
    int launches = h.launches().size();

    GitFixtures.Run withCds = commitNode(repo, "a");
    assertEquals(0, withCds.exitCode(), withCds.stderr());
    assertTrue(withCds.stderr().contains("1 test case(s) passed"), withCds.stderr());
    assertEquals(launches, h.launches().size(), "the java line ran, not the launcher: " + h.launches());

    byte[] whole = Files.readAllBytes(jsa);
    Files.write(jsa, java.util.Arrays.copyOf(whole, 1_000_000));
    Files.writeString(wrapper, text.replaceAll("\nsize=[0-9]+\n", "\nsize=1000000\n"));
    GitFixtures.Run truncated = commitNode(repo, "t");
    assertEquals(0, truncated.exitCode(), "a JVM that dies on the archive is rerun without it: " + truncated.stderr());
    assertTrue(Files.exists(Path.of(jsa + ".broken")) && !Files.exists(jsa), "the archive was set aside");
    Files.write(jsa, whole);
    Files.writeString(wrapper, text);

    Files.write(jsa, new byte[] {1, 2, 3});
    GitFixtures.Run damaged = commitNode(repo, "b");
    assertEquals(0, damaged.exitCode(), damaged.stderr());
    assertTrue(damaged.stderr().contains("1 test case(s) passed"), damaged.stderr());

    Files.delete(jsa);
    GitFixtures.Run missing = commitNode(repo, "c");
    assertEquals(0, missing.exitCode(), missing.stderr());
    assertTrue(missing.stderr().contains("1 test case(s) passed"), missing.stderr());

    HookInstaller.install(repo, env, Optional.of(h.launcher.toString()), Optional.of(cmd));
    Path again = archive(repo);
    writeJar(jar, "v2");
    GitFixtures.Run rebuilt = commitNode(repo, "d");
    assertEquals(0, rebuilt.exitCode(), rebuilt.stderr());
    assertFalse(rebuilt.stderr().contains("cds") || rebuilt.stdout().length > 0,
        "a stale archive is ignored silently: " + rebuilt.stderr());
    assertEquals(launches, h.launches().size(), "still no launcher: " + h.launches());
    assertTrue(Files.exists(again), "the JVM left the stale archive alone");

    Files.delete(jar);
    GitFixtures.Run fallback = commitNode(repo, "e");
    assertEquals(0, fallback.exitCode(), fallback.stderr());
    assertEquals("hook pre-commit", h.launches().get(launches), "the jar is gone: the installed launcher ran");
  }

  @Test
  void uninstall_removesJavaLineAndArchives() throws IOException {
    Path repo = h.repo("r");
    HookInstaller.install(repo, h.env(), Optional.of(h.launcher.toString()), Optional.of(cmd));
    assertTrue(Files.exists(repo.resolve(".git/onex/" + HookJvm.WRAPPER)));
    HookInstaller.uninstall(repo, h.env());
    assertFalse(Files.exists(repo.resolve(".git/onex/" + HookJvm.WRAPPER)));
    assertFalse(Files.exists(repo.resolve(".git/onex/cds")));
  }

  @Test
  void wrapper_classDirectoryGetsNoArchive() throws IOException {
    HookJvm.Command dirs = new HookJvm.Command(cmd.java(), List.of(Path.of("target/classes")), Optional.of("x.Main"));
    assertEquals(Optional.empty(), HookJvm.key(dirs));
    String text = HookJvm.wrapper(dirs, Optional.empty());
    assertFalse(text.contains("SharedArchiveFile"), text);
    assertTrue(text.startsWith("#!/bin/sh\n") && text.contains("exit " + HookJvm.FALL_BACK), text);
    assertTrue(text.contains("[ -x \"$java\" ]") && text.contains("exec \"$java\" -XX:TieredStopAtLevel=1"), text);
  }
}
