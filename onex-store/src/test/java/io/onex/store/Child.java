package io.onex.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A {@link StoreChildMain} process: same java, same class path, stdout as lines. */
final class Child implements AutoCloseable {
  final Process process;
  final BufferedReader out;
  final Path err;

  private Child(Process process, Path err) {
    this.process = process;
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.err = err;
  }

  static Child start(Path errFile, String... args) throws IOException {
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // MapDB's lz4 unpacks a native library into java.io.tmpdir and a killed child leaves it
    // there (shared/FACTS.md trap 3): keep it inside the test's own temporary directory
    Path childTmp = errFile.resolveSibling("java-tmp");
    Files.createDirectories(childTmp);
    List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-Djava.io.tmpdir=" + childTmp, "-cp", System.getProperty("java.class.path"), StoreChildMain.class.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(errFile.toFile()).start();
    return new Child(p, errFile);
  }

  /** The next stdout line; fails with the child's stderr when the child ended instead. */
  String line() throws IOException {
    String l = out.readLine();
    if (l == null) {
      throw new AssertionError("child ended early: " + stderr());
    }
    return l;
  }

  /** Every remaining stdout line, up to the end of the child's output. */
  List<String> rest() throws IOException {
    List<String> lines = new ArrayList<>();
    for (String l; (l = out.readLine()) != null; ) {
      lines.add(l);
    }
    return lines;
  }

  String stderr() throws IOException {
    return Files.exists(err) ? Files.readString(err) : "";
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
