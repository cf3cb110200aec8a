package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.veille.store.Delivery;
import org.veille.store.SqliteStore;
import org.veille.support.Cli;
import org.veille.support.Week;

/**
 * A send killed between the ledger's {@code sending} row and the end of SMTP DATA: the recipient
 * may or may not have the letter. At most once stays; the unknown is named, fails the run, and is
 * sent again only on purpose.
 */
class UnknownDeliveryTest {
  @TempDir Path dir;

  @RegisterExtension
  final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private Cli week() throws Exception {
    String smtp = Week.smtp(mail.getSmtp().getPort());
    Cli cli = new Cli(dir, Week.config("fr", smtp)).env(Map.of("VEILLE_NOW", Week.NOW));
    Week.store(cli);
    return cli;
  }

  /** What a process killed mid-exchange leaves behind: the attempt recorded, no outcome. */
  private static void crashedDuringExchange(Cli cli, String recipient) {
    try (SqliteStore store = SqliteStore.open(cli.data().resolve("veille.db"))) {
      store
          .ledger()
          .record(
              new Delivery(
                  Week.NAME,
                  recipient,
                  Delivery.Status.SENDING,
                  1,
                  null,
                  Instant.parse("2026-11-23T07:00:01Z"),
                  "<veille.2026-W47.0000000000000000@metropole.example>"));
    }
  }

  private List<String> received() throws Exception {
    return Arrays.stream(mail.getReceivedMessages())
        .map(
            m -> {
              try {
                return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .sorted()
        .toList();
  }

  @Test
  void unknownDeliveriesAreNamedFailTheRunAndAreResentOnlyOnPurpose() throws Exception {
    Cli cli = week();
    crashedDuringExchange(cli, "bob@commune-b.example");

    Cli.Result resumed = cli.run("send");
    assertEquals(1, resumed.code(), "someone may not have the letter: " + resumed);
    assertTrue(
        resumed.out().contains("3 sent, 0 already sent, 0 failed, 0 still owed."), resumed.out());
    assertTrue(
        resumed
            .out()
            .lines()
            .anyMatch(l -> l.contains("bob@commune-b.example") && l.contains("delivery unknown")),
        resumed.out());
    assertTrue(resumed.out().contains("1 delivery unknown: bob@commune-b.example"), resumed.out());
    assertTrue(resumed.err().contains("--resend-unknown"), resumed.err());
    assertEquals(
        List.of("alice@commune-a.example", "chloe@commune-c.example", "editeur@metropole.example"),
        received(),
        "at most once: bob is not sent to again by a plain send");

    Cli.Result status = cli.run("status");
    assertTrue(status.out().contains("1 delivery unknown (bob@commune-b.example)"), status.out());
    Cli.Result json = cli.run("status", "--format", "json");
    assertTrue(json.out().contains("\"unknown\":1"), json.out());
    assertTrue(
        json.out().contains("\"unknown_recipients\":[\"bob@commune-b.example\"]"), json.out());

    Cli.Result again = cli.run("send");
    assertEquals(1, again.code(), "still unknown, still not done: " + again);
    assertEquals(3, mail.getReceivedMessages().length);

    Cli.Result resend = cli.run("send", "--resend-unknown");
    assertEquals(0, resend.code(), resend.toString());
    assertTrue(resend.out().contains("1 sent, 3 already sent"), resend.out());
    assertEquals(
        List.of(
            "alice@commune-a.example",
            "bob@commune-b.example",
            "chloe@commune-c.example",
            "editeur@metropole.example"),
        received());
    Cli.Result done = cli.run("send");
    assertEquals(0, done.code(), done.toString());
    assertTrue(cli.run("status").out().contains("4 sent, 0 failed, 0 pending\n"));
  }
}
