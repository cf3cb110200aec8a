package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.veille.support.Cli;
import org.veille.support.SmtpProxy;
import org.veille.support.Week;

/** Sending through a real SMTP server (GreenMail on 127.0.0.1), the messages parsed back. */
class SendCommandTest {
  private static final List<String> EVERYONE =
      List.of(
          "alice@commune-a.example",
          "bob@commune-b.example",
          "chloe@commune-c.example",
          "editeur@metropole.example");
  @TempDir Path dir;

  @RegisterExtension
  final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private SmtpProxy proxy;

  @BeforeEach
  void start() throws Exception {
    proxy = new SmtpProxy(mail.getSmtp().getPort());
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
  }

  private Cli week(int port) throws Exception {
    String smtp = Week.smtp(port);
    Cli cli = new Cli(dir, Week.config("fr", smtp)).env(Map.of("VEILLE_NOW", Week.NOW));
    Week.store(cli);
    return cli;
  }

  private List<String> received() throws Exception {
    return Arrays.stream(mail.getReceivedMessages())
        .map(
            m -> {
              try {
                return ((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0])
                    .getAddress();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .sorted()
        .toList();
  }

  @Test
  void messagesAreWellFormedAndPersonal() throws Exception {
    Cli cli = week(mail.getSmtp().getPort());
    Cli.Result r = cli.run("send");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("4 sent, 0 already sent, 0 failed, 0 still owed."), r.out());
    assertEquals(EVERYONE.stream().sorted().toList(), received());
    MimeMessage m = null;
    for (MimeMessage x : mail.getReceivedMessages()) {
      if (x.getHeader("To", null).contains("alice")) {
        m = x;
      }
    }
    assertEquals(
        "Veille innovation publique — semaine 47 (16 au 22 novembre 2026)", m.getSubject());
    assertTrue(
        m.getHeader("Subject", null).startsWith("=?UTF-8?"),
        "encoded subject: " + m.getHeader("Subject", null));
    Address[] to = m.getRecipients(jakarta.mail.Message.RecipientType.TO);
    assertEquals(1, to.length, "recipients never see each other");
    assertEquals(null, m.getHeader("Cc"));
    assertEquals(
        "\"Veille\" <veille@metropole.example>".replace("\"", ""),
        m.getFrom()[0].toString().replace("\"", ""));
    assertTrue(
        m.getHeader("Message-ID", null)
            .matches("<veille\\.2026-W47\\.[0-9a-f]{16}@metropole\\.example>"));
    assertEquals(
        "<mailto:veille@metropole.example?subject=unsubscribe>",
        m.getHeader("List-Unsubscribe", null));
    assertTrue(
        m.getHeader("List-Id", null).contains("<veille-innovation-publique.metropole.example>"));
    assertTrue(m.getSentDate() != null);
    MimeMultipart alt = (MimeMultipart) m.getContent();
    assertTrue(alt.getContentType().startsWith("multipart/alternative"), alt.getContentType());
    BodyPart text = alt.getBodyPart(0);
    BodyPart html = alt.getBodyPart(1);
    assertTrue(
        text.isMimeType("text/plain") && text.getContentType().toLowerCase().contains("utf-8"));
    assertTrue(html.isMimeType("text/html"));
    String body = (String) html.getContent();
    assertTrue(body.contains("<a href=\"https://news.example/zfe\""), "absolute links");
    assertTrue(((String) text.getContent()).contains("https://news.example/zfe"));
    assertFalse(body.contains("Note pour l'éditeur"), "partners never see the editor's note");
  }

  @Test
  void editorCopyListsBrokenSources() throws Exception {
    Cli cli = week(mail.getSmtp().getPort());
    try (var store = org.veille.store.SqliteStore.open(cli.data().resolve("veille.db"))) {
      store.saveFetch(
          org.veille.support.Fetches.failed(
              "localtis",
              java.time.Instant.parse(Week.NOW),
              503,
              "HTTP 503 after 3 tries",
              4,
              null));
    }
    assertEquals(0, cli.run("send").code());
    for (MimeMessage m : mail.getReceivedMessages()) {
      String html = (String) ((MimeMultipart) m.getContent()).getBodyPart(1).getContent();
      boolean editor = m.getHeader("To", null).contains("editeur@");
      assertEquals(
          editor,
          html.contains("localtis — HTTP 503 after 3 tries (4 failures in a row)"),
          m.getHeader("To", null));
    }
  }

  @Test
  void sendingTwiceSendsOnce() throws Exception {
    Cli cli = week(mail.getSmtp().getPort());
    assertEquals(0, cli.run("send").code());
    Cli.Result again = cli.run("send");
    assertEquals(0, again.code(), again.toString());
    assertTrue(again.out().contains("0 sent, 4 already sent"), again.out());
    assertEquals(4, mail.getReceivedMessages().length);
  }

  @Test
  void serverThatDiesMidRunIsResumedWithoutDuplicates() throws Exception {
    Cli cli = week(proxy.port());
    proxy.dropAfter(2);
    Cli.Result first = cli.run("send");
    assertEquals(1, first.code(), first.toString());
    assertEquals(2, mail.getReceivedMessages().length);
    assertTrue(
        first.out().contains("2 sent, 0 already sent, 0 failed, 2 still owed."), first.out());
    assertTrue(
        first.err().contains("chloe@commune-c.example:") && first.err().contains("still owed"),
        first.err());
    proxy.dropAfter(Integer.MAX_VALUE);
    Cli.Result second = cli.run("send");
    assertEquals(0, second.code(), second.toString());
    assertTrue(second.out().contains("2 sent, 2 already sent"), second.out());
    assertEquals(EVERYONE.stream().sorted().toList(), received(), "everyone once, nobody twice");
  }

  @Test
  void refusedRecipientsArePermanentOrOwed() throws Exception {
    Cli cli = week(proxy.port());
    proxy.refuse("bob@commune-b.example", "550 5.1.1 <bob@commune-b.example>: no such user");
    proxy.refuse("chloe@commune-c.example", "451 4.3.0 try again later");
    Cli.Result first = cli.run("send");
    assertEquals(1, first.code());
    assertTrue(
        first.err().contains("bob@commune-b.example: SMTP 550")
            && first.err().contains("refused for good"),
        first.err());
    assertTrue(
        first.err().contains("chloe@commune-c.example: SMTP 451")
            && first.err().contains("still owed"),
        first.err());
    assertEquals(List.of("alice@commune-a.example", "editeur@metropole.example"), received());
    proxy.allow("chloe@commune-c.example");
    Cli.Result second = cli.run("send");
    assertEquals(
        0, second.code(), "a permanent failure was reported last time, not retried: " + second);
    assertTrue(
        second
            .out()
            .lines()
            .anyMatch(l -> l.contains("bob@commune-b.example") && l.contains("already failed")),
        second.out());
    assertEquals(
        List.of("alice@commune-a.example", "chloe@commune-c.example", "editeur@metropole.example"),
        received(),
        "chloe gets it now; bob is not tried again");
  }

  @Test
  void dryRunWritesEmlFilesAndRecordsNothing() throws Exception {
    Cli cli = week(mail.getSmtp().getPort());
    Cli.Result r = cli.run("send", "--dry-run");
    assertEquals(0, r.code(), r.toString());
    Path outbox = cli.data().resolve("outbox").resolve(Week.NAME);
    List<Path> files;
    try (Stream<Path> s = Files.list(outbox)) {
      files = s.sorted().toList();
    }
    assertEquals(4, files.size());
    try (InputStream in = Files.newInputStream(outbox.resolve("alice@commune-a.example.eml"))) {
      MimeMessage m = new MimeMessage(jakarta.mail.Session.getInstance(new Properties()), in);
      assertEquals(
          "Veille innovation publique — semaine 47 (16 au 22 novembre 2026)", m.getSubject());
      assertTrue(m.getContentType().startsWith("multipart/alternative"));
    }
    assertEquals(0, mail.getReceivedMessages().length);
    assertTrue(cli.run("send").out().contains("4 sent"), "nothing was recorded by the dry run");
  }

  @Test
  void testCopyGoesOutsideTheLedger() throws Exception {
    Cli cli = week(mail.getSmtp().getPort());
    Cli.Result r = cli.run("send", "--to", "moi@metropole.example");
    assertEquals(0, r.code(), r.toString());
    assertEquals(List.of("moi@metropole.example"), received());
    assertTrue(cli.run("send").out().contains("4 sent"));
  }

  @Test
  void serverDownIsReportedAndEveryoneStaysOwed() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Cli cli = week(closed);
    Cli.Result r = cli.run("send");
    assertEquals(1, r.code());
    assertTrue(r.out().contains("0 sent, 0 already sent, 0 failed, 4 still owed."), r.out());
    assertTrue(r.err().contains("127.0.0.1:" + closed), r.err());
  }

  @Test
  void missingPasswordIsAConfigError() throws Exception {
    String smtp = Week.smtp(mail.getSmtp().getPort()).replace("}", ", username: veille}");
    Cli cli = new Cli(dir, Week.config("fr", smtp)).env(Map.of("VEILLE_NOW", Week.NOW));
    Week.store(cli);
    Cli.Result r = cli.run("send");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("VEILLE_SMTP_PASSWORD"), r.err());
  }
}
