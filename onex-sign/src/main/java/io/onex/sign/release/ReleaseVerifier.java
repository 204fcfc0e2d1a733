package io.onex.sign.release;

import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import io.onex.sign.SignError;
import io.onex.sign.dsse.DsseResult;
import io.onex.sign.dsse.DsseVerifier;
import io.onex.sign.dsse.Envelope;
import io.onex.sign.key.KeyId;
import io.onex.sign.key.TrustedKeys;
import io.onex.sign.key.VerifyingKey;
import io.onex.sign.trust.Revocation;
import io.onex.sign.trust.Role;
import io.onex.sign.trust.TrustChain;
import io.onex.sign.trust.TrustRoot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies a chain of release envelopes against a verified {@link TrustChain}, without git
 * (the repository-object checks are in {@code io.onex.git.release}).
 *
 * <p>Per release: payload type {@value ReleaseStatement#PAYLOAD_TYPE}; canonical statement;
 * registry of the trust root; a trust root version the chain has; signed by a threshold of the
 * release role of that root version, where a key revoked (in that version or the latest) counts
 * only on releases up to its checkpoint. Across the chain: sequence numbers 1, 2, 3... in ref
 * order (a repeated or skipped number is a replay), each {@code previous} the digest of its
 * predecessor's payload. Against the local state: the latest sequence is not below the last
 * verified one (rollback) and the release at the last verified sequence has the remembered
 * digest (fork). The latest release must not have expired. Stateless.
 */
public final class ReleaseVerifier {
  private ReleaseVerifier() {}

  /** One envelope of the chain and where it came from (file or ref commit), for messages. */
  public record Entry(String origin, byte[] envelopeBytes) {}

  /**
   * Verifies {@code chain} (oldest first).
   *
   * @param last what this clone verified before, if anything
   * @param now checks the latest release's expiry
   */
  public static ReleaseResult verify(List<Entry> chain, TrustChain trust, Optional<LastRelease> last, Instant now) {
    List<Diagnostic> problems = new ArrayList<>();
    List<ReleaseStatement> stmts = new ArrayList<>();
    List<String> digests = new ArrayList<>();
    for (int i = 0; i < chain.size(); i++) {
      Entry e = chain.get(i);
      try {
        Envelope env = Envelope.parse(e.envelopeBytes(), e.origin());
        ReleaseStatement s = statement(env, e.origin(), trust);
        String digest = ReleaseStatement.digest(env.payload());
        linkage(s, i, stmts, digests, e.origin(), problems);
        stmts.add(s);
        digests.add(digest);
      } catch (OnexException ex) {
        problems.addAll(ex.diagnostics());
        break;
      }
    }
    if (!problems.isEmpty()) {
      return new ReleaseResult(problems, stmts, digests);
    }
    if (stmts.isEmpty()) {
      problems.add(Diagnostic.error(SignError.RELEASE_NOT_FOUND, "", 0, 0, "", "there are no releases"));
      return new ReleaseResult(problems, stmts, digests);
    }
    last.ifPresent(l -> againstLast(l, stmts, digests, chain, problems));
    ReleaseStatement latest = stmts.get(stmts.size() - 1);
    if (!now.isBefore(latest.expires())) {
      problems.add(Diagnostic.error(SignError.RELEASE_EXPIRED, chain.get(chain.size() - 1).origin(), 0, 0, "/expires",
          "the latest release, sequence " + latest.sequence() + ", expired at " + latest.expires() + " (now " + now + ")"));
    }
    return new ReleaseResult(problems, stmts, digests);
  }

  /** Checks one envelope on its own and returns its statement. */
  static ReleaseStatement statement(Envelope env, String origin, TrustChain trust) {
    if (!env.payloadType().equals(ReleaseStatement.PAYLOAD_TYPE)) {
      throw fail(SignError.PAYLOAD_TYPE_MISMATCH, origin, "/payloadType", "payloadType is \"" + env.payloadType()
          + "\", a release has \"" + ReleaseStatement.PAYLOAD_TYPE + "\"");
    }
    ReleaseStatement s = ReleaseStatement.parse(env.payload(), origin);
    TrustRoot latest = trust.latest();
    if (!s.registry().equals(latest.registry())) {
      throw fail(SignError.RELEASE_OTHER_REGISTRY, origin, "/registry", "the release is for registry \"" + s.registry()
          + "\", this repository's trust root is for \"" + latest.registry() + "\"");
    }
    TrustRoot root = trust.version(s.trustRootVersion()).orElseThrow(() -> fail(SignError.TRUST_ROOT_NEWER, origin,
        "/trust_root_version", "release " + s.sequence() + " names trust root version " + s.trustRootVersion()
            + ", the chain ends at version " + latest.version()));
    requireSignatures(env, s, root, latest, origin);
    return s;
  }

  private static void requireSignatures(Envelope env, ReleaseStatement s, TrustRoot root, TrustRoot latest, String origin) {
    TrustedKeys allowed = allowed(root, latest, s.sequence());
    int threshold = root.threshold(Role.RELEASE);
    DsseResult r = DsseVerifier.verify(env, ReleaseStatement.PAYLOAD_TYPE, allowed, Math.min(threshold, Math.max(1, allowed.size())));
    if (r.ok() && r.counted().size() >= threshold) {
      return;
    }
    List<VerifyingKey> revokedKeys = new ArrayList<>(root.allKeysFor(Role.RELEASE).all());
    latest.revoked().keySet().forEach(id -> Optional.ofNullable(latest.keys().get(id)).ifPresent(revokedKeys::add));
    TrustedKeys withRevokedKeys = TrustedKeys.of(revokedKeys);
    DsseResult withRevoked = DsseVerifier.verify(env, ReleaseStatement.PAYLOAD_TYPE, withRevokedKeys,
        Math.min(threshold, withRevokedKeys.size()));
    String notes = r.notes().isEmpty() ? "" : " (" + String.join("; ", r.notes()) + ")";
    List<String> revoked = withRevoked.counted().stream().filter(k -> !r.counted().contains(k)).map(KeyId::shortForm).toList();
    if (withRevoked.ok() && !revoked.isEmpty() && withRevoked.counted().stream().anyMatch(k -> isRevoked(k, root, latest))) {
      throw fail(SignError.KEY_REVOKED, origin, "/signatures", "release " + s.sequence() + " counts only with revoked key(s) "
          + revoked + ", revoked at a checkpoint before this sequence" + notes);
    }
    throw fail(SignError.THRESHOLD_NOT_MET, origin, "/signatures", "release " + s.sequence() + " is signed by "
        + r.counted().size() + " of the " + threshold + " release keys needed (trust root version " + root.version() + ")" + notes);
  }

  /** The release keys of {@code root} minus those revoked (in it or in {@code latest}) before {@code sequence}. */
  private static TrustedKeys allowed(TrustRoot root, TrustRoot latest, long sequence) {
    List<VerifyingKey> out = new ArrayList<>();
    for (VerifyingKey k : root.allKeysFor(Role.RELEASE).all()) {
      if (counts(root.revoked().get(k.id()), sequence) && counts(latest.revoked().get(k.id()), sequence)) {
        out.add(k);
      }
    }
    return TrustedKeys.of(out);
  }

  private static boolean isRevoked(KeyId k, TrustRoot root, TrustRoot latest) {
    return root.revoked().containsKey(k) || latest.revoked().containsKey(k);
  }

  private static boolean counts(Revocation r, long sequence) {
    return r == null || sequence <= r.checkpoint();
  }

  private static void linkage(ReleaseStatement s, int index, List<ReleaseStatement> before, List<String> digests,
      String origin, List<Diagnostic> problems) {
    if (s.sequence() != index + 1) {
      throw fail(SignError.RELEASE_SEQUENCE, origin, "/sequence", "entry " + (index + 1) + " of the release ref holds sequence "
          + s.sequence() + (s.sequence() <= index ? ", an older release replayed" : ", skipping sequence " + (index + 1)));
    }
    if (index > 0 && s.trustRootVersion() < before.get(index - 1).trustRootVersion()) {
      throw fail(SignError.RELEASE_CHAIN_BROKEN, origin, "/trust_root_version", "release " + s.sequence() + " names trust root version "
          + s.trustRootVersion() + ", older than its predecessor's " + before.get(index - 1).trustRootVersion() + " (downgrade)");
    }
    if (index > 0 && !s.previous().orElse("").equals(digests.get(index - 1))) {
      throw fail(SignError.RELEASE_CHAIN_BROKEN, origin, "/previous", "release " + s.sequence() + " names previous "
          + s.previous().orElse("null") + ", but release " + before.get(index - 1).sequence() + " has digest " + digests.get(index - 1));
    }
  }

  private static void againstLast(LastRelease l, List<ReleaseStatement> stmts, List<String> digests, List<Entry> chain,
      List<Diagnostic> problems) {
    long latest = stmts.get(stmts.size() - 1).sequence();
    if (latest < l.sequence()) {
      problems.add(Diagnostic.error(SignError.RELEASE_ROLLBACK, chain.get(chain.size() - 1).origin(), 0, 0, "/sequence",
          "the release ref's latest release is sequence " + latest + ", but this clone already verified sequence "
              + l.sequence() + " (digest " + l.digest() + ")"));
      return;
    }
    String seen = digests.get((int) l.sequence() - 1);
    if (!seen.equals(l.digest())) {
      problems.add(Diagnostic.error(SignError.RELEASE_FORK, chain.get((int) l.sequence() - 1).origin(), 0, 0, "",
          "release " + l.sequence() + " now has digest " + seen + ", but this clone verified release " + l.sequence()
              + " with digest " + l.digest()));
    }
  }

  private static OnexException fail(SignError code, String file, String field, String message) {
    return new OnexException(Diagnostic.error(code, file, 0, 0, field, message));
  }
}
