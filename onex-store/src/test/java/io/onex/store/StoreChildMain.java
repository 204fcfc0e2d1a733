package io.onex.store;

import io.onex.core.diag.OnexException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A writer process for the crash and concurrency tests. Modes:
 *
 * <ul>
 *   <li>{@code crash <dir> <prefix> <batchSize>}: opens the store once and appends batches
 *       forever, printing {@code ok <prefix> <batch>} after each append returned;
 *   <li>{@code batches <dir> <prefix> <count> <batchSize>}: for each batch opens the store
 *       (waiting for the lock), appends, closes, prints {@code ok ...}; prints
 *       {@code waiting} each time an open finds the lock taken, and {@code contended <n>} at
 *       the end;
 *   <li>{@code holdafter <dir> <prefix> <count> <batchSize>}: opens the store once, appends
 *       the batches printing {@code ok ...}, prints {@code holding}, waits for a line on
 *       stdin, closes, prints {@code released};
 *   <li>{@code hold <dir>}: opens the store, prints {@code locked <pid>}, waits for a line on
 *       stdin, closes, prints {@code released}.
 * </ul>
 */
public final class StoreChildMain {
  private StoreChildMain() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path dir = Path.of(args[1]);
    Clock clock = Clock.systemUTC();
    switch (args[0]) {
      case "crash" -> {
        int size = Integer.parseInt(args[3]);
        try (Store s = Store.open(dir, clock, Duration.ofSeconds(60))) {
          for (int b = 0; ; b++) {
            s.append(TestRecords.childBatch(args[2], b, size));
            out.println("ok " + args[2] + " " + b);
          }
        }
      }
      case "batches" -> {
        int count = Integer.parseInt(args[3]);
        int size = Integer.parseInt(args[4]);
        int contended = 0;
        for (int b = 0; b < count; b++) {
          Store s;
          try {
            s = Store.open(dir, clock, Duration.ZERO);
          } catch (OnexException e) {
            if (!e.diagnostics().get(0).code().equals("ONEX-D001")) {
              throw e;
            }
            contended++;
            out.println("waiting");
            s = Store.open(dir, clock, Duration.ofSeconds(120));
          }
          try (Store open = s) {
            open.append(TestRecords.childBatch(args[2], b, size));
          }
          out.println("ok " + args[2] + " " + b);
        }
        out.println("contended " + contended);
      }
      case "holdafter" -> {
        int count = Integer.parseInt(args[3]);
        int size = Integer.parseInt(args[4]);
        try (Store s = Store.open(dir, clock, Duration.ofSeconds(60))) {
          for (int b = 0; b < count; b++) {
            s.append(TestRecords.childBatch(args[2], b, size));
            out.println("ok " + args[2] + " " + b);
          }
          out.println("holding");
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        out.println("released");
      }
      case "hold" -> {
        try (Store s = Store.open(dir, clock, Duration.ofSeconds(60))) {
          out.println("locked " + ProcessHandle.current().pid());
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        out.println("released");
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
  }
}
