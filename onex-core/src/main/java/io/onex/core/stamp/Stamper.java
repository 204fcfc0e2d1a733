package io.onex.core.stamp;

import io.onex.core.diag.OnexException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Stamps and checks {@code OmniNode:Metadata} blocks in Markdown, Python, YAML, shell and Java
 * files (format: {@code docs/formats/stamped-files.md}), hash-compatible with the reference
 * implementation.
 *
 * <p>Invariants: the body is never rewritten (a {@code #!} line, a YAML {@code ---} line, a
 * Markdown front matter stay first; CRLF stays CRLF; normalization happens only inside the hash
 * pre-image). Stamping a correctly stamped file returns it byte-identical
 * ({@link StampResult.Status#UNCHANGED}), exactly when {@link #check} says OK. A restamp keeps
 * {@code uuid}, {@code created_at} and every other line of the block, and updates {@code hash}
 * and {@code last_modified_at}. Files over {@link #MAX_FILE_BYTES} are refused. Input problems are
 * diagnostics, never raw exceptions. The caller reads and writes the file.
 */
public final class Stamper {

  /** 16 MiB: larger files are refused ({@code ONEX-M011}); callers should check before reading. */
  public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

  public Stamper() {}

  /**
   * Stamps {@code content}, the bytes of {@code file} (whose name selects the block format).
   *
   * @return the new bytes and whether they differ (UNCHANGED, STAMPED, RESTAMPED)
   * @throws OnexException when the file is unsupported, too large, not UTF-8 or its block is
   *     malformed: the diagnostics say where and how to fix it
   */
  public StampResult stamp(Path file, byte[] content, StampContext ctx) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(ctx, "ctx");
    Analysis a = Analysis.of(file, content);
    switch (a.check().status()) {
      case OK:
        return new StampResult(StampResult.Status.UNCHANGED, content, a.check().storedHash(),
            a.warningsOnly());
      case MISSING:
        BlockWriter.Written w = BlockWriter.insert(a, String.valueOf(file.getFileName()), ctx);
        return new StampResult(StampResult.Status.STAMPED, w.content(), w.hash(), a.warningsOnly());
      case MISMATCH:
        BlockWriter.Written r = BlockWriter.restamp(a, ctx.clock().instant());
        return new StampResult(StampResult.Status.RESTAMPED, r.content(), r.hash(), a.warningsOnly());
      default:
        throw new OnexException(a.errors());
    }
  }

  /** Checks the block of {@code content}, the bytes of {@code file}, without changing anything. */
  public StampCheck check(Path file, byte[] content) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(content, "content");
    return Analysis.of(file, content).check();
  }
}
