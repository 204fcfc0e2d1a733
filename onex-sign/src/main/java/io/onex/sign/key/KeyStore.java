package io.onex.sign.key;

import io.onex.core.diag.OnexException;
import io.onex.sign.SignError;
import io.onex.sign.internal.Fail;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ed25519 keys in a directory outside the repository ({@code docs/formats/signing.md}).
 *
 * <p>Layout: {@code <id>.pub} (public key JSON) for every key, {@code <id>.key} (private key
 * JSON) for keys generated here; {@code <id>} is the key id. Invariants: the directory is
 * created with mode 0700 and every file is written with mode 0600, through a temporary file and
 * an atomic rename; a private key file that group or others may access is refused
 * ({@code ONEX-G002}) before a byte of it is read; every key id is recomputed from the key
 * bytes and must match the file name. On file systems without POSIX permissions the modes are
 * neither set nor checked.
 */
public final class KeyStore {
  private static final String PUB = ".pub";
  private static final String KEY = ".key";
  private static final Set<PosixFilePermission> OWNER_RW =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private final Path dir;
  private final boolean posix;

  private KeyStore(Path dir, boolean posix) {
    this.dir = dir;
    this.posix = posix;
  }

  /**
   * Opens the key store in {@code directory}, creating it (mode 0700) if it does not exist.
   *
   * @throws OnexException {@code ONEX-G001} if it cannot be created or is not a directory
   */
  public static KeyStore open(Path directory) {
    Objects.requireNonNull(directory, "directory");
    Path dir = directory.toAbsolutePath().normalize();
    try {
      if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(dir);
        if (posixView(dir)) {
          Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
      }
      if (!Files.isDirectory(dir)) {
        throw Fail.of(SignError.KEY_STORE_IO, dir.toString(), "", "the key store is not a directory");
      }
      return new KeyStore(dir, posixView(dir));
    } catch (IOException e) {
      throw io(dir, "cannot create the key store", e);
    }
  }

  /**
   * As {@link #open(Path)}, and refuses a directory inside {@code repositoryRoot} (a git
   * working tree), where a private key could be committed.
   *
   * @throws OnexException {@code ONEX-G007} if {@code directory} is inside the repository
   */
  public static KeyStore open(Path directory, Path repositoryRoot) {
    Path dir = canonical(directory);
    Path repo = canonical(repositoryRoot);
    if (dir.startsWith(repo)) {
      throw Fail.of(SignError.KEY_STORE_IN_REPOSITORY, directory.toString(), "",
          "the key store " + dir + " is inside the repository " + repo);
    }
    return open(directory);
  }

  public Path directory() {
    return dir;
  }

  /** Generates a key, writes {@code <id>.key} and {@code <id>.pub}, and returns its entry. */
  public KeyInfo generate(String label, SecureRandom random, Clock clock) {
    SigningKey key = SigningKey.generate(random);
    Optional<String> lbl = Optional.ofNullable(label).filter(l -> !l.isEmpty());
    Optional<String> created = Optional.of(clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    writeAtomically(file(key.id(), KEY), KeyCodec.privateJson(key, lbl, created));
    writeAtomically(file(key.id(), PUB), KeyCodec.publicJson(key.publicKey(), lbl, created));
    return new KeyInfo(key.id(), VerifyingKey.ED25519, true, lbl, created);
  }

  /** Every key in the store, by key id. */
  public List<KeyInfo> list() {
    TreeMap<KeyId, KeyInfo> out = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (name.endsWith(PUB) && KeyId.isWellFormed(stem(name))) {
          KeyCodec.Parsed p = readPublic(new KeyId(stem(name)));
          boolean priv = Files.exists(file(p.key().id(), KEY), LinkOption.NOFOLLOW_LINKS);
          out.put(p.key().id(), new KeyInfo(p.key().id(), p.key().algorithm(), priv, p.label(), p.createdAt()));
        } else if (name.endsWith(KEY) && KeyId.isWellFormed(stem(name))
            && !Files.exists(file(new KeyId(stem(name)), PUB), LinkOption.NOFOLLOW_LINKS)) {
          KeyCodec.ParsedPrivate p = readPrivate(new KeyId(stem(name)));
          out.put(p.key().id(), new KeyInfo(p.key().id(), VerifyingKey.ED25519, true, p.label(), p.createdAt()));
        }
      }
    } catch (IOException e) {
      throw io(dir, "cannot list the key store", e);
    }
    return List.copyOf(out.values());
  }

  /**
   * The key whose id is {@code idOrPrefix} or starts with it (at least 8 hex digits).
   *
   * @throws OnexException {@code ONEX-G008} for a malformed id, {@code ONEX-G003} if no key
   *     matches, {@code ONEX-G006} if several do
   */
  public KeyId resolve(String idOrPrefix) {
    if (idOrPrefix == null || !idOrPrefix.matches("[0-9a-f]{8,64}")) {
      throw Fail.of(SignError.INVALID_KEY_ID, "", "", "\"" + idOrPrefix + "\" is not a key id or a prefix of 8 or more lowercase hex digits");
    }
    List<KeyId> hits = list().stream().map(KeyInfo::id).filter(id -> id.hex().startsWith(idOrPrefix)).toList();
    if (hits.isEmpty()) {
      throw Fail.of(SignError.KEY_NOT_FOUND, dir.toString(), "", "no key " + idOrPrefix + " in the key store");
    }
    if (hits.size() > 1) {
      throw Fail.of(SignError.AMBIGUOUS_KEY_ID, dir.toString(), "", idOrPrefix + " matches " + hits.size() + " keys");
    }
    return hits.get(0);
  }

  /**
   * The private key {@code id}.
   *
   * @throws OnexException {@code ONEX-G003} if absent, {@code ONEX-G002} if the file is
   *     accessible to group or others, {@code ONEX-G004}/{@code G005} if it is damaged
   */
  public SigningKey signingKey(KeyId id) {
    return readPrivate(id).key();
  }

  /** The public key {@code id}. */
  public VerifyingKey publicKey(KeyId id) {
    if (!Files.exists(file(id, PUB), LinkOption.NOFOLLOW_LINKS) && Files.exists(file(id, KEY), LinkOption.NOFOLLOW_LINKS)) {
      return readPrivate(id).key().publicKey();
    }
    return readPublic(id).key();
  }

  /** The public key {@code id} in {@code format}, ready to hand to others. */
  public String exportPublicKey(KeyId id, PublicKeyFormat format) {
    if (format == PublicKeyFormat.PEM) {
      return KeyCodec.publicPem(publicKey(id));
    }
    KeyCodec.Parsed p = Files.exists(file(id, PUB), LinkOption.NOFOLLOW_LINKS)
        ? readPublic(id)
        : new KeyCodec.Parsed(publicKey(id), Optional.empty(), Optional.empty());
    return new String(KeyCodec.publicJson(p.key(), p.label(), p.createdAt()), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Imports a public key given as {@code onex-public-key-v1} JSON or PEM; importing a key that
   * is already present changes nothing. A {@code key_id} in the text must match the key bytes.
   *
   * @param origin where the text came from, for diagnostics
   * @throws OnexException {@code ONEX-G004}, {@code G005}, {@code G009} or {@code G022..G025}
   */
  public KeyInfo importPublicKey(byte[] text, String origin) {
    KeyCodec.Parsed p = KeyCodec.parsePublic(text, origin);
    KeyId id = p.key().id();
    if (!Files.exists(file(id, PUB), LinkOption.NOFOLLOW_LINKS)) {
      writeAtomically(file(id, PUB), KeyCodec.publicJson(p.key(), p.label(), p.createdAt()));
    }
    return list().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
  }

  private KeyCodec.Parsed readPublic(KeyId id) {
    Path f = file(id, PUB);
    KeyCodec.Parsed p = KeyCodec.parsePublic(read(f, false), f.toString());
    requireName(p.key().id(), id, f);
    return p;
  }

  private KeyCodec.ParsedPrivate readPrivate(KeyId id) {
    Path f = file(id, KEY);
    KeyCodec.ParsedPrivate p = KeyCodec.parsePrivate(read(f, true), f.toString());
    requireName(p.key().id(), id, f);
    return p;
  }

  private static void requireName(KeyId actual, KeyId named, Path f) {
    if (!actual.equals(named)) {
      throw Fail.of(SignError.KEY_ID_MISMATCH, f.toString(), "",
          "the file is named after key " + named.hex() + " but holds key " + actual.hex());
    }
  }

  /** Reads a key file: a regular file (not a link), at most 64 KiB, private ones owner-only. */
  private byte[] read(Path f, boolean secret) {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException e) {
      throw Fail.of(SignError.KEY_NOT_FOUND, f.toString(), "", "no such key file");
    } catch (IOException e) {
      throw io(f, "cannot read the key file", e);
    }
    if (!attrs.isRegularFile() || attrs.size() > KeyCodec.MAX_FILE_BYTES) {
      throw Fail.of(SignError.KEY_FILE_MALFORMED, f.toString(), "",
          attrs.isRegularFile() ? "the key file is larger than 64 KiB" : "the key file is not a regular file");
    }
    try {
      if (secret && posix) {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(f, LinkOption.NOFOLLOW_LINKS);
        if (perms.stream().anyMatch(NOT_OWNER::contains)) {
          throw Fail.of(SignError.PRIVATE_KEY_EXPOSED, f.toString(), "",
              "the private key file has mode " + PosixFilePermissions.toString(perms) + "; it must be rw------- (0600)",
              "Run `chmod 600 " + f + "`; if others could read it, treat the key as compromised: revoke it"
                  + " in the trust root and generate a new one.");
        }
      }
      try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
        return in.readNBytes((int) KeyCodec.MAX_FILE_BYTES + 1);
      }
    } catch (IOException e) {
      throw io(f, "cannot read the key file", e);
    }
  }

  private void writeAtomically(Path target, byte[] content) {
    Path tmp = null;
    try {
      tmp = posix
          ? Files.createTempFile(dir, ".tmp-", ".part", PosixFilePermissions.asFileAttribute(OWNER_RW))
          : Files.createTempFile(dir, ".tmp-", ".part");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(java.nio.ByteBuffer.wrap(content));
        ch.force(true);
      }
      if (posix) {
        Files.setPosixFilePermissions(tmp, OWNER_RW);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw io(target, "cannot write the key file", e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the temporary file is harmless: it holds nothing a later write needs
        }
      }
    }
  }

  private Path file(KeyId id, String suffix) {
    return dir.resolve(id.hex() + suffix);
  }

  private static String stem(String name) {
    return name.substring(0, name.lastIndexOf('.'));
  }

  private static boolean posixView(Path p) throws IOException {
    return Files.getFileStore(p).supportsFileAttributeView(PosixFileAttributeView.class);
  }

  /** The real path of {@code p}, or of its nearest existing ancestor joined with the rest. */
  private static Path canonical(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    try {
      return existing == null ? abs : existing.toRealPath().resolve(existing.relativize(abs));
    } catch (IOException e) {
      return abs;
    }
  }

  private static OnexException io(Path p, String what, IOException e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    return Fail.of(SignError.KEY_STORE_IO, p.toString(), "", what + " (" + why + ")");
  }
}
