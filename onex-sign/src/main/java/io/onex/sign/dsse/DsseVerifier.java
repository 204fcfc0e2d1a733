package io.onex.sign.dsse;

import io.onex.sign.key.KeyId;
import io.onex.sign.key.TrustedKeys;
import io.onex.sign.key.VerifyingKey;
import io.onex.sign.verify.VerifyResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Threshold verification of a DSSE envelope against a set of trusted keys.
 *
 * <p>Counting rules ({@code docs/formats/signing.md}): the payload type must equal the expected
 * one; each signature is tried first with the trusted key its {@code keyid} hint names (if
 * any), then with every other trusted key not yet counted, and counts for the first key that
 * verifies it; the result is the number of DISTINCT keys (by key id, computed from the bytes)
 * that verified at least one signature. So the same key under two keyids counts once, a
 * duplicated signature counts once, a hint naming another key does not make that key count,
 * and keys of an unsupported algorithm never count. Stateless and thread-safe.
 */
public final class DsseVerifier {
  private DsseVerifier() {}

  /**
   * Verifies {@code envelope}.
   *
   * @param expectedPayloadType the payload type the caller is prepared to interpret
   * @param keys the trusted keys (for example one role's keys in the trust root)
   * @param threshold how many distinct keys must have signed, 1 to {@code keys.size()}
   */
  public static DsseResult verify(Envelope envelope, String expectedPayloadType, TrustedKeys keys, int threshold) {
    if (threshold < 1 || threshold > keys.size()) {
      return failure(DsseReason.INVALID_THRESHOLD, List.of(), threshold, List.of(),
          "threshold " + threshold + " is not between 1 and the " + keys.size() + " trusted keys");
    }
    if (!envelope.payloadType().equals(expectedPayloadType)) {
      return failure(DsseReason.WRONG_PAYLOAD_TYPE, List.of(), threshold, List.of(),
          "payloadType is \"" + envelope.payloadType() + "\", expected \"" + expectedPayloadType + "\"");
    }
    byte[] pae = envelope.pae();
    Set<KeyId> counted = new LinkedHashSet<>();
    List<String> notes = new ArrayList<>();
    List<byte[]> seen = new ArrayList<>();
    List<DsseSignature> sigs = envelope.signatures();
    for (int i = 0; i < sigs.size(); i++) {
      byte[] sig = sigs.get(i).sig();
      if (seen.stream().anyMatch(s -> Arrays.equals(s, sig))) {
        notes.add("signature " + i + " repeats an earlier signature");
        continue;
      }
      seen.add(sig);
      Optional<KeyId> by = verifiedBy(sigs.get(i), sig, pae, keys, counted);
      if (by.isPresent()) {
        counted.add(by.get());
      } else {
        notes.add("signature " + i + why(sigs.get(i), sig, pae, keys, counted));
      }
    }
    if (counted.size() >= threshold) {
      return new DsseResult(DsseReason.OK, List.copyOf(counted), threshold, notes, "");
    }
    return failure(DsseReason.THRESHOLD_NOT_MET, List.copyOf(counted), threshold, notes,
        counted.size() + " of the required " + threshold + " trusted keys signed \"" + envelope.payloadType() + "\"");
  }

  /** The first trusted, not yet counted key that verifies {@code sig}, the hinted key first. */
  private static Optional<KeyId> verifiedBy(DsseSignature s, byte[] sig, byte[] pae, TrustedKeys keys, Set<KeyId> counted) {
    Optional<VerifyingKey> hinted = s.keyid().flatMap(keys::findHint);
    if (hinted.isPresent() && !counted.contains(hinted.get().id()) && hinted.get().verify(pae, sig).ok()) {
      return Optional.of(hinted.get().id());
    }
    for (VerifyingKey k : keys.supported()) {
      if (!counted.contains(k.id()) && !(hinted.isPresent() && hinted.get().equals(k)) && k.verify(pae, sig).ok()) {
        return Optional.of(k.id());
      }
    }
    return Optional.empty();
  }

  /** Why a signature did not count, for the notes. */
  private static String why(DsseSignature s, byte[] sig, byte[] pae, TrustedKeys keys, Set<KeyId> counted) {
    Optional<VerifyingKey> hinted = s.keyid().flatMap(keys::findHint);
    if (hinted.isPresent()) {
      if (counted.contains(hinted.get().id())) {
        return " is another signature by key " + hinted.get().id().shortForm() + ", which already counted";
      }
      VerifyResult r = hinted.get().verify(pae, sig);
      return " does not verify with key " + hinted.get().id().shortForm() + ": " + r.detail();
    }
    String hint = s.keyid().map(k -> " (keyid \"" + k + "\" names no trusted key)").orElse("");
    return " verifies with no trusted key that has not counted already" + hint;
  }

  private static DsseResult failure(DsseReason reason, List<KeyId> counted, int threshold, List<String> notes, String detail) {
    return new DsseResult(reason, counted, threshold, notes, detail);
  }
}
