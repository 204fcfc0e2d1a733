package io.onex.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the files a generator node (the scaffold) put in its output state:
 * {@code {"directory": "<name>", "files": [{"path", "content" | "content_base64", "executable"}]}}
 * into {@code <parent>/<directory>/}. Everything is checked before anything is written: the
 * directory must not exist, paths must be relative, without {@code ..}, {@code .git} or
 * backslashes, unique, and at most 1,000 files of 16 MiB. Files are written to a staging
 * directory that is renamed into place, so a failure leaves nothing half-written.
 */
final class GeneratedNodeWriter {
  private static final Pattern DIR = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final int MAX_FILES = 1000;
  private static final int MAX_BYTES = 16 << 20;

  private GeneratedNodeWriter() {}

  static Path write(Path parent, JsonNode output) {
    String dirName = output.path("directory").asText("");
    if (!DIR.matcher(dirName).matches()) {
      throw bad("directory", "the output's directory '" + dirName + "' is not a node name");
    }
    Path target = parent.resolve(dirName);
    if (Files.exists(target)) {
      throw new OnexException(Diagnostic.error(ProjectError.NODE_EXISTS, target.toString(), 0, 0, "directory",
          target + " already exists; generated files are never written over existing ones"));
    }
    JsonNode files = output.path("files");
    if (!files.isArray() || files.size() == 0 || files.size() > MAX_FILES) {
      throw bad("files", "the output has no files list (or more than " + MAX_FILES + " files)");
    }
    List<String> seen = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      JsonNode f = files.get(i);
      String path = f.path("path").asText("");
      if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.chars().anyMatch(c -> c < 0x20)
          || List.of(path.split("/")).stream().anyMatch(s -> s.isEmpty() || s.equals("..") || s.equals(".") || s.equals(".git"))
          || seen.contains(path)) {
        throw bad("files[" + i + "].path", "unsafe or duplicate path '" + path + "'");
      }
      seen.add(path);
      byte[] bytes = f.has("content_base64") ? Base64.getDecoder().decode(f.get("content_base64").asText())
          : f.path("content").asText("").getBytes(StandardCharsets.UTF_8);
      if (bytes.length > MAX_BYTES) {
        throw bad("files[" + i + "]", path + " is larger than 16 MiB");
      }
      contents.add(bytes);
    }
    try {
      Files.createDirectories(parent);
      Path staging = Files.createTempDirectory(parent, "." + dirName + ".onex-new-");
      for (int i = 0; i < seen.size(); i++) {
        Path p = staging.resolve(seen.get(i));
        Files.createDirectories(p.getParent());
        Files.write(p, contents.get(i));
        if (files.get(i).path("executable").asBoolean(false)) {
          NodeScaffold.makeExecutable(p);
        }
      }
      Files.move(staging, target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  private static OnexException bad(String field, String message) {
    return new OnexException(Diagnostic.error(ProjectError.BAD_GENERATED_OUTPUT, "", 0, 0, field, message));
  }
}
