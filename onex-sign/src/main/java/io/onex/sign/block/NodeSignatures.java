package io.onex.sign.block;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.core.diag.OnexException;
import io.onex.core.hash.HashLock;
import io.onex.core.hash.NodeFiles;
import io.onex.core.model.NodeMetadata;
import io.onex.core.model.SignatureBlock;
import io.onex.core.yaml.StrictYaml;
import io.onex.core.yaml.YamlDocument;
import io.onex.core.yaml.YamlLimits;
import io.onex.sign.SignError;
import io.onex.sign.internal.Base64s;
import io.onex.sign.internal.Fail;
import io.onex.sign.key.KeyId;
import io.onex.sign.key.SigningKey;
import io.onex.sign.key.TrustedKeys;
import io.onex.sign.key.VerifyingKey;
import io.onex.sign.verify.VerifyResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Node signatures ({@code docs/formats/signing.md}): a {@code signature_block} is an
 * Ed25519 signature over the UTF-8 bytes of {@code "onex-node-signature-v1\n" + <hash lock>},
 * the 64 lowercase hex digits of the node's hash lock, with no trailing newline.
 *
 * <p>The hash lock covers the node's metadata (without {@code hash}, {@code signature_block}
 * and {@code last_modified_at}) and every file of the node, so the signature covers metadata
 * and code, and writing the block does not change the lock. Verification recomputes nothing
 * itself: the caller passes the hash lock it computed from the content it trusts (git objects
 * at pre-commit); a stored {@code hash} that differs is {@link BlockReason#HASH_MISMATCH}.
 */
public final class NodeSignatures {
  /** The only signature algorithm. */
  public static final String ALGORITHM = "ed25519";
  /** The domain-separation line that starts every signed message. */
  public static final String DOMAIN = "onex-node-signature-v1";

  private static final Pattern LOCK = Pattern.compile("[0-9a-f]{64}");

  private NodeSignatures() {}

  /**
   * The exact bytes signed for a node whose hash lock is {@code hashLock}.
   *
   * @throws OnexException {@code ONEX-G055} if {@code hashLock} is not 64 lowercase hex digits
   */
  public static byte[] message(String hashLock) {
    if (hashLock == null || !LOCK.matcher(hashLock).matches()) {
      throw Fail.of(SignError.INVALID_HASH_LOCK, "", "hash", "\"" + hashLock + "\" is not a hash lock");
    }
    return (DOMAIN + "\n" + hashLock).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Signs a node's hash lock.
   *
   * @param signer who signs, free text such as {@code Alice <alice@example.com>}
   * @param clock gives {@code signed_at}, truncated to whole seconds, in UTC
   * @throws OnexException {@code ONEX-G055} for a malformed lock, {@code ONEX-G058} for an
   *     empty signer
   */
  public static SignatureBlock sign(String hashLock, SigningKey key, String signer, Clock clock) {
    Objects.requireNonNull(key, "key");
    if (signer == null || signer.isBlank()) {
      throw Fail.of(SignError.INVALID_SIGNER, "", "signature_block/signer", "the signer name is empty");
    }
    byte[] sig = key.sign(message(hashLock));
    String at = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    return new SignatureBlock(ALGORITHM, key.id().hex(), signer, at, Base64s.encode(sig));
  }

  /** Verifies a loaded node's block against the hash lock computed from its content. */
  public static BlockResult verify(NodeMetadata metadata, String computedHashLock, TrustedKeys keys) {
    return verify(metadata.signatureBlock(), metadata.hash(), computedHashLock, keys);
  }

  /** Verifies the block of a metadata tree (as strict YAML loads it), which need not be schema-valid. */
  public static BlockResult verify(JsonNode metadataTree, String computedHashLock, TrustedKeys keys) {
    JsonNode b = metadataTree.get("signature_block");
    JsonNode h = metadataTree.get("hash");
    String stored = h != null && h.isTextual() ? h.textValue() : null;
    if (b == null || b.isNull()) {
      return verify(Optional.empty(), stored, computedHashLock, keys);
    }
    String[] names = {"algorithm", "key_id", "signer", "signed_at", "signature"};
    String[] v = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      JsonNode f = b.get(names[i]);
      if (f == null || !f.isTextual()) {
        return BlockResult.failure(BlockReason.MALFORMED, "signature_block." + names[i] + " is missing or not a string");
      }
      v[i] = f.textValue();
    }
    return verify(Optional.of(new SignatureBlock(v[0], v[1], v[2], v[3], v[4])), stored, computedHashLock, keys);
  }

  /**
   * Verifies {@code block}: present, ed25519, {@code storedHash} equal to
   * {@code computedHashLock}, and signed by one of {@code keys} over
   * {@link #message(String) message(computedHashLock)}. The block's {@code key_id} is a hint:
   * the key it names is tried first, then every other trusted key.
   *
   * @throws OnexException {@code ONEX-G055} if {@code computedHashLock} is malformed
   */
  public static BlockResult verify(Optional<SignatureBlock> block, String storedHash, String computedHashLock, TrustedKeys keys) {
    byte[] message = message(computedHashLock);
    if (block.isEmpty()) {
      return BlockResult.failure(BlockReason.UNSIGNED, "the node has no signature_block");
    }
    SignatureBlock b = block.get();
    if (!ALGORITHM.equals(b.algorithm())) {
      return BlockResult.failure(BlockReason.UNSUPPORTED_ALGORITHM,
          "signature_block.algorithm is \"" + b.algorithm() + "\"; ONEX verifies only " + ALGORITHM);
    }
    byte[] sig;
    try {
      sig = Base64s.decodeStandard(b.signature() == null ? "" : b.signature(), "", "signature_block/signature");
    } catch (OnexException e) {
      return BlockResult.failure(BlockReason.MALFORMED, "signature_block.signature is not canonical base64");
    }
    if (!computedHashLock.equals(storedHash)) {
      return BlockResult.failure(BlockReason.HASH_MISMATCH, "the stored hash " + storedHash
          + " is not the hash lock of the node's content, " + computedHashLock);
    }
    return checkKeys(b, message, sig, keys);
  }

  private static BlockResult checkKeys(SignatureBlock b, byte[] message, byte[] sig, TrustedKeys keys) {
    Optional<VerifyingKey> hinted = keys.findHint(b.keyId());
    VerifyResult hintedResult = null;
    if (hinted.isPresent()) {
      hintedResult = hinted.get().verify(message, sig);
      if (hintedResult.ok()) {
        return new BlockResult(BlockReason.OK, Optional.of(hinted.get().id()), "");
      }
    }
    for (VerifyingKey k : keys.supported()) {
      if (!(hinted.isPresent() && hinted.get().equals(k)) && k.verify(message, sig).ok()) {
        return new BlockResult(BlockReason.OK, Optional.of(k.id()), "");
      }
    }
    VerifyResult shape = io.onex.sign.verify.Ed25519Verifier.checkSignatureEncoding(sig);
    if (shape.reason() == io.onex.sign.verify.VerifyReason.NON_CANONICAL || shape.reason() == io.onex.sign.verify.VerifyReason.BAD_LENGTH) {
      return BlockResult.failure(BlockReason.NON_CANONICAL, "signature_block.signature (key_id " + b.keyId() + ", "
          + b.signer() + ") is not a canonical Ed25519 signature: " + shape.detail());
    }
    if (hinted.isEmpty()) {
      return BlockResult.failure(BlockReason.UNKNOWN_KEY, "signed by key_id " + b.keyId()
          + " (" + b.signer() + "), which is not a trusted node-signer key, and no trusted key verifies the signature");
    }
    return BlockResult.failure(BlockReason.BAD_SIGNATURE, "the signature does not verify with key "
        + hinted.get().id().shortForm() + " (" + b.signer() + "): " + hintedResult.detail());
  }

  /**
   * Signs the node in {@code nodeDir} on disk: loads {@code node.onex.yaml}, computes the hash
   * lock over the directory, requires the stored {@code hash} to equal it, and writes the new
   * block with {@link SignatureBlockWriter#write}.
   *
   * @throws OnexException {@code ONEX-G053} if the node is not freshly stamped; YAML, hash lock
   *     and write failures with their own codes
   */
  public static SignatureBlock signDirectory(Path nodeDir, SigningKey key, String signer, Clock clock) {
    Path yaml = nodeDir.resolve(NodeFiles.METADATA_FILE);
    YamlDocument doc = StrictYaml.loadMapping(yaml, yaml.toString(), YamlLimits.DEFAULT);
    String lock = HashLock.compute(doc.root(), NodeFiles.ofDirectory(nodeDir));
    JsonNode stored = doc.root().get("hash");
    if (stored == null || !lock.equals(stored.asText())) {
      throw Fail.of(SignError.NODE_HASH_MISMATCH, yaml.toString(), "hash",
          "the stored hash is not the node's hash lock " + lock + ": stamp the node before signing it",
          "Run `onex stamp " + nodeDir + "`, review the change, then sign again.");
    }
    SignatureBlock block = sign(lock, key, signer, clock);
    SignatureBlockWriter.write(yaml, block);
    return block;
  }

  /** Verifies the node in {@code nodeDir} on disk against its freshly computed hash lock. */
  public static BlockResult verifyDirectory(Path nodeDir, TrustedKeys keys) {
    Path yaml = nodeDir.resolve(NodeFiles.METADATA_FILE);
    YamlDocument doc = StrictYaml.loadMapping(yaml, yaml.toString(), YamlLimits.DEFAULT);
    return verify(doc.root(), HashLock.compute(doc.root(), NodeFiles.ofDirectory(nodeDir)), keys);
  }

  /** The key id a block names, if it is well-formed (display only: it is a hint). */
  public static Optional<KeyId> statedKeyId(SignatureBlock block) {
    return KeyId.isWellFormed(block.keyId()) ? Optional.of(new KeyId(block.keyId())) : Optional.empty();
  }
}
