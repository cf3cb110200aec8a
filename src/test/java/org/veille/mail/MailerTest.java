package org.veille.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.config.Config;
import org.veille.store.Delivery;
import org.veille.store.SqliteStore;
import org.veille.support.Fetches;

/** The mailer at its own level: a real SMTP server (GreenMail) and a real SQLite ledger. */
class MailerTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T07:00:00Z"), ZoneOffset.UTC);
  private static final List<String> TO =
      List.of("alice@commune-a.example", "bob@commune-b.example", "editeur@metropole.example");

  @TempDir Path dir;
  private GreenMail smtp;

  @BeforeEach
  void start() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  private Config config(int port) throws Exception {
    String yaml =
        """
        settings:
          newsletter:
            title: "Veille innovation publique"
            from: "Veille <veille@metropole.example>"
            recipients: ["alice@commune-a.example", "bob@commune-b.example"]
            editor: "editeur@metropole.example"
          smtp: {host: 127.0.0.1, port: %d, starttls: false}
        sources: []
        """
            .formatted(port);
    return Config.parse(dir.resolve("feeds.yaml"), yaml, Fetches.checks());
  }

  private static Letter letter(String who) {
    return new Letter(
        "2026-W47",
        "Veille innovation publique — du 16 au 22 novembre 2026",
        "Bonjour " + who + ",\n\nLa ZFE du Grand Paris passe une étape.\n",
        "<p>Bonjour " + who + ",</p><p>La ZFE du Grand Paris passe une étape.</p>");
  }

  @Test
  void sendsEachRecipientOnceAndTheEditorTheirOwnCopy() throws Exception {
    Config config = config(smtp.getSmtp().getPort());
    try (SqliteStore store = SqliteStore.open(dir.resolve("veille.db"))) {
      Mailer mailer = new Mailer(config.settings(), Map.of(), store.ledger(), CLOCK);
      SendReport first =
          mailer.send(letter("partenaires"), letter("éditeur"), TO, "editeur@metropole.example");
      assertEquals(3, first.count(SendReport.Outcome.SENT), first.toString());
      assertEquals(3, smtp.getReceivedMessages().length);
      for (MimeMessage m : smtp.getReceivedMessages()) {
        boolean editor = m.getHeader("To", null).contains("editeur@");
        String text = (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
        assertEquals(editor, text.contains("éditeur"), "the editor alone gets the editor's letter");
      }
      Map<String, Delivery> ledger = store.ledger().week("2026-W47");
      assertTrue(ledger.values().stream().allMatch(d -> d.status() == Delivery.Status.SENT));

      SendReport again =
          mailer.send(letter("partenaires"), letter("éditeur"), TO, "editeur@metropole.example");
      assertEquals(3, again.count(SendReport.Outcome.ALREADY_SENT));
      assertEquals(3, smtp.getReceivedMessages().length, "nothing is sent twice");
    }
  }

  @Test
  void anUnreachableServerLeavesEveryoneOwed() throws Exception {
    int port = smtp.getSmtp().getPort();
    smtp.stop();
    Config config = config(port);
    try (SqliteStore store = SqliteStore.open(dir.resolve("veille.db"))) {
      SendReport r =
          new Mailer(config.settings(), Map.of(), store.ledger(), CLOCK)
              .send(letter("p"), letter("e"), TO, "editeur@metropole.example");
      assertTrue(r.incomplete());
      assertEquals(3, r.count(SendReport.Outcome.PENDING));
      assertTrue(
          store.ledger().week("2026-W47").values().stream().allMatch(d -> d.status().owed()),
          "still owed: the next send delivers");
    }
  }
}
