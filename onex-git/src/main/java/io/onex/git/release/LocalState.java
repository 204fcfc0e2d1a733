package io.onex.git.release;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.sign.SignError;
import io.onex.sign.release.LastRelease;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;

/**
 * What this clone remembers outside any ref, under {@code <git common dir>/onex/}:
 * {@value #LAST_RELEASE} (the last verified release, {@link LastRelease}) and
 * {@value #ROOT_PIN} (the SHA-256 of trust root version 1, one line of hex). Neither is ever
 * pushed or fetched.
 */
public final class LocalState {
  /** File of the last verified release. */
  public static final String LAST_RELEASE = "last-release";
  /** File of the pinned version-1 trust root digest. */
  public static final String ROOT_PIN = "root-sha256";

  private LocalState() {}

  static Path dir(Repository repo) {
    return repo.getCommonDirectory().toPath().resolve("onex");
  }

  public static Optional<LastRelease> lastRelease(Repository repo) {
    Path f = dir(repo).resolve(LAST_RELEASE);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    return Optional.of(LastRelease.parse(read(f), f.toString()));
  }

  public static void saveLastRelease(Repository repo, LastRelease state) {
    write(dir(repo).resolve(LAST_RELEASE), state.toBytes());
  }

  public static Optional<String> rootPin(Repository repo) {
    Path f = dir(repo).resolve(ROOT_PIN);
    return Files.isRegularFile(f) ? Optional.of(new String(read(f), StandardCharsets.US_ASCII).strip()) : Optional.empty();
  }

  public static void saveRootPin(Repository repo, String sha256) {
    write(dir(repo).resolve(ROOT_PIN), (sha256 + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] read(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (IOException e) {
      throw io(f, e);
    }
  }

  private static void write(Path f, byte[] bytes) {
    try {
      Files.createDirectories(f.getParent());
      Path tmp = Files.createTempFile(f.getParent(), "." + f.getFileName(), ".tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw io(f, e);
    }
  }

  private static OnexException io(Path f, IOException e) {
    return new OnexException(Diagnostic.error(SignError.RELEASE_STATE_IO, f.toString(), 0, 0, "",
        "cannot read or write " + f + ": " + e.getMessage()));
  }
}
