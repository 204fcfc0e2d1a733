package io.onex.sign.trust;

import io.onex.core.diag.OnexException;
import io.onex.core.hash.Sha256;
import io.onex.sign.SignError;
import io.onex.sign.dsse.DsseResult;
import io.onex.sign.dsse.DsseVerifier;
import io.onex.sign.dsse.Envelope;
import io.onex.sign.internal.Fail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A verified chain of trust root versions 1..N ({@code docs/formats/trust-root.md}).
 *
 * <p>Rules, each failing closed with its own code: version 1's envelope file has the pinned
 * SHA-256 (no trust on first use) and is signed by a threshold of its own root keys; version
 * N+1 is signed by a threshold of version N's unrevoked root keys AND by a threshold of its own;
 * versions are contiguous from 1 (none skipped); every version keeps the registry id; the
 * latest version has not expired. Earlier versions may have expired: they only vouch for their
 * successor. Immutable once built.
 */
public final class TrustChain {
  /** File name of version N in the trust directory: {@code root-N.json}. */
  public static final Pattern FILE = Pattern.compile("root-([1-9][0-9]{0,8})\\.json");

  private final List<TrustRoot> versions;
  private final String pin;

  private TrustChain(List<TrustRoot> versions, String pin) {
    this.versions = List.copyOf(versions);
    this.pin = pin;
  }

  /** One root envelope file: its name (for messages) and exact bytes. */
  public record RootFile(String name, long version, byte[] bytes) {}

  /** The name of version {@code n}'s file. */
  public static String fileName(long n) {
    return "root-" + n + ".json";
  }

  /** The SHA-256 (hex) that pins a version-1 envelope file. */
  public static String pinOf(byte[] rootFileBytes) {
    return Sha256.hex(rootFileBytes);
  }

  /** Reads every {@code root-N.json} of {@code dir}, in version order. */
  public static List<RootFile> read(Path dir) {
    TreeMap<Long, RootFile> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      throw Fail.of(SignError.ROOT_MISSING, dir.toString(), "", "there is no trust directory " + dir);
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        String name = p.getFileName().toString();
        Matcher m = FILE.matcher(name);
        if (m.matches()) {
          long v = Long.parseLong(m.group(1));
          out.put(v, new RootFile(p.toString(), v, Files.readAllBytes(p)));
        } else if (name.startsWith("root-")) {
          throw Fail.of(SignError.ROOT_MALFORMED, p.toString(), "", "a root file is named root-<version>.json, version without leading zeros");
        }
      }
    } catch (IOException e) {
      throw Fail.of(SignError.ROOT_MALFORMED, dir.toString(), "", "cannot read the trust directory: " + e.getMessage());
    }
    return List.copyOf(out.values());
  }

  /**
   * Loads and verifies the chain in {@code dir}.
   *
   * @param pinnedSha256 the SHA-256 of version 1's envelope file, from a trusted channel
   * @param now the time the latest version must not have reached its expiry
   * @throws OnexException with the code of the first broken rule
   */
  public static TrustChain load(Path dir, String pinnedSha256, Instant now) {
    return verify(read(dir), pinnedSha256, now);
  }

  /** Verifies root files given in memory (see {@link #load}). */
  public static TrustChain verify(List<RootFile> files, String pinnedSha256, Instant now) {
    if (pinnedSha256 == null || pinnedSha256.isEmpty()) {
      throw Fail.of(SignError.ROOT_PIN_MISSING, "", "", "no pinned SHA-256 for trust root version 1");
    }
    if (files.isEmpty()) {
      throw Fail.of(SignError.ROOT_MISSING, "", "", "the trust directory holds no root-N.json");
    }
    checkPin(files, pinnedSha256);
    List<TrustRoot> chain = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      RootFile f = files.get(i);
      if (f.version() != i + 1) {
        throw Fail.of(SignError.ROOT_VERSION_GAP, f.name(), "", "root version " + f.version()
            + " follows version " + i + ": version " + (i + 1) + " is missing (versions cannot be skipped)");
      }
      Envelope env = Envelope.parse(f.bytes(), f.name());
      TrustRoot root = payload(env, f);
      requireSigned(env, root, f, SignError.ROOT_NOT_SIGNED_BY_ITSELF, "its own");
      if (i > 0) {
        TrustRoot prev = chain.get(i - 1);
        requireSigned(env, prev, f, SignError.ROOT_NOT_SIGNED_BY_PREVIOUS, "version " + prev.version() + "'s");
        if (!prev.registry().equals(root.registry())) {
          throw Fail.of(SignError.ROOT_REGISTRY_CHANGED, f.name(), "/registry", "registry \"" + root.registry()
              + "\" differs from version " + prev.version() + "'s \"" + prev.registry() + "\"");
        }
      }
      chain.add(root);
    }
    TrustRoot latest = chain.get(chain.size() - 1);
    if (latest.isExpired(now)) {
      throw Fail.of(SignError.ROOT_EXPIRED, files.get(files.size() - 1).name(), "/expires", "trust root version "
          + latest.version() + " expired at " + latest.expires() + " (now " + now + "); nothing is verified against it");
    }
    return new TrustChain(chain, pinnedSha256);
  }

  private static void checkPin(List<RootFile> files, String pin) {
    if (pinOf(files.get(0).bytes()).equals(pin) && files.get(0).version() == 1) {
      return;
    }
    for (RootFile f : files) {
      if (pinOf(f.bytes()).equals(pin)) {
        throw Fail.of(SignError.ROOT_FIRST_NOT_VERSION_1, f.name(), "", "the pinned SHA-256 is that of version " + f.version());
      }
    }
    RootFile first = files.get(0);
    throw Fail.of(SignError.ROOT_PIN_MISMATCH, first.name(), "", "the SHA-256 of " + first.name() + " is "
        + pinOf(first.bytes()) + ", not the pinned " + pin);
  }

  private static TrustRoot payload(Envelope env, RootFile f) {
    if (!env.payloadType().equals(TrustRoot.PAYLOAD_TYPE)) {
      throw Fail.of(SignError.PAYLOAD_TYPE_MISMATCH, f.name(), "/payloadType", "payloadType is \""
          + env.payloadType() + "\", a trust root has \"" + TrustRoot.PAYLOAD_TYPE + "\"");
    }
    TrustRoot root = TrustRoot.parse(env.payload(), f.name());
    if (root.version() != f.version()) {
      throw Fail.of(SignError.ROOT_MALFORMED, f.name(), "/version", "the file is named for version " + f.version()
          + " but holds version " + root.version());
    }
    return root;
  }

  private static void requireSigned(Envelope env, TrustRoot by, RootFile f, SignError code, String whose) {
    DsseResult r = DsseVerifier.verify(env, TrustRoot.PAYLOAD_TYPE, by.keysFor(Role.ROOT), by.threshold(Role.ROOT));
    if (!r.ok()) {
      String notes = r.notes().isEmpty() ? "" : " (" + String.join("; ", r.notes()) + ")";
      throw Fail.of(code, f.name(), "/signatures", "root version " + f.version() + " is signed by " + r.counted().size()
          + " of " + whose + " root keys, " + by.threshold(Role.ROOT) + " needed: " + r.detail() + notes);
    }
  }

  /** Versions 1..N, oldest first. */
  public List<TrustRoot> versions() {
    return versions;
  }

  public TrustRoot latest() {
    return versions.get(versions.size() - 1);
  }

  /** Version {@code v}, if the chain has it. */
  public Optional<TrustRoot> version(long v) {
    return v >= 1 && v <= versions.size() ? Optional.of(versions.get((int) v - 1)) : Optional.empty();
  }

  /** The pin this chain was verified with. */
  public String pin() {
    return pin;
  }
}
