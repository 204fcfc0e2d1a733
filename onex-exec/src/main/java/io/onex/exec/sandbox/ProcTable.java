package io.onex.exec.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Read-only view of the Linux process table under {@code /proc}. Every method degrades to
 * "unknown" (empty results) where {@code /proc} does not exist or a process vanished while
 * being read; nothing here throws.
 */
final class ProcTable {
  private static final Path PROC = Path.of("/proc");

  private ProcTable() {}

  /** One line of {@code /proc/<pid>/stat}: the fields the sandbox needs. */
  record Stat(long pid, char state, long ppid, long processGroup, long session) {
    /** Zombie or dead: the process runs no code any more, only awaits its reaper. */
    boolean isDead() {
      return state == 'Z' || state == 'X' || state == 'x';
    }
  }

  static boolean available() {
    return Files.isReadable(PROC.resolve("self").resolve("stat"));
  }

  /** The stat of a process, empty when it does not exist (any more). */
  static Optional<Stat> stat(long pid) {
    try {
      String s = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"),
          StandardCharsets.ISO_8859_1);
      // "pid (comm) state ppid pgrp session ...": comm may hold spaces and ')'.
      int close = s.lastIndexOf(')');
      String[] f = s.substring(close + 2).trim().split(" ");
      return Optional.of(new Stat(pid, f[0].charAt(0), Long.parseLong(f[1]),
          Long.parseLong(f[2]), Long.parseLong(f[3])));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Whether the process is gone or a zombie ({@code true} also when unknown). */
  static boolean isDead(long pid) {
    return stat(pid).map(Stat::isDead).orElse(true);
  }

  /** The stat of this JVM. */
  static Optional<Stat> self() {
    return stat(ProcessHandle.current().pid());
  }

  /** Every live (non-zombie) process. */
  static List<Stat> all() {
    List<Stat> out = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC)) {
      for (Path dir : dirs) {
        String name = dir.getFileName().toString();
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
          stat(Long.parseLong(name)).filter(s -> !s.isDead()).ifPresent(out::add);
        }
      }
    } catch (IOException | RuntimeException e) {
      return out;
    }
    return out;
  }

  /**
   * Whether the environment the process was started with holds {@code entry} ("NAME=value")
   * as a whole entry. False when unreadable (another user's process, vanished).
   */
  static boolean environmentContains(long pid, String entry) {
    byte[] env;
    try {
      env = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("environ"));
    } catch (IOException | RuntimeException e) {
      return false;
    }
    byte[] needle = entry.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i + needle.length <= env.length; i++) {
      if (i > 0 && env[i - 1] != 0) {
        continue;
      }
      for (int j = 0; j < needle.length; j++) {
        if (env[i + j] != needle[j]) {
          continue outer;
        }
      }
      if (i + needle.length == env.length || env[i + needle.length] == 0) {
        return true;
      }
    }
    return false;
  }
}
