package io.onex.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onex.core.diag.Diagnostic;
import io.onex.core.diag.OnexException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreLockTest {
  @TempDir Path tmp;

  @Test
  void open_whileSameJvmHoldsIt_waitsThenFailsNamingPidAndHost() throws Exception {
    Path dir = tmp.resolve(".onex-store");
    try (Store first = StoreTest.open(dir)) {
      first.append(TestRecords.batch("a", 1));
      JsonNode owner = new ObjectMapper().readTree(Files.readString(dir.resolve("store.lock")));
      assertEquals(ProcessHandle.current().pid(), owner.get("pid").asLong());
      assertEquals(StoreLock.hostName(), owner.get("host").asText());
      assertEquals("2026-01-01T00:00:00Z", owner.get("since").asText());
      OnexException e = assertThrows(OnexException.class,
          () -> Store.open(dir, StoreTest.CLOCK, Duration.ofMillis(150)));
      Diagnostic d = e.diagnostics().get(0);
      assertEquals("ONEX-D001", d.code());
      assertTrue(d.message().contains("pid " + ProcessHandle.current().pid() + " on host " + StoreLock.hostName()),
          d.message());
      assertTrue(d.message().contains("waited 150 ms"));
      assertTrue(d.hint().contains("pid " + ProcessHandle.current().pid()), d.hint());
      assertEquals(1, first.size(), "the holder still works");
    }
    try (Store again = StoreTest.open(dir)) {
      assertEquals(1, again.size());
    }
  }

  @Test
  void open_whileOtherProcessHoldsIt_failsNamingThatProcess_thenWaitsForItsRelease() throws Exception {
    Path dir = tmp.resolve(".onex-store");
    try (Child holder = Child.start(tmp.resolve("holder.err"), "hold", dir.toString())) {
      String locked = holder.line();
      assertTrue(locked.startsWith("locked "), locked);
      long pid = Long.parseLong(locked.substring(7));
      assertEquals(holder.process.pid(), pid);
      OnexException e = assertThrows(OnexException.class,
          () -> Store.open(dir, StoreTest.CLOCK, Duration.ofMillis(200)));
      assertEquals("ONEX-D001", e.diagnostics().get(0).code());
      assertTrue(e.diagnostics().get(0).message().contains("pid " + pid + " on host "), e.getMessage());

      CompletableFuture<Long> waiter = CompletableFuture.supplyAsync(() -> {
        try (Store s = Store.open(dir, StoreTest.CLOCK, Duration.ofSeconds(60))) {
          return s.size();
        }
      });
      OutputStream in = holder.process.getOutputStream();
      in.write("release\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
      assertEquals(0L, waiter.get(90, TimeUnit.SECONDS));
      assertEquals("released", holder.line());
      assertTrue(holder.process.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, holder.process.exitValue(), holder.stderr());
    }
  }

  @Test
  void open_afterHolderWasKilled_succeedsAtOnce() throws Exception {
    Path dir = tmp.resolve(".onex-store");
    try (Child holder = Child.start(tmp.resolve("holder.err"), "hold", dir.toString())) {
      assertTrue(holder.line().startsWith("locked "));
      holder.process.destroyForcibly();
      assertTrue(holder.process.waitFor(60, TimeUnit.SECONDS));
    }
    try (Store s = Store.open(dir, StoreTest.CLOCK, Duration.ZERO)) {
      assertEquals(0, s.size());
    }
  }
}
