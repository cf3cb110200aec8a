package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.veille.support.Cli;
import org.veille.support.SmtpProxy;
import org.veille.support.Week;

/** Several newsletters from one week: own content, own ledger, own headers, own archive. */
class AudiencesTest {
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

  private Cli week(int port, String newsletters) throws Exception {
    String smtp = Week.smtp(port);
    Cli cli =
        new Cli(dir, Week.config("fr", smtp) + newsletters).env(Map.of("VEILLE_NOW", Week.NOW));
    Week.store(cli);
    return cli;
  }

  private static final String CLIMATE =
      """
      newsletters:
        - id: climat
          title: "Lettre climat des EPT"
          recipients_file: climat.txt
          topics: [climat-gemapi]
      """;

  private List<MimeMessage> to(String address) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : mail.getReceivedMessages()) {
      if (m.getHeader("To", null).contains(address)) {
        out.add(m);
      }
    }
    return out;
  }

  private static String html(MimeMessage m) throws Exception {
    // the letter sets French typography (narrow no-break space before ':'): read it as words
    String html = (String) ((MimeMultipart) m.getContent()).getBodyPart(1).getContent();
    return html.replace('\u202F', ' ').replace('\u00A0', ' ');
  }

  @Test
  void twoAudiencesGetTheirOwnLetterOnceEach() throws Exception {
    Files.writeString(
        dir.resolve("climat.txt"),
        "# EPT et communes du réseau climat\nalice@commune-a.example\n\nmairie-sans-domaine\n"
            + "eau@ept-est.example\nALICE@commune-a.example\n");
    Cli cli = week(mail.getSmtp().getPort(), CLIMATE);
    Cli.Result r = cli.run("send");
    assertEquals(0, r.code(), r.toString());
    assertTrue(
        r.err().contains("climat.txt:4: invalid email address 'mairie-sans-domaine' (skipped)"),
        r.err());
    assertTrue(r.err().contains("climat.txt:6: duplicate of line 2"), r.err());
    List<MimeMessage> alice = to("alice@commune-a.example");
    assertEquals(2, alice.size(), "one letter per audience");
    MimeMessage main = alice.stream().filter(m -> !subject(m).contains("climat")).findFirst().get();
    MimeMessage climat =
        alice.stream().filter(m -> subject(m).contains("climat")).findFirst().get();
    assertFalse(main.getHeader("List-Id", null).equals(climat.getHeader("List-Id", null)));
    assertTrue(climat.getHeader("List-Unsubscribe", null).contains("unsubscribe%20climat"));
    assertFalse(main.getHeader("Message-ID", null).equals(climat.getHeader("Message-ID", null)));
    assertTrue(html(main).contains("ZFE : la métropole ajuste son calendrier"));
    assertFalse(html(climat).contains("ZFE : la métropole"), "climate topics only");
    assertTrue(html(climat).contains("GEMAPI : la taxe inondation expliquée"));
    Cli.Result again = cli.run("send");
    assertEquals(0, again.code());
    assertEquals(2, to("alice@commune-a.example").size(), "nobody twice");
    Cli.Result list = cli.run("digests", "list");
    assertTrue(list.out().contains("climat") && list.out().contains("main"), list.out());
    assertEquals(0, cli.run("reindex").code());
    Cli.Result search = cli.run("search", "gemapi", "--sent", "--format", "json");
    assertTrue(
        search.out().contains("\"sent_in\":[\"climat/2026-W47\",\"main/2026-W47\"]"), search.out());
    Cli.Result show =
        cli.run("digests", "show", Week.NAME, "--newsletter", "climat", "--format", "json");
    assertTrue(
        show.out().contains("\"address\":\"eau@ept-est.example\",\"outcome\":\"sent\""),
        show.out());
  }

  @Test
  void anAudienceWhoseFiltersMatchNothingGetsNoLetterWhenAskedSo() throws Exception {
    Files.writeString(dir.resolve("climat.txt"), "eau@ept-est.example\n");
    Cli cli =
        week(
            mail.getSmtp().getPort(),
            CLIMATE.replace(
                "topics: [climat-gemapi]",
                "topics: [appels-a-projets]\n    sources: [gazette]\n    when_empty: skip\n"
                    + "    communes: [\"93066\"]"));
    Cli.Result r = cli.run("send", "--newsletter", "climat");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("no letter this week"), r.out());
    assertTrue(r.err().contains("nothing this week matches its filters"), r.err());
    assertEquals(0, mail.getReceivedMessages().length);
    Cli.Result honest =
        week(
                mail.getSmtp().getPort(),
                CLIMATE.replace(
                    "topics: [climat-gemapi]",
                    "topics: [appels-a-projets]\n    sources: [gazette]"))
            .run("send", "--newsletter", "climat");
    assertEquals(0, honest.code(), honest.toString());
    assertEquals(
        2, mail.getReceivedMessages().length, "an honest empty letter to the list and the editor");
    assertTrue(
        html(mail.getReceivedMessages()[0]).contains("Rien de nouveau cette semaine."),
        html(mail.getReceivedMessages()[0]));
  }

  @Test
  void twoAudiencesWithTheServerFailingMidwayResumeIndependently() throws Exception {
    Files.writeString(dir.resolve("climat.txt"), "eau@ept-est.example\nclimat@ept-sud.example\n");
    Cli cli = week(proxy.port(), CLIMATE);
    proxy.dropAfter(5);
    Cli.Result first = cli.run("send");
    assertEquals(1, first.code(), first.toString());
    assertEquals(5, mail.getReceivedMessages().length);
    proxy.dropAfter(Integer.MAX_VALUE);
    Cli.Result second = cli.run("send");
    assertEquals(0, second.code(), second.toString());
    assertEquals(7, mail.getReceivedMessages().length, "4 + 3, each once");
    assertEquals(1, to("climat@ept-sud.example").size());
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
