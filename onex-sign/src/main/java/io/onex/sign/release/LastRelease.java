package io.onex.sign.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.core.canon.CanonicalJson;
import io.onex.sign.SignError;
import io.onex.sign.internal.StrictJson;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The last release this clone verified, kept outside the release ref (in the git directory,
 * {@code .git/onex/last-release}), as TUF keeps its last trusted metadata: a later ref that
 * goes back (lower sequence) or sideways (same sequence, other digest) is a rollback or fork.
 * File format: one line of canonical JSON {@code {"digest":..,"registry":..,"sequence":..}}.
 *
 * @param registry the registry id of the release
 * @param sequence its sequence number
 * @param digest the SHA-256 of its payload
 */
public record LastRelease(String registry, long sequence, String digest) {
  public byte[] toBytes() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("digest", digest);
    o.put("registry", registry);
    o.put("sequence", sequence);
    return (CanonicalJson.canonicalString(o) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Parses the file ({@code ONEX-G100} if it is damaged). */
  public static LastRelease parse(byte[] bytes, String file) {
    StrictJson in = new StrictJson(file, SignError.RELEASE_STATE_IO, SignError.RELEASE_STATE_IO);
    JsonNode o = in.parseObject(bytes, 4096);
    in.onlyFields(o, "", Set.of("digest", "registry", "sequence"));
    return new LastRelease(in.string(o, "", "registry"), in.integer(o, "", "sequence", 1), in.string(o, "", "digest"));
  }
}
