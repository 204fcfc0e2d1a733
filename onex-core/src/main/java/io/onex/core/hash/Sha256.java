package io.onex.core.hash;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 as lowercase hex, the form every ONEX hash takes. Streams are read in 64 KiB
 * chunks, so a large file is never held in memory whole.
 */
public final class Sha256 {
  private static final int BUFFER = 64 * 1024;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Sha256() {}

  /** A fresh SHA-256 digest (every Java platform has one). */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the Java platform lacks SHA-256", e);
    }
  }

  /** The lowercase hex SHA-256 of {@code bytes}. */
  public static String hex(byte[] bytes) {
    return toHex(newDigest().digest(bytes));
  }

  /**
   * The lowercase hex SHA-256 of everything {@code in} yields; the stream is read to its end
   * but not closed.
   *
   * @throws IOException as thrown by {@code in}; the caller knows which file it was
   */
  public static String hex(InputStream in) throws IOException {
    MessageDigest md = newDigest();
    byte[] buf = new byte[BUFFER];
    int n;
    while ((n = in.read(buf)) != -1) {
      md.update(buf, 0, n);
    }
    return toHex(md.digest());
  }

  /**
   * The lowercase hex SHA-256 of the content of {@code file} (a symbolic link is not
   * followed: it is refused).
   *
   * @throws OnexException {@code ONEX-H011} if the file cannot be read
   */
  public static String hex(Path file) {
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      return hex(in);
    } catch (IOException e) {
      throw new OnexException(Diagnostic.error(
          HashError.READ_FAILED, file.toString(), 0, 0, "", "cannot read: " + describe(e)));
    }
  }

  /** Lowercase hex of {@code bytes}. */
  public static String toHex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[bytes[i] & 0xF];
    }
    return new String(out);
  }

  static String describe(IOException e) {
    String kind = e.getClass().getSimpleName();
    return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
  }
}
