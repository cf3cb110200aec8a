package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.veille.parse.ParsedItem;
import org.veille.store.SqliteStore;
import org.veille.store.WriterLock;
import org.veille.support.Cli;
import org.veille.support.Fetches;
import org.veille.support.Week;

/**
 * The editorial week through the real CLI: a draft with numbers, the editor's changes, approval,
 * and what goes out (GreenMail on 127.0.0.1, a real SQLite store).
 */
class ReviewCommandTest {
  private static final Pattern ITEM =
      Pattern.compile("\\{\"n\":(\\d+),\"id\":\"([0-9a-f]+)\",\"title\":\"([^\"]*)\"");

  @TempDir Path dir;

  @RegisterExtension
  final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private String smtp() {
    return Week.smtp(mail.getSmtp().getPort());
  }

  private Cli week(boolean review) throws Exception {
    String yaml = Week.config("fr", smtp());
    if (review) {
      yaml = yaml.replace("    max_items: 12\n", "    max_items: 12\n    review: true\n");
    }
    Cli cli = new Cli(dir, yaml).env(Map.of("VEILLE_NOW", Week.NOW));
    Week.store(cli);
    return cli;
  }

  /** Draft number → [id, title], from {@code review --format json}. */
  private static Map<Integer, String> numbers(Cli cli) {
    Map<Integer, String> out = new LinkedHashMap<>();
    draft(cli).forEach((n, v) -> out.put(n, v[0]));
    return out;
  }

  private static Map<Integer, String[]> draft(Cli cli) {
    Cli.Result r = cli.run("review", "--format", "json");
    assertEquals(0, r.code(), r.toString());
    Map<Integer, String[]> out = new LinkedHashMap<>();
    Matcher m = ITEM.matcher(r.out());
    while (m.find()) {
      out.put(Integer.parseInt(m.group(1)), new String[] {m.group(2), m.group(3)});
    }
    return out;
  }

  private String html(MimeMessage m) throws Exception {
    // the letter sets French typography (narrow no-break space before ':'): read it as words
    return asSent(m).replace('\u202F', ' ').replace('\u00A0', ' ');
  }

  private String asSent(MimeMessage m) throws Exception {
    return (String) ((MimeMultipart) m.getContent()).getBodyPart(1).getContent();
  }

  private List<String> to() throws Exception {
    List<String> out = new ArrayList<>();
    for (MimeMessage m : mail.getReceivedMessages()) {
      out.add(((InternetAddress) m.getAllRecipients()[0]).getAddress());
    }
    return out.stream().sorted().toList();
  }

  @Test
  void theDraftIsWhatDigestAndDryRunRenderAndWhatIsSent() throws Exception {
    Cli cli = week(false);
    Map<Integer, String[]> d = draft(cli);
    assertEquals(8, d.size(), "eight items with a title and a link this week");
    assertEquals(numbers(cli), numbers(cli), "numbers are stable from one look to the next");
    String[] fonds = d.get(5);
    String[] zfe = d.get(1);
    assertEquals(0, cli.run("review", "pin", "5").code());
    assertEquals(0, cli.run("review", "hide", zfe[0]).code());
    assertEquals(0, cli.run("review", "edito", "Bonne lecture, **chers partenaires**.").code());
    assertEquals(0, cli.run("review", "title", "4", "Zones à faibles émissions : le point").code());
    assertEquals(0, cli.run("review", "move", "8", "mobilite-zfe").code());

    Cli.Result json = cli.run("review", "--format", "json");
    assertTrue(json.out().contains("\"hidden\":[\"" + zfe[0] + "\"]"), json.out());
    assertTrue(
        json.out().contains("\"headlines\":[{\"n\":5,\"id\":\"" + fonds[0] + "\""), json.out());
    assertTrue(json.out().contains("\"pinned\":true"), json.out());
    assertTrue(json.out().contains("\"edito\":\"Bonne lecture, **chers partenaires**.\""));

    Cli.Result text = cli.run("digest", "--format", "text", "--out", "-");
    String letter = text.out().replace('\u202F', ' ').replace('\u00A0', ' ');
    assertTrue(letter.contains("Bonne lecture, chers partenaires."), letter);
    assertFalse(letter.contains(zfe[1]), "hidden from the digest too");
    assertTrue(
        letter.indexOf(fonds[1]) < letter.indexOf("== Mobilité"),
        "pinned into À la une: " + letter);
    assertTrue(letter.contains("Zones à faibles émissions : le point"), letter);

    assertEquals(0, cli.run("send", "--dry-run").code());
    String eml =
        Files.readString(
            cli.data().resolve("outbox").resolve(Week.NAME).resolve("alice@commune-a.example.eml"));
    assertTrue(eml.contains("Zones =C3=A0 faibles") || eml.contains("Zones à faibles"), eml);

    Cli.Result sent = cli.run("send");
    assertEquals(0, sent.code(), sent.toString());
    String partners = html(mail.getReceivedMessages()[0]);
    assertTrue(partners.contains("<strong>chers partenaires</strong>"), partners);
    assertFalse(partners.contains(zfe[1]), "hidden: not sent");
    assertTrue(partners.contains("Zones à faibles émissions : le point"));
    assertTrue(partners.indexOf(fonds[1]) < partners.indexOf("Mobilité et ZFE"));
  }

  @Test
  void unknownItemsTopicsAndEmptyTextsAreRefusedByName() throws Exception {
    Cli cli = week(false);
    draft(cli);
    Cli.Result pin = cli.run("review", "pin", "0123456789ab");
    assertEquals(2, pin.code());
    assertTrue(
        pin.err().contains("no item '0123456789ab' in the draft of newsletter main 2026-W47"),
        pin.err());
    Cli.Result number = cli.run("review", "hide", "99");
    assertEquals(2, number.code());
    assertTrue(number.err().contains("no item numbered 99"), number.err());
    Cli.Result add = cli.run("review", "add", "0123456789ab");
    assertEquals(2, add.code());
    assertTrue(add.err().contains("no stored item with id '0123456789ab'"), add.err());
    Cli.Result move = cli.run("review", "move", "1", "sport");
    assertEquals(2, move.code());
    assertTrue(
        move.err().contains("unknown topic 'sport'") && move.err().contains("mobilite-zfe"),
        move.err());
    Cli.Result title = cli.run("review", "title", "1", " ");
    assertEquals(2, title.code());
    assertTrue(title.err().contains("the title must not be empty"), title.err());
    Cli.Result week = cli.run("review", "--week", "2026-W60");
    assertEquals(2, week.code(), week.toString());
    Cli.Result other = cli.run("review", "--newsletter", "ept-est");
    assertEquals(2, other.code());
    assertTrue(
        other.err().contains("no newsletter 'ept-est'") && other.err().contains("main"),
        other.err());
  }

  @Test
  void overridesWithHtmlOrScriptLinksAreEscapedOrDropped() throws Exception {
    Cli cli = week(false);
    draft(cli);
    assertEquals(
        0,
        cli.run(
                "review",
                "title",
                "1",
                "<script>alert(1)</script><a href=\"javascript:alert(2)\">ZFE</a>")
            .code());
    assertEquals(
        0,
        cli.run(
                "review",
                "summary",
                "1",
                "[lien](javascript:alert(3)) <img src=x onerror=alert(4)>")
            .code());
    assertEquals(
        0, cli.run("review", "edito", "Voir [ici](javascript:alert(5)) et <iframe src=x>").code());
    assertEquals(0, cli.run("send").code());
    for (MimeMessage m : mail.getReceivedMessages()) {
      String h = html(m);
      assertFalse(h.contains("<script"), h);
      assertFalse(h.contains("<img") || h.contains("<iframe"), h);
      assertFalse(h.toLowerCase().contains("href=\"javascript"), h);
      assertTrue(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), h);
    }
    String md = cli.run("digest", "--format", "md", "--out", "-").out();
    assertFalse(md.replace("\\]", "").contains("](javascript"), md);
    assertFalse(md.replace("\\<", "").contains("<script"), md);
  }

  @Test
  void aFiftyKilobyteEditoIsRefusedWithTheLimit() throws Exception {
    Cli cli = week(false);
    Path big = dir.resolve("edito.md");
    Files.writeString(big, "Un édito beaucoup trop long pour une lettre. ".repeat(1200));
    assertTrue(Files.size(big) > 50_000);
    Cli.Result r = cli.run("review", "edito", "--file", big.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("the limit is 5 000"), r.err());
    assertFalse(
        cli.run("review", "--format", "json").out().contains("trop long"), "nothing stored");
    Cli.Result missing = cli.run("review", "edito", "--file", dir.resolve("absent.md").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("file not found"), missing.err());
  }

  @Test
  void reviewTrueHoldsUntilApprovedThenSendsExactlyTheApprovedLetter() throws Exception {
    Cli cli = week(true);
    draft(cli);
    Cli.Result held = cli.run("send");
    assertEquals(1, held.code(), held.toString());
    assertTrue(held.out().contains("held: not approved"), held.out());
    assertTrue(held.err().contains("veille review approve"), held.err());
    assertEquals(0, mail.getReceivedMessages().length, "nothing leaves unapproved");

    assertEquals(0, cli.run("review", "pin", "6").code());
    Cli.Result approved = cli.run("review", "approve");
    assertEquals(0, approved.code(), approved.toString());
    Cli.Result frozen = cli.run("review", "hide", "2");
    assertEquals(2, frozen.code());
    assertTrue(
        frozen.err().contains("is approved") && frozen.err().contains("review reopen"),
        frozen.err());

    // an article of the week arrives after approval: the approved letter is what goes out
    lateArticle(cli);
    assertTrue(cli.run("review").out().contains("the week changed since approval"));
    Cli.Result sent = cli.run("send");
    assertEquals(0, sent.code(), sent.toString());
    assertEquals(4, mail.getReceivedMessages().length);
    for (MimeMessage m : mail.getReceivedMessages()) {
      assertFalse(html(m).contains("Arrivé après validation"), "approved letter only");
    }
    Cli.Result shown = cli.run("digests", "show", Week.NAME, "--format", "html");
    assertEquals(
        asSent(mail.getReceivedMessages()[0]).replace("\r\n", "\n").strip(),
        shown.out().replace("\r\n", "\n").strip(),
        "archived as sent");
  }

  @Test
  void aSentWeekIsFrozenAndReopeningNeverSendsTwice() throws Exception {
    Cli cli = week(false);
    draft(cli);
    assertEquals(0, cli.run("send").code());
    assertEquals(4, mail.getReceivedMessages().length);
    Cli.Result refused = cli.run("review", "hide", "1");
    assertEquals(2, refused.code());
    assertTrue(
        refused.err().contains("was already sent to 4 recipients")
            && refused.err().contains("review reopen"),
        refused.err());
    Cli.Result reopened = cli.run("review", "reopen");
    assertEquals(0, reopened.code(), reopened.toString());
    assertTrue(
        reopened.out().contains("4 recipients already served are not sent to again"),
        reopened.out());
    assertEquals(0, cli.run("review", "hide", "1").code());
    // a new partner joins before the corrected letter goes out
    cli.write(
        Week.config("fr", smtp())
            .replace(
                "\"chloe@commune-c.example\"]",
                "\"chloe@commune-c.example\", \"dan@commune-d.example\"]"));
    Cli.Result again = cli.run("send");
    assertEquals(0, again.code(), again.toString());
    assertTrue(again.out().contains("1 sent, 4 already sent"), again.out());
    assertEquals(5, mail.getReceivedMessages().length, "nobody twice");
    assertTrue(to().contains("dan@commune-d.example"));
    Cli.Result list = cli.run("digests", "list", "--format", "json");
    assertTrue(
        list.out().contains("\"version\":2"),
        "the corrected letter is a new version: " + list.out());
  }

  @Test
  void changesSinceTheLastLookAreShown() throws Exception {
    Cli cli = week(false);
    assertTrue(cli.run("review").out().contains("First look at this draft."));
    assertTrue(cli.run("review").out().contains("Nothing changed since the last look."));
    lateArticle(cli);
    Cli.Result r = cli.run("review");
    assertTrue(r.out().contains("Since the last look: 1 new, 0 gone."), r.out());
    assertTrue(r.out().contains("new     9  Arrivé après validation"), r.out());
  }

  @Test
  void aDraftEditedFromTwoProcessesWaitsForTheWriterLock() throws Exception {
    Cli cli = week(false);
    draft(cli);
    try (WriterLock held = WriterLock.acquire(cli.data(), Duration.ZERO)) {
      long start = System.nanoTime();
      Cli.Result r = cli.run("review", "pin", "3");
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().contains("another veille process is writing to"), r.err());
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 4_000, "waited first");
    }
    assertEquals(0, cli.run("review", "pin", "3").code(), "once the other writer is done");
  }

  /** An article of the week first seen after the draft was looked at. */
  private static void lateArticle(Cli cli) throws Exception {
    try (SqliteStore store = SqliteStore.open(cli.data().resolve("veille.db"))) {
      store.saveFetch(
          Fetches.ok(
              "localtis",
              Instant.parse("2026-11-22T20:00:00Z"),
              List.of(
                  new ParsedItem(
                      "localtis-late",
                      URI.create("https://news.example/late"),
                      "Arrivé après validation : la ZFE étendue",
                      "Un article publié dimanche soir sur la zone à faibles émissions.",
                      "",
                      "",
                      null,
                      Instant.parse("2026-11-22T19:00:00Z"),
                      null,
                      List.of(),
                      "fr")),
              List.of(List.of("mobilite-zfe"))));
    }
  }
}
