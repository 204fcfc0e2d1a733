package io.onex.sign.dsse;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an envelope's {@code signatures}: the signature bytes and an optional
 * {@code keyid}, which is only a hint (verification recomputes key ids from key bytes).
 * Immutable.
 */
public final class DsseSignature {
  private final Optional<String> keyid;
  private final byte[] sig;

  public DsseSignature(Optional<String> keyid, byte[] sig) {
    this.keyid = Objects.requireNonNull(keyid, "keyid");
    this.sig = Objects.requireNonNull(sig, "sig").clone();
  }

  public Optional<String> keyid() {
    return keyid;
  }

  /** A copy of the signature bytes. */
  public byte[] sig() {
    return sig.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DsseSignature s && s.keyid.equals(keyid) && Arrays.equals(s.sig, sig);
  }

  @Override
  public int hashCode() {
    return keyid.hashCode() * 31 + Arrays.hashCode(sig);
  }

  @Override
  public String toString() {
    return "DsseSignature[keyid=" + keyid.orElse("-") + ", " + sig.length + " bytes]";
  }
}
