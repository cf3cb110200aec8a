package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.support.Cli;
import org.veille.support.TestServer;

/**
 * Calls for projects crawled from a WordPress-shaped funding feed and a portal marked {@code kind:
 * calls}, on a local server: their deadlines are stored and searchable, {@code veille calls} lists
 * them by deadline in four formats, and the iCalendar file reads back in a real parser.
 */
class CallsCommandTest {
  private final TestServer server = new TestServer();
  @TempDir Path dir;

  @BeforeEach
  void serve() {
    server.respond("/appels.xml", 200, "application/rss+xml", TestServer.fixture("appels.xml"));
    server.respond(
        "/aides.xml", 200, "application/rss+xml", TestServer.fixture("portail-aides.xml"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Cli crawled(String now) {
    Cli cli =
        new Cli(
                dir,
                Cli.fastSettings()
                    + ("sources:\n  - id: appels\n    url: %s/appels.xml\n"
                            + "  - id: aides\n    url: %s/aides.xml\n    kind: calls\n")
                        .formatted(server.base(), server.base()))
            .env(Map.of("VEILLE_NOW", now));
    Cli.Result crawl = cli.run("crawl");
    assertEquals(0, crawl.code(), crawl.toString());
    return cli;
  }

  private static List<String> titles(Cli.Result r) {
    Matcher m = Pattern.compile("\"title\":\"([^\"]*)\"").matcher(r.out());
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static List<String> search(Cli cli, String query) {
    Cli.Result r = cli.run("search", query, "--format", "json", "--sort", "date");
    assertEquals(0, r.code(), r.toString());
    return titles(r);
  }

  private static final String TIERS_LIEUX = "Appel à projets « Tiers-lieux nourriciers » 2027";
  private static final String AMI =
      "AMI « Quartiers fertiles » : la Métropole recherche des fonciers";
  private static final String HORIZON =
      "Horizon Europe: call for proposals on zero-emission urban mobility";
  private static final String MOBILITES = "AAP Mobilités du quotidien : un appel en deux étapes";
  private static final String COMMERCES = "Soutien aux commerces de proximité des quartiers";
  private static final String CLOSED =
      "Appel à projets Économie circulaire : la session 2026 est close";
  private static final String FONDS =
      "Fonds de soutien à l’économie sociale et solidaire : dépôt au fil de l’eau";

  @Test
  void callsAreListedByDeadline() {
    Cli cli = crawled("2026-11-20T10:00:00Z");
    Cli.Result all = cli.run("calls", "--format", "json");
    assertEquals(0, all.code(), all.toString());
    assertEquals(
        List.of(MOBILITES, COMMERCES, AMI, TIERS_LIEUX, HORIZON, CLOSED, FONDS), titles(all));
    assertTrue(all.out().contains("\"today\":\"2026-11-20\""), all.out());
    assertTrue(
        all.out()
            .contains(
                "\"call\":true,\"deadline\":\"2027-01-11\",\"deadline_time\":\"12:00\",\"call_kind\":\"aap\""),
        all.out());
    assertTrue(
        all.out()
            .contains(
                "\"deadline\":\"2026-11-27\",\"deadline_time\":null,\"call_kind\":\"aap\",\"final_deadline\":\"2027-03-26\""),
        all.out());
    assertTrue(all.out().contains("\"deadline_zone\":\"Europe/Brussels\""), all.out());
    assertTrue(all.out().contains("\"call_kind\":\"source\""), "the portal's item: " + all.out());

    Cli.Result open = cli.run("calls", "--open", "--format", "json");
    assertEquals(List.of(MOBILITES, COMMERCES, AMI, TIERS_LIEUX, HORIZON, FONDS), titles(open));

    Cli.Result soon = cli.run("calls", "--closing-within", "14d", "--format", "json");
    assertEquals(List.of(MOBILITES, COMMERCES, AMI), titles(soon));

    Cli.Result table = cli.run("calls", "--open");
    assertEquals(0, table.code(), table.toString());
    assertTrue(table.out().contains("2027-01-11 12:00"), table.out());
    assertTrue(table.out().contains("rolling"), table.out());
    assertTrue(table.out().contains("7 d"), "27 November is 7 days away: " + table.out());

    Cli.Result csv = cli.run("calls", "--format", "csv");
    String header = csv.out().lines().findFirst().orElseThrow();
    assertTrue(
        header.endsWith(",call_kind,deadline,deadline_time,deadline_zone,final_deadline,rolling"),
        header);
    assertEquals(8, csv.out().lines().count(), csv.out());
  }

  @Test
  void afterTheFirstStageAStagedCallClosesOnItsFinalDate() {
    Cli cli = crawled("2026-12-01T10:00:00Z");
    Cli.Result open = cli.run("calls", "--open", "--format", "json");
    assertEquals(List.of(AMI, TIERS_LIEUX, HORIZON, MOBILITES, FONDS), titles(open));
    assertTrue(open.out().contains("\"closes\":\"2027-03-26\""), open.out());
  }

  @Test
  void theIcsFileReadsBackInACalendarParser() throws Exception {
    Cli cli = crawled("2026-11-20T10:00:00Z");
    Cli.Result r = cli.run("calls", "--open", "--format", "ics");
    assertEquals(0, r.code(), r.toString());
    ICalendar ical = Biweekly.parse(r.out()).first();
    assertNotNull(ical, r.out());
    List<VEvent> events = ical.getEvents();
    // five calls with a deadline, one of them in two stages; the rolling fund has none
    assertEquals(6, events.size(), r.out());
    VEvent tiers =
        events.stream()
            .filter(e -> e.getSummary().getValue().endsWith(TIERS_LIEUX))
            .findFirst()
            .orElseThrow();
    assertEquals("Clôture : " + TIERS_LIEUX, tiers.getSummary().getValue());
    assertTrue(tiers.getDateStart().getValue().hasTime());
    assertEquals(
        Instant.parse("2027-01-11T11:00:00Z"), tiers.getDateStart().getValue().toInstant());
    assertTrue(
        tiers
            .getDescription()
            .getValue()
            .startsWith(
                "https://innovation-territoires.example/2026/11/aap-tiers-lieux-nourriciers-2027/"),
        tiers.getDescription().getValue());
    VEvent horizon =
        events.stream()
            .filter(e -> e.getSummary().getValue().endsWith(HORIZON))
            .findFirst()
            .orElseThrow();
    assertTrue(horizon.getDateStart().getValue().hasTime());
    assertEquals(
        Instant.parse("2027-02-16T16:00:00Z"), horizon.getDateStart().getValue().toInstant());
    VEvent ami =
        events.stream()
            .filter(e -> e.getSummary().getValue().endsWith(AMI))
            .findFirst()
            .orElseThrow();
    assertFalse(ami.getDateStart().getValue().hasTime(), "an all-day event");
    assertEquals(
        LocalDate.of(2026, 12, 4),
        LocalDate.ofInstant(ami.getDateStart().getValue().toInstant(), ZoneId.systemDefault()));
    assertTrue(r.out().contains("DTSTART;VALUE=DATE:20261204"), r.out());
    long finals =
        events.stream().filter(e -> e.getSummary().getValue().startsWith("Clôture finale")).count();
    assertEquals(1, finals);
    // the same UIDs on the next export: importing again updates the events
    Cli.Result again = cli.run("calls", "--open", "--format", "ics");
    List<String> uids = events.stream().map(e -> e.getUid().getValue()).toList();
    assertEquals(
        uids,
        Biweekly.parse(again.out()).first().getEvents().stream()
            .map(e -> e.getUid().getValue())
            .toList());
    assertEquals(uids.size(), uids.stream().distinct().count());
  }

  @Test
  void callAndDeadlineInTheQuerySyntax() {
    Cli cli = crawled("2026-11-20T10:00:00Z");
    assertEquals(7, search(cli, "call:true").size(), search(cli, "call:true").toString());
    assertEquals(
        List.of("Budget 2027 : ce que vote le conseil départemental le 10 décembre"),
        search(cli, "call:false"));
    assertEquals(List.of(AMI), search(cli, "call:ami"));
    assertEquals(List.of(AMI, TIERS_LIEUX), search(cli, "deadline:[2026-12-01 TO 2027-01-31]"));
    assertEquals(List.of(TIERS_LIEUX), search(cli, "deadline:2027-01-11"));
    assertEquals(List.of(MOBILITES), search(cli, "deadline:2027-03-26"), "the final date counts");
    assertEquals(List.of(HORIZON), search(cli, "call:true AND mobility"));
    Cli.Result bad = cli.run("search", "deadline:[2026-02-31 TO 2027-01-31]");
    assertEquals(2, bad.code(), bad.toString());
    assertTrue(bad.err().contains("deadline: takes a day written YYYY-MM-DD"), bad.err());
    assertTrue(bad.err().contains("2026-02-31"), bad.err());
  }

  @Test
  void showAndExportCarryTheCall() {
    Cli cli = crawled("2026-11-20T10:00:00Z");
    Cli.Result hit = cli.run("search", "Tiers-lieux nourriciers", "--format", "json");
    Matcher id = Pattern.compile("\"id\":\"([0-9a-f]{12})\"").matcher(hit.out());
    assertTrue(id.find(), hit.out());
    assertTrue(hit.out().contains("\"call\":true,\"deadline\":\"2027-01-11\""), hit.out());
    Cli.Result show = cli.run("show", id.group(1), "--format", "json");
    assertTrue(
        show.out()
            .contains("\"call\":true,\"deadline\":\"2027-01-11\",\"deadline_time\":\"12:00\""),
        show.out());
    Cli.Result text = cli.run("show", id.group(1));
    assertTrue(text.out().contains("call:       aap, deadline 2027-01-11 12:00"), text.out());
    Cli.Result export = cli.run("export");
    assertEquals(8, export.out().lines().count());
    assertTrue(export.out().lines().allMatch(l -> l.contains("\"call\":")), export.out());
    assertTrue(export.out().contains("\"call\":false,\"deadline\":null,\"deadline_time\":null"));
    Cli.Result csv = cli.run("export", "--format", "csv");
    assertTrue(
        csv.out()
            .lines()
            .findFirst()
            .orElseThrow()
            .contains(",departements,call,deadline,deadline_time,"),
        csv.out());
    assertTrue(csv.out().contains(",true,2027-01-11,12:00"), csv.out());
  }

  @Test
  void theDigestHasACallsSectionByDeadlineAndRecallsCallsClosingSoon() {
    Cli cli = crawled("2026-11-20T10:00:00Z");
    Cli.Result week =
        cli.run(
            "digest",
            "--from",
            "2026-11-16",
            "--to",
            "2026-11-22",
            "--format",
            "text",
            "--out",
            "-");
    assertEquals(0, week.code(), week.toString());
    // read as words (French typography puts narrow no-break spaces before ':' and inside « »)
    String letter = week.out().replace('\u202F', ' ').replace('\u00A0', ' ');
    int section = letter.indexOf("== Appels à projets ==");
    assertTrue(section > 0, letter);
    List<Integer> order =
        List.of(MOBILITES, COMMERCES, AMI, TIERS_LIEUX, HORIZON).stream()
            .map(t -> letter.indexOf(t.substring(0, 24))) // a title may wrap after that
            .toList();
    assertTrue(order.stream().allMatch(at -> at > section), "all in the section: " + letter);
    assertEquals(order.stream().sorted().toList(), order, "by the date they close: " + letter);
    assertTrue(letter.contains("  Clôture le 11 janvier 2027 à 12 h\n"), letter);
    assertTrue(letter.contains("  Dépôt au fil de l'eau\n"), "a rolling call: " + letter);
    Cli.Result next =
        cli.env(Map.of("VEILLE_NOW", "2026-11-30T07:00:00Z"))
            .run(
                "digest",
                "--from",
                "2026-11-23",
                "--to",
                "2026-11-29",
                "--format",
                "text",
                "--out",
                "-");
    assertEquals(0, next.code(), next.toString());
    String reminders = next.out().replace('\u202F', ' ').replace('\u00A0', ' ');
    assertTrue(reminders.contains("== Appels à projets =="), reminders);
    assertTrue(reminders.contains(COMMERCES), "closes 30 November: recalled: " + reminders);
    assertTrue(reminders.contains(AMI), "closes 4 December: recalled: " + reminders);
    assertFalse(reminders.contains(MOBILITES), "closed on 27 November: " + reminders);
    assertFalse(reminders.contains(TIERS_LIEUX), "closes in January: not yet: " + reminders);
  }

  @Test
  void badOptionsAreNamed() {
    Cli cli = crawled("2026-11-20T10:00:00Z");
    Cli.Result span = cli.run("calls", "--closing-within", "a month");
    assertEquals(2, span.code(), span.toString());
    assertTrue(span.err().contains("--closing-within: bad duration 'a month'"), span.err());
    Cli.Result format = cli.run("calls", "--format", "pdf");
    assertEquals(2, format.code(), format.toString());
    assertTrue(format.err().contains("--format takes table, json, csv or ics (got 'pdf')"));
    assertEquals(7, titles(cli.run("calls", "--format", "json")).size(), "nothing lost");
  }

  @Test
  void aSourceKindOtherThanCallsIsRefused() {
    Cli cli =
        new Cli(
            dir,
            Cli.fastSettings()
                + "sources:\n  - id: aides\n    url: %s/aides.xml\n    kind: appels\n"
                    .formatted(server.base()));
    Cli.Result r = cli.run("crawl");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("kind"), r.err());
    assertTrue(r.err().contains("must be calls"), r.err());
  }
}
