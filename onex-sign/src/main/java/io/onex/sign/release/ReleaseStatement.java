package io.onex.sign.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.hash.Sha256;
import io.onex.sign.SignError;
import io.onex.sign.internal.Fail;
import io.onex.sign.internal.StrictJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A release statement ({@code docs/formats/release.md}): the node set of the repository at a
 * commit, signed as the payload of a DSSE envelope of type {@value #PAYLOAD_TYPE}.
 *
 * <p>Invariants: the payload is RFC 8785 canonical JSON and is never re-serialized for
 * verification (the envelope's exact bytes are what is signed and hashed); nodes are sorted by
 * path, paths unique; {@code previous} is the {@link #digest} of the previous release's payload
 * (absent only for sequence 1). Immutable.
 */
public record ReleaseStatement(String registry, long sequence, Optional<String> previous, String sourceCommit,
    long trustRootVersion, Instant createdAt, Instant expires, String message, List<ReleaseNode> nodes) {
  /** DSSE payload type of a release. */
  public static final String PAYLOAD_TYPE = "application/vnd.onex.release+json;version=1";
  /** Value of the {@code format} field. */
  public static final String FORMAT = "onex.release/1";

  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern OID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
  private static final Set<String> FIELDS = Set.of("format", "registry", "sequence", "previous", "source_commit",
      "trust_root_version", "created_at", "expires", "message", "nodes");
  private static final Set<String> NODE_FIELDS = Set.of("path", "id", "name", "version", "hash", "blob");

  public ReleaseStatement {
    nodes = nodes.stream().sorted(Comparator.comparing(ReleaseNode::path)).toList();
  }

  /** The SHA-256 (hex) of a release payload: its identity and the link of the hash chain. */
  public static String digest(byte[] payload) {
    return Sha256.hex(payload);
  }

  /** The canonical payload bytes. */
  public byte[] toPayload() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("format", FORMAT);
    o.put("registry", registry);
    o.put("sequence", sequence);
    if (previous.isPresent()) {
      o.put("previous", previous.get());
    } else {
      o.putNull("previous");
    }
    o.put("source_commit", sourceCommit);
    o.put("trust_root_version", trustRootVersion);
    o.put("created_at", createdAt.toString());
    o.put("expires", expires.toString());
    o.put("message", message);
    ArrayNode arr = o.putArray("nodes");
    for (ReleaseNode n : nodes) {
      arr.addObject().put("path", n.path()).put("id", n.id()).put("name", n.name()).put("version", n.version())
          .put("hash", n.hash()).put("blob", n.blob());
    }
    return CanonicalJson.canonicalize(o);
  }

  /**
   * Parses a release payload.
   *
   * @throws io.onex.core.diag.OnexException {@code ONEX-G090} for anything malformed or not
   *     canonical
   */
  public static ReleaseStatement parse(byte[] payload, String file) {
    StrictJson in = new StrictJson(file, SignError.RELEASE_MALFORMED, SignError.RELEASE_MALFORMED);
    JsonNode o = in.parseObject(payload, 64L * 1024 * 1024);
    in.onlyFields(o, "", FIELDS);
    if (!FORMAT.equals(in.string(o, "", "format"))) {
      throw in.fail("/format", "format must be \"" + FORMAT + "\"");
    }
    JsonNode prev = o.get("previous");
    Optional<String> previous;
    if (prev == null || prev.isNull()) {
      previous = Optional.empty();
    } else {
      previous = Optional.of(hex(in, in.string(o, "", "previous"), "/previous", HEX64));
    }
    List<ReleaseNode> nodes = new ArrayList<>();
    JsonNode list = in.member(o, "", "nodes", true);
    for (int i = 0; i < list.size(); i++) {
      String at = "/nodes/" + i;
      JsonNode n = list.get(i);
      in.onlyFields(n, at, NODE_FIELDS);
      nodes.add(new ReleaseNode(in.nonEmptyString(n, at, "path"), in.string(n, at, "id"), in.string(n, at, "name"),
          in.string(n, at, "version"), hex(in, in.string(n, at, "hash"), at + "/hash", HEX64),
          hex(in, in.string(n, at, "blob"), at + "/blob", OID)));
    }
    ReleaseStatement s = new ReleaseStatement(in.nonEmptyString(o, "", "registry"), in.integer(o, "", "sequence", 1),
        previous, hex(in, in.string(o, "", "source_commit"), "/source_commit", OID),
        in.integer(o, "", "trust_root_version", 1), time(in, o, "created_at"), time(in, o, "expires"),
        in.string(o, "", "message"), nodes);
    if (s.sequence() == 1 != previous.isEmpty()) {
      throw in.fail("/previous", "previous is null exactly for sequence 1");
    }
    if (nodes.stream().map(ReleaseNode::path).distinct().count() != nodes.size()) {
      throw in.fail("/nodes", "two nodes have the same path");
    }
    if (!Arrays.equals(s.toPayload(), payload)) {
      throw Fail.of(SignError.RELEASE_MALFORMED, file, "", "the release payload is not in canonical form (RFC 8785, nodes sorted by path)");
    }
    return s;
  }

  private static String hex(StrictJson in, String v, String at, Pattern p) {
    if (!p.matcher(v).matches()) {
      throw in.fail(at, "\"" + v + "\" is not lowercase hex of the right length");
    }
    return v;
  }

  private static Instant time(StrictJson in, JsonNode o, String name) {
    String v = in.string(o, "", name);
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw in.fail("/" + name, "\"" + v + "\" is not an RFC 3339 UTC time");
    }
  }
}
