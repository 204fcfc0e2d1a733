package io.onex.exec.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Kills every process that belongs to one sandboxed run, with SIGKILL.
 *
 * <p>A process belongs to the run when it is (1) the main process, (2) one of its descendants
 * at the moment of the kill, (3) a member of the main process's process group or session —
 * only when the main process was started under {@code setsid}, so that its pid is both its
 * group and session id — or (4) a process whose initial environment holds the run's marker
 * {@code ONEX_SANDBOX_ID=<uuid>} (found through {@code /proc/<pid>/environ}; this catches
 * processes that double-forked and called {@code setsid} themselves). The group is killed
 * first, atomically, with {@code kill -KILL -- -<pgid>}; then descendants and the main process;
 * then {@code /proc} is scanned until no member is left (bounded rounds). Finally the killer
 * waits (bounded) until every killed process is dead or a zombie.
 *
 * <p>Safety: the JVM's own process, group and session are never targeted.
 */
final class ProcessTreeKiller {
  private static final int MAX_SCAN_ROUNDS = 20;
  private static final long DEATH_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final List<Path> KILL_BINARIES = List.of(Path.of("/bin/kill"),
      Path.of("/usr/bin/kill"));

  private final boolean grouped;
  private final String markerEntry;
  private final boolean procAvailable;
  private final long selfPid;
  private final long selfGroup;
  private final long selfSession;
  private boolean interruptPending;

  /**
   * @param grouped whether the main process was started under {@code setsid}
   * @param markerEntry the "NAME=value" environment entry unique to this run
   */
  ProcessTreeKiller(boolean grouped, String markerEntry) {
    this.grouped = grouped;
    this.markerEntry = markerEntry;
    this.procAvailable = ProcTable.available();
    this.selfPid = ProcessHandle.current().pid();
    Optional<ProcTable.Stat> self = ProcTable.self();
    this.selfGroup = self.map(ProcTable.Stat::processGroup).orElse(-1L);
    this.selfSession = self.map(ProcTable.Stat::session).orElse(-1L);
  }

  /**
   * Kills the run's processes and waits (bounded) for them to die.
   *
   * @param mainExited whether the main process already exited on its own (then only
   *     stragglers are left, and the group kill is skipped when the scan finds none)
   * @return the pids that were still alive when the bounded wait ended (normally none)
   */
  List<Long> killAll(Process main, boolean mainExited) {
    // /proc reads go through interruptible channels: run with the flag cleared, restore it.
    boolean interrupted = Thread.interrupted();
    try {
      return killAllUninterrupted(main, mainExited);
    } finally {
      if (interrupted || interruptPending || Thread.interrupted()) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private List<Long> killAllUninterrupted(Process main, boolean mainExited) {
    Map<Long, ProcessHandle> killed = new LinkedHashMap<>();
    List<ProcessHandle> descendants = main.descendants().toList();
    long pgid = main.pid();
    boolean groupTargetable = grouped && pgid != selfGroup && pgid != selfSession
        && pgid != selfPid;
    if (mainExited && procAvailable && descendants.isEmpty()
        && scan(groupTargetable ? pgid : -1).isEmpty()) {
      return awaitDeath(main, List.of(main.toHandle())); // the common case: nothing left
    }
    if (groupTargetable) {
      killGroup(pgid);
    }
    for (ProcessHandle h : descendants) {
      h.destroyForcibly();
      killed.put(h.pid(), h);
    }
    main.destroyForcibly();
    killed.put(main.pid(), main.toHandle());
    for (int round = 0; procAvailable && round < MAX_SCAN_ROUNDS; round++) {
      List<ProcessHandle> found = scan(groupTargetable ? pgid : -1);
      if (found.isEmpty()) {
        break;
      }
      for (ProcessHandle h : found) {
        h.destroyForcibly();
        killed.put(h.pid(), h);
      }
    }
    return awaitDeath(main, killed.values());
  }

  /** Live processes of the run other than this JVM: by group/session id or by marker. */
  private List<ProcessHandle> scan(long pgid) {
    List<ProcessHandle> out = new ArrayList<>();
    for (ProcTable.Stat s : ProcTable.all()) {
      if (s.pid() == selfPid) {
        continue;
      }
      boolean member = pgid > 0 && (s.processGroup() == pgid || s.session() == pgid);
      if (member || ProcTable.environmentContains(s.pid(), markerEntry)) {
        ProcessHandle.of(s.pid()).ifPresent(out::add);
      }
    }
    return out;
  }

  private void killGroup(long pgid) {
    for (Path kill : KILL_BINARIES) {
      if (Files.isExecutable(kill)) {
        try {
          Process p = new ProcessBuilder(kill.toString(), "-KILL", "--", "-" + pgid)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
          p.getOutputStream().close();
          if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
          }
        } catch (IOException e) {
          continue;
        } catch (InterruptedException e) {
          interruptPending = true; // restored by killAll, after the /proc scans
        }
        return;
      }
    }
  }

  /** Waits until every handle is dead or a zombie; an interrupt meanwhile is kept pending. */
  private List<Long> awaitDeath(Process main, Iterable<ProcessHandle> handles) {
    long deadline = System.nanoTime() + DEATH_WAIT_NANOS;
    boolean interrupted = false;
    try {
      main.waitFor(DEATH_WAIT_NANOS, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    }
    List<Long> alive = new ArrayList<>();
    for (ProcessHandle h : handles) {
      while (!isDead(h) && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        interrupted |= Thread.interrupted();
      }
      if (!isDead(h)) {
        alive.add(h.pid());
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return alive;
  }

  private boolean isDead(ProcessHandle h) {
    if (!h.isAlive()) {
      return true;
    }
    return procAvailable && ProcTable.isDead(h.pid());
  }
}
