package io.onex.sign;

import io.onex.core.diag.ErrorCode;

/**
 * Error codes of {@code onex-sign}: keys, Ed25519 verification, DSSE envelopes, node signature
 * blocks and the trust root. Ids are stable: a new situation gets a new constant.
 * {@code docs/errors/sign.md} lists them.
 */
public enum SignError implements ErrorCode {
  KEY_STORE_IO(
      "ONEX-G001",
      "cannot read or write the key store",
      "Check that the key store directory exists, belongs to you and is readable and writable"
          + " (chmod 700 <dir>), then run the command again."),
  PRIVATE_KEY_EXPOSED(
      "ONEX-G002",
      "private key file is readable by group or others",
      "Restrict the file to its owner (chmod 600 <file>); if others could read it, treat the"
          + " key as compromised: revoke it in the trust root and generate a new one."),
  KEY_NOT_FOUND(
      "ONEX-G003",
      "no such key in the key store",
      "List the keys with `onex keys list`, or generate (`onex keys generate`) or import"
          + " (`onex keys import <file>`) the key first."),
  KEY_FILE_MALFORMED(
      "ONEX-G004",
      "key file is not a valid ONEX key file",
      "Export the key again (`onex keys export <id>`); a key file is the JSON or PEM form"
          + " described in docs/formats/signing.md."),
  KEY_ID_MISMATCH(
      "ONEX-G005",
      "key id written in a file does not match the key bytes",
      "A key id is the SHA-256 of the 32 public key bytes: drop the stated id or correct it;"
          + " if you did not edit the file, it has been tampered with or corrupted."),
  AMBIGUOUS_KEY_ID(
      "ONEX-G006",
      "key id prefix matches more than one key",
      "Give more hex digits of the key id (`onex keys list` shows them)."),
  KEY_STORE_IN_REPOSITORY(
      "ONEX-G007",
      "key store is inside the repository",
      "Keep private keys outside any git working tree (default ~/.config/onex/keys), so that"
          + " they can never be committed: pass another key store directory."),
  INVALID_KEY_ID(
      "ONEX-G008",
      "not a key id",
      "A key id is 64 lowercase hex digits (a prefix of at least 8 digits where a prefix is"
          + " accepted)."),
  UNSUPPORTED_KEY_ALGORITHM(
      "ONEX-G009",
      "key algorithm is not supported",
      "ONEX signs and verifies with Ed25519 only: use an \"ed25519\" key."),
  SIGNATURE_BAD_LENGTH(
      "ONEX-G020",
      "Ed25519 signature is not 64 bytes long",
      "The signature is truncated or has extra bytes: sign again and copy the whole"
          + " signature."),
  SIGNATURE_NON_CANONICAL(
      "ONEX-G021",
      "Ed25519 signature is not canonically encoded",
      "Its S value is not below the group order L, or its R point is not canonical"
          + " (RFC 8032 section 5.1.7): this is a malleated signature, sign again with a"
          + " conforming signer."),
  PUBLIC_KEY_BAD_LENGTH(
      "ONEX-G022",
      "Ed25519 public key is not 32 bytes long",
      "Use the raw 32-byte public key (not a DER, PEM or private key)."),
  PUBLIC_KEY_NON_CANONICAL(
      "ONEX-G023",
      "Ed25519 public key is not canonically encoded",
      "Its y coordinate is not below 2^255-19: a conforming key generator never produces"
          + " such a key, so generate a new key."),
  PUBLIC_KEY_SMALL_ORDER(
      "ONEX-G024",
      "Ed25519 public key is a point of small order",
      "Small-order keys let anybody forge signatures that verify: never trust this key;"
          + " generate a real key with `onex keys generate`."),
  PUBLIC_KEY_NOT_ON_CURVE(
      "ONEX-G025",
      "Ed25519 public key is not a point of the curve",
      "The key bytes are damaged: export the public key again from its owner."),
  SIGNATURE_INVALID(
      "ONEX-G026",
      "signature does not verify",
      "The signed bytes or the signature changed after signing, or another key signed:"
          + " sign again with the intended key."),
  ENVELOPE_MALFORMED(
      "ONEX-G030",
      "DSSE envelope is not well-formed",
      "An envelope is one JSON object {payload, payloadType, signatures} with string values"
          + " and unique keys (docs/formats/signing.md): regenerate it instead of editing it."),
  ENVELOPE_UNKNOWN_FIELD(
      "ONEX-G031",
      "DSSE envelope has an unknown field",
      "Remove the field: an envelope holds only payload, payloadType and signatures, and a"
          + " signature only keyid and sig."),
  BAD_BASE64(
      "ONEX-G032",
      "value is not valid base64",
      "Write the bytes as RFC 4648 base64 (standard alphabet with padding; DSSE also accepts"
          + " the URL-safe alphabet), without whitespace or line breaks."),
  ENVELOPE_NO_SIGNATURES(
      "ONEX-G033",
      "DSSE envelope has no signatures",
      "Sign the payload: an envelope needs at least one signature."),
  ENVELOPE_TOO_MANY_SIGNATURES(
      "ONEX-G034",
      "DSSE envelope has too many signatures",
      "An envelope may carry at most 64 signatures: drop the extra ones."),
  PAYLOAD_TYPE_MISMATCH(
      "ONEX-G035",
      "envelope has another payload type than expected",
      "Pass the right file: this envelope holds another kind of document (for example a"
          + " trust root offered as a release)."),
  THRESHOLD_NOT_MET(
      "ONEX-G036",
      "not enough valid signatures from trusted keys",
      "Collect signatures from more of the trusted keys (each distinct key counts once), or"
          + " check that the signers' keys are in the trust root and not revoked."),
  INVALID_THRESHOLD(
      "ONEX-G037",
      "threshold is 0 or above the number of keys",
      "Set the threshold between 1 and the number of keys listed for the role."),
  NODE_UNSIGNED(
      "ONEX-G050",
      "node has no signature_block",
      "Sign the node with `onex sign <node>`."),
  NODE_SIGNER_UNKNOWN(
      "ONEX-G051",
      "node was signed by a key that is not trusted",
      "Sign with a key of the node-signer role (`onex sign --key <id> <node>`), or add the"
          + " signer's public key to the trust root."),
  NODE_SIGNATURE_INVALID(
      "ONEX-G052",
      "node signature does not verify",
      "The signature_block was edited or copied from another node: sign the node again"
          + " with `onex sign <node>`."),
  NODE_HASH_MISMATCH(
      "ONEX-G053",
      "node changed after it was stamped and signed",
      "Review the change, then run `onex stamp <node>` and `onex sign <node>`."),
  NODE_SIGNATURE_ALGORITHM(
      "ONEX-G054",
      "signature_block uses an unsupported algorithm",
      "Sign the node again with `onex sign <node>` (algorithm ed25519)."),
  INVALID_HASH_LOCK(
      "ONEX-G055",
      "not a hash lock",
      "A hash lock is 64 lowercase hex digits: run `onex stamp <node>` first."),
  SIGNATURE_BLOCK_WRITE(
      "ONEX-G056",
      "cannot write the signature_block into node.onex.yaml",
      "Make node.onex.yaml writable and keep signature_block a top-level key written in"
          + " block style at column 1; then sign again."),
  SIGNATURE_BLOCK_MALFORMED(
      "ONEX-G057",
      "signature_block is incomplete or not base64",
      "Do not edit signature_block by hand: delete it and sign again with `onex sign"
          + " <node>`."),
  INVALID_SIGNER(
      "ONEX-G058",
      "signer name is empty",
      "Pass who signs, for example --signer \"Alice <alice@example.com>\"."),
  ROOT_PIN_MISMATCH(
      "ONEX-G070",
      "no trust root matches the pinned SHA-256",
      "Pin the SHA-256 of the version-1 root envelope file exactly as `onex trust init`"
          + " printed it (--root-sha256); if it changed, someone replaced the first root."),
  ROOT_MALFORMED(
      "ONEX-G071",
      "trust root document is not well-formed",
      "A root holds version, expires, keys, roles {root, release, node-signer} and revoked"
          + " (docs/formats/trust-root.md): regenerate it with `onex trust`."),
  ROOT_NOT_CANONICAL(
      "ONEX-G072",
      "trust root payload is not canonical JSON",
      "The payload must be exactly its RFC 8785 canonical form: sign the canonical bytes,"
          + " never pretty-printed JSON."),
  ROOT_VERSION_GAP(
      "ONEX-G073",
      "trust root version is missing from the chain",
      "Root versions cannot be skipped: add the missing version's envelope to"
          + " .onex-store/trust/ (fetch it from the remote)."),
  ROOT_VERSION_DUPLICATE(
      "ONEX-G074",
      "two trust root documents claim the same version",
      "Keep one envelope per version: remove the one that is not in the signed history."),
  ROOT_NOT_SIGNED_BY_PREVIOUS(
      "ONEX-G075",
      "trust root is not signed by enough keys of the previous version",
      "Have a threshold of the previous root's (unrevoked) root keys sign the new version."),
  ROOT_NOT_SIGNED_BY_ITSELF(
      "ONEX-G076",
      "trust root is not signed by enough of its own root keys",
      "Have a threshold of the new root's own root keys sign it too."),
  ROOT_EXPIRED(
      "ONEX-G077",
      "latest trust root has expired",
      "Ask the root key holders for a new root version with a later expiry; ONEX refuses to"
          + " verify against an expired root."),
  ROOT_UNKNOWN_KEY(
      "ONEX-G078",
      "trust root role names a key that it does not list",
      "Add the key under keys, or remove its id from the role."),
  ROOT_MISSING(
      "ONEX-G079",
      "no trust root documents",
      "Initialise the trust root with `onex trust init`, or fetch .onex-store/trust/ from"
          + " the remote."),
  ROOT_FIRST_NOT_VERSION_1(
      "ONEX-G080",
      "pinned trust root is not version 1",
      "Pin the SHA-256 of the version-1 root envelope, not of a later version."),
  ROOT_PIN_MISSING(
      "ONEX-G081",
      "no pinned SHA-256 for the first trust root",
      "ONEX does not trust the first root on first use: pass --root-sha256 <digest> (as `onex"
          + " trust init` printed it, obtained from a trusted channel); it is then remembered in"
          + " .git/onex/root-sha256."),
  ROOT_REGISTRY_CHANGED(
      "ONEX-G082",
      "trust root names another registry than its previous version",
      "A registry id never changes: sign a new root version with the same registry."),
  KEY_REVOKED(
      "ONEX-G038",
      "signature by a revoked key",
      "The key was revoked in the trust root; its signatures count only up to its checkpoint:"
          + " sign again with a current key of the role."),
  POLICY_INVALID(
      "ONEX-G060",
      "signing policy in .onex-store/config.yaml is invalid",
      "Write `signing: {require: [active], role: node-signer, enforce: pre-push}` with"
          + " lifecycles from draft|review|active|deprecated|archived, a role from"
          + " root|release|node-signer and enforce pre-commit or pre-push."),
  RELEASE_MALFORMED(
      "ONEX-G090",
      "release statement is not well-formed",
      "A release payload is the canonical JSON of docs/formats/release.md: create releases with"
          + " `onex release`, never by hand."),
  RELEASE_ROLLBACK(
      "ONEX-G091",
      "release ref moved back to an older release",
      "Someone rewound refs/onex/releases: fetch the real ref from a trusted remote; never"
          + " accept the older release."),
  RELEASE_FORK(
      "ONEX-G092",
      "two different releases claim the same sequence number",
      "The release history was rewritten (a fork): fetch the release ref you verified before"
          + " and investigate who signed the other release."),
  RELEASE_CHAIN_BROKEN(
      "ONEX-G093",
      "release does not name the digest of its predecessor",
      "Every release names the SHA-256 of the previous release payload: the history was"
          + " altered; restore refs/onex/releases from a trusted copy."),
  RELEASE_SEQUENCE(
      "ONEX-G094",
      "release sequence number is out of order (replay)",
      "Release N+1 must follow release N: an older release was replayed onto the ref; restore"
          + " the ref from a trusted copy."),
  RELEASE_EXPIRED(
      "ONEX-G095",
      "latest release has expired",
      "Create a fresh release with `onex release` (signed by the release role)."),
  RELEASE_OTHER_REGISTRY(
      "ONEX-G096",
      "release belongs to another registry",
      "The release was made for another repository's trust root: do not copy releases between"
          + " registries; create one here with `onex release`."),
  RELEASE_NODE_MISMATCH(
      "ONEX-G097",
      "node in the release does not match the repository's objects",
      "The node's blob or hash lock at the release commit is not what was signed: restore the"
          + " node, or stamp, commit and create a new release."),
  RELEASE_NOT_FOUND(
      "ONEX-G098",
      "no such release",
      "List releases with `git log refs/onex/releases`; create one with `onex release`, or fetch"
          + " refs/onex/releases from the remote."),
  RELEASE_REF_REWRITE(
      "ONEX-G099",
      "push would rewrite or delete the release ref",
      "refs/onex/releases is append-only: push only fast-forwards of it; never force-push or"
          + " delete it."),
  RELEASE_STATE_IO(
      "ONEX-G100",
      "cannot read or write the release state or ref",
      "Check that the git directory is writable; .git/onex/last-release holds the last verified"
          + " release (sequence and digest)."),
  TRUST_ROOT_NEWER(
      "ONEX-G101",
      "release names a trust root version this repository does not have",
      "Fetch .onex-store/trust/ with the missing root versions, then verify again.");

  private final String id;
  private final String title;
  private final String hint;

  SignError(String id, String title, String hint) {
    this.id = id;
    this.title = title;
    this.hint = hint;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public String hint() {
    return hint;
  }
}
