package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.veille.store.WriterLock;
import org.veille.support.Cli;
import org.veille.support.Week;

/** Writers meet at the lock: Monday's send waits for the morning crawl instead of a week. */
class LockWaitTest {
  @TempDir Path dir;

  @RegisterExtension
  final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private Cli week() throws Exception {
    String smtp = Week.smtp(mail.getSmtp().getPort());
    Cli cli = new Cli(dir, Week.config("fr", smtp)).env(Map.of("VEILLE_NOW", Week.NOW));
    Week.store(cli);
    return cli;
  }

  /** A crawl from cron: holds the writer lock in another thread for {@code hold}. */
  private static Thread crawlHolding(Path data, Duration hold, CountDownLatch taken) {
    Thread t =
        new Thread(
            () -> {
              try (WriterLock lock = WriterLock.acquire(data, Duration.ZERO)) {
                taken.countDown();
                Thread.sleep(hold.toMillis());
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    t.start();
    return t;
  }

  @Test
  void sendWaitsForARunningCrawlThenSends() throws Exception {
    Cli cli = week();
    CountDownLatch taken = new CountDownLatch(1);
    Thread crawl = crawlHolding(cli.data(), Duration.ofMillis(1500), taken);
    assertTrue(taken.await(5, TimeUnit.SECONDS));
    Cli.Result send = cli.run("send"); // default: waits up to 30 min
    crawl.join();
    assertEquals(0, send.code(), send.toString());
    assertTrue(send.err().contains("waiting up to 30 min: another veille process"), send.err());
    assertEquals(4, mail.getReceivedMessages().length);
  }

  @Test
  void aShortWaitGivesUpWithExitTwoAndSendsNothing() throws Exception {
    Cli cli = week();
    CountDownLatch taken = new CountDownLatch(1);
    Thread crawl = crawlHolding(cli.data(), Duration.ofSeconds(3), taken);
    assertTrue(taken.await(5, TimeUnit.SECONDS));
    Cli.Result send = cli.run("send", "--wait", "500ms");
    crawl.join();
    assertEquals(2, send.code(), send.toString());
    assertTrue(send.err().contains("another veille process is writing to"), send.err());
    assertEquals(0, mail.getReceivedMessages().length);
    assertEquals(0, cli.run("send").code(), "the next send delivers");
    assertEquals(4, mail.getReceivedMessages().length);
  }

  @Test
  void aBadWaitIsAUsageError() throws Exception {
    Cli cli = week();
    for (String command : new String[] {"crawl", "send", "reindex"}) {
      Cli.Result r = cli.run(command, "--wait", "soon");
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().contains("--wait: bad duration 'soon'"), r.err());
    }
  }
}
