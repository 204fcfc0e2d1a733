package io.onex.git.sync;

import io.onex.core.diag.OnexException;
import io.onex.git.GitCli;
import io.onex.git.GitError;
import io.onex.git.GitRepos;
import io.onex.git.notes.NotesMerge;
import io.onex.git.notes.NotesRefs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;

/**
 * Exchanging ONEX notes with a remote (docs/formats/notes.md, "Sync"): fetch the remote's
 * {@code refs/notes/onex/*} into {@code refs/notes/remotes/<remote>/onex/*} (never forced),
 * merge each into the local ref with {@link NotesMerge} (union of lines: no local record is
 * dropped), and push the local refs back (never forced). A push that loses a race with
 * another pusher is retried from the fetch, at most {@link #ATTEMPTS} times. Transport is the
 * {@code git} command line, so remotes, credentials and protocols behave as for git itself.
 */
public final class NotesSync {
  static final int ATTEMPTS = 3;
  private static final List<String> REFS = List.of(NotesRefs.RECORDS, NotesRefs.COMMITS);

  private NotesSync() {}

  /** What a sync did, line by line, and whether the push went through. */
  public record Report(String remote, List<String> lines, boolean pushed) {
    public Report {
      lines = List.copyOf(lines);
    }
  }

  /**
   * Fetches, merges and (when {@code push}) pushes the ONEX notes of {@code remote} (a remote
   * name or a URL) for the repository of {@code workDir}.
   *
   * @throws OnexException ONEX-J012 when git cannot fetch or push, N-codes when a merge fails
   */
  public static Report sync(Path workDir, Map<String, String> env, Clock clock, String remote, boolean push) {
    List<String> lines = new ArrayList<>();
    String name = localName(remote);
    for (int attempt = 1; ; attempt++) {
      fetch(workDir, env, remote, name, lines);
      try (Repository repo = GitRepos.open(workDir, env)) {
        merge(repo, name, clock, lines);
        if (!push) {
          return new Report(remote, lines, false);
        }
        List<String> specs = new ArrayList<>();
        for (String ref : REFS) {
          if (repo.exactRef(ref) != null) {
            specs.add(ref + ":" + ref);
          }
        }
        if (specs.isEmpty()) {
          lines.add("nothing to push: no local ONEX notes");
          return new Report(remote, lines, true);
        }
        List<String> args = new ArrayList<>(List.of("push", "--no-verify", "--quiet", remote));
        args.addAll(specs);
        GitCli.Result r = GitCli.run(workDir, env, args.toArray(String[]::new));
        if (r.ok()) {
          lines.add("pushed " + String.join(", ", specs.stream().map(s -> s.substring(0, s.indexOf(':'))).toList())
              + " to " + remote);
          return new Report(remote, lines, true);
        }
        if (attempt >= ATTEMPTS) {
          throw GitError.GIT_COMMAND_FAILED.fail("", "git push of the ONEX notes to " + remote + " failed "
              + ATTEMPTS + " times: " + r.err().strip());
        }
        lines.add("push rejected (someone pushed notes meanwhile); fetching and merging again");
      } catch (IOException e) {
        throw GitError.io("read the notes refs", e);
      }
    }
  }

  private static void fetch(Path workDir, Map<String, String> env, String remote, String name, List<String> lines) {
    String spec = "refs/notes/onex/*:refs/notes/remotes/" + name + "/onex/*";
    GitCli.Result r = GitCli.run(workDir, env, "fetch", "--quiet", "--no-write-fetch-head", remote, spec);
    if (!r.ok()) {
      throw GitError.GIT_COMMAND_FAILED.fail("", "git fetch " + remote + " " + spec + " failed (exit " + r.exit()
          + "): " + r.err().strip());
    }
  }

  private static void merge(Repository repo, String name, Clock clock, List<String> lines) throws IOException {
    for (String ref : REFS) {
      String theirs = NotesRefs.remote(name, ref);
      if (repo.exactRef(theirs) == null) {
        continue;
      }
      NotesMerge.Outcome o = NotesMerge.merge(repo, ref, theirs, clock);
      lines.add(ref + ": " + o.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
          + (o.notesCombined() > 0 ? " (" + o.notesCombined() + " note(s) combined)" : ""));
    }
  }

  /** The name under {@code refs/notes/remotes/}: the remote's name, or {@code url-<hash>} for a URL. */
  static String localName(String remote) {
    if (remote.matches("[A-Za-z0-9._-]+") && !remote.startsWith(".") && !remote.contains("..")) {
      return remote;
    }
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(remote.getBytes(StandardCharsets.UTF_8));
      return "url-" + HexFormat.of().formatHex(h, 0, 6);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Configures {@code repo} so that git carries ONEX notes along: every remote fetches
   * {@code refs/notes/onex/*} into {@code refs/notes/remotes/<remote>/onex/*} (non-forced),
   * and amend and rebase copy notes with {@code notes.rewriteRef=refs/notes/onex/*} and
   * {@code notes.rewriteMode=cat_sort_uniq}. Idempotent; returns the settings it added.
   */
  public static List<String> configure(Repository repo) {
    StoredConfig cfg = repo.getConfig();
    List<String> added = new ArrayList<>();
    for (String remote : cfg.getSubsections("remote")) {
      List<String> fetch = new ArrayList<>(List.of(cfg.getStringList("remote", remote, "fetch")));
      String spec = NotesRefs.fetchRefspec(remote);
      if (!fetch.contains(spec)) {
        fetch.add(spec);
        cfg.setStringList("remote", remote, "fetch", fetch);
        added.add("remote." + remote + ".fetch=" + spec);
      }
    }
    List<String> rewrite = new ArrayList<>(List.of(cfg.getStringList("notes", null, "rewriteRef")));
    if (!rewrite.contains("refs/notes/onex/*")) {
      rewrite.add("refs/notes/onex/*");
      cfg.setStringList("notes", null, "rewriteRef", rewrite);
      added.add("notes.rewriteRef=refs/notes/onex/*");
    }
    if (!"cat_sort_uniq".equals(cfg.getString("notes", null, "rewriteMode"))) {
      cfg.setString("notes", null, "rewriteMode", "cat_sort_uniq");
      added.add("notes.rewriteMode=cat_sort_uniq");
    }
    try {
      cfg.save();
    } catch (IOException e) {
      throw GitError.io("write the repository configuration", e);
    }
    return added;
  }

  /** {@link #configure(Repository)} for the repository containing {@code dir}; empty when it is not one. */
  public static List<String> configure(Path dir) {
    try (Repository repo = GitRepos.open(dir, Map.of())) {
      return configure(repo);
    } catch (OnexException e) {
      return List.of();
    }
  }
}
