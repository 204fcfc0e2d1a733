package io.onex.sign.trust;

import io.onex.sign.SignError;
import io.onex.sign.dsse.Envelope;
import io.onex.sign.internal.Fail;
import io.onex.sign.key.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes trust root versions into the trust directory ({@code .onex-store/trust/}). A version
 * file is written once ({@code CREATE_NEW}) and never replaced.
 */
public final class TrustFiles {
  private TrustFiles() {}

  /** The envelope (canonical JSON and a newline) of {@code root} signed by every key. */
  public static byte[] envelope(TrustRoot root, List<SigningKey> keys) {
    return Envelope.sign(TrustRoot.PAYLOAD_TYPE, root.toPayload(), keys).toJson();
  }

  /**
   * Writes {@code root} as {@code root-<version>.json} in {@code dir}, signed by {@code keys}.
   *
   * @return the file's bytes (for version 1, {@link TrustChain#pinOf} gives the pin)
   * @throws io.onex.core.diag.OnexException {@code ONEX-G074} if that version exists,
   *     {@code ONEX-G071} if it cannot be written
   */
  public static byte[] write(Path dir, TrustRoot root, List<SigningKey> keys) {
    byte[] bytes = envelope(root, keys);
    Path f = dir.resolve(TrustChain.fileName(root.version()));
    try {
      Files.createDirectories(dir);
      Files.write(f, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw Fail.of(SignError.ROOT_VERSION_DUPLICATE, f.toString(), "", "trust root version " + root.version() + " already exists");
    } catch (IOException e) {
      throw Fail.of(SignError.ROOT_MALFORMED, f.toString(), "", "cannot write the trust root: " + e.getMessage());
    }
    return bytes;
  }
}
