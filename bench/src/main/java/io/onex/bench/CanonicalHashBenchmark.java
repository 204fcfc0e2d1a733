package io.onex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.onex.core.canon.CanonicalJson;
import io.onex.core.hash.HashLock;
import io.onex.core.hash.NodeFiles;
import io.onex.core.hash.NodeFiles.Mode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The hash lock of a typical node (a 40-line {@code node.onex.yaml} and three small files, in
 * memory) against a plain {@code MessageDigest} SHA-256 over as many bytes as the hash lock
 * digests (the three files plus the pre-image), measured in the same run.
 * {@code canonicalMetadata} isolates the RFC 8785 step. Report each score as a ratio to
 * {@code baselineSha256} (see {@code bench/README.md}).
 *
 * <p>Run: {@code mvn -q -o -pl bench -am package -DskipTests && java -jar
 * bench/target/benchmarks.jar CanonicalHash -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CanonicalHashBenchmark {
  static final String METADATA = String.join("\n",
      "schema_version: 1.0.0",
      "name: summarize_text",
      "version: 1.4.2",
      "uuid: 3f2b9c1e-8a47-4d2e-9b6f-0c1d2e3f4a5b",
      "author: ONEX benchmarks",
      "created_at: \"2025-03-01T09:30:00Z\"",
      "last_modified_at: \"2025-06-15T17:45:12Z\"",
      "description: Summarizes a text with a language model and returns bullet points.",
      "state_contract: state_contract://summarize_text@1.0.0",
      "lifecycle: active",
      "hash: 5d41402abc4b2a76b9719d911017c592aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "entrypoint:",
      "  type: python",
      "  target: src/main.py",
      "namespace: onex.nodes.text",
      "meta_type: tool",
      "runtime_language_hint: python>=3.11",
      "tags: [text, summarization, llm, bullet-points]",
      "protocols_supported: [onex-exec-1]",
      "base_class: [ToolNode]",
      "dependencies:",
      "  - tokenizer://onex.text@^1.2",
      "  - prompt://onex.prompts@>=0.3.0 <1",
      "environment: [OPENAI_API_KEY]",
      "license: Apache-2.0",
      "input_contract:",
      "  type: object",
      "  required: [text]",
      "  properties:",
      "    text: {type: string, maxLength: 100000}",
      "    max_points: {type: integer, minimum: 1, maximum: 20}",
      "output_contract:",
      "  type: object",
      "  properties:",
      "    points: {type: array, items: {type: string}}",
      "cache: {enabled: true, strategy: content, scope: node, ttl_seconds: 86400}",
      "model_profiles:",
      "  - {model: small, cost_per_1k_tokens: 0.0005, temperature: 0.2}",
      "  - {model: large, cost_per_1k_tokens: 0.01, temperature: 0.7}",
      "x-extensions: {owner: text-team}",
      "");

  JsonNode metadata;
  NodeFiles files;
  byte[] baselineBytes;

  @Setup
  public void setup() throws IOException {
    metadata = new ObjectMapper(new YAMLFactory()).readTree(METADATA);
    files = NodeFiles.of("bench", List.of(
        file("src/main.py", 1800, 1),
        file("README.md", 900, 2),
        file("tests/test_main.py", 1200, 3)));
    long total = HashLock.preimage(metadata, files).length + 1800 + 900 + 1200;
    baselineBytes = new byte[(int) total];
    new Random(4).nextBytes(baselineBytes);
  }

  private static NodeFiles.Entry file(String path, int size, long seed) {
    StringBuilder sb = new StringBuilder(size);
    Random r = new Random(seed);
    while (sb.length() < size) {
      sb.append(r.nextBoolean() ? "def f(x):\n    return x\n" : "# a comment line\n");
    }
    byte[] bytes = sb.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    return NodeFiles.entry(path, Mode.REGULAR, bytes);
  }

  /** The full hash lock: canonical JSON of the metadata and records, four SHA-256 runs. */
  @Benchmark
  public String hashLock() {
    return HashLock.compute(metadata, files);
  }

  /** RFC 8785 canonicalization of the metadata tree alone. */
  @Benchmark
  public byte[] canonicalMetadata() {
    return CanonicalJson.canonicalize(metadata);
  }

  /** Baseline: one SHA-256 over as many bytes as {@link #hashLock} digests. */
  @Benchmark
  public byte[] baselineSha256() throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256").digest(baselineBytes);
  }
}
