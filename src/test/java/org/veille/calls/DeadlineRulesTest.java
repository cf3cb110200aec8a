package org.veille.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The deadline rules as decision tables: a phrase, the publication date, and the deadline, time,
 * final date and zone a reader finds (empty: none).
 */
class DeadlineRulesTest {

  private static Call read(String text, String published) {
    return DeadlineRules.read("aap", "Appel à projets", text, LocalDate.parse(published));
  }

  @ParameterizedTest(name = "{0} (published {1}) -> {2} {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "",
      textBlock =
          """
          # French phrasings
          Date limite de dépôt : 15 mars 2026                       | 2026-01-10 | 2026-03-15 |
          jusqu'au 30 avril inclus                                  | 2026-02-01 | 2026-04-30 |
          avant le 15/03/2026 à 12h                                 | 2026-01-10 | 2026-03-15 | 12:00
          clôture le 1er juin                                       | 2026-03-01 | 2026-06-01 |
          candidatures ouvertes du 2 au 31 mai                      | 2026-04-20 | 2026-05-31 |
          Dépôt des dossiers du 1er mars au 15 avril 2026           | 2026-02-10 | 2026-04-15 |
          Clôture des candidatures : vendredi 27 février 2026, 17h  | 2026-01-05 | 2026-02-27 | 17:00
          au plus tard le 12 juin 2026 à 16 heures                  | 2026-04-01 | 2026-06-12 | 16:00
          avant le 15 janvier à minuit                              | 2026-12-01 | 2027-01-15 | 23:59
          Date limite : 19.06.2026 à 12 h                           | 2026-05-02 | 2026-06-19 | 12:00
          DATE LIMITE : LUNDI 16 MARS 2026 A MIDI                   | 2026-01-14 | 2026-03-16 | 12:00
          date limite de depot : 16 fevrier                         | 2026-01-14 | 2026-02-16 |
          Les dossiers doivent être transmis le 30 janvier au plus tard | 2026-01-09 | 2026-01-30 |
          Clôture : 10/07/2026 à 12h00 (heure de Paris)             | 2026-05-26 | 2026-07-10 | 12:00
          jusqu'au 15/03                                            | 2026-01-12 | 2026-03-15 |
          jusqu'au 15 janvier                                       | 2026-12-03 | 2027-01-15 |
          jusqu'au samedi 9 janvier                                 | 2026-11-12 | 2027-01-09 |
          initialement fixée au 25 septembre, est repoussée au 9 octobre 2026 | 2026-09-03 | 2026-10-09 |
          # English phrasings
          Deadline: 17 September 2026, 17:00 CET                    | 2026-03-05 | 2026-09-17 | 17:00
          The call closes on June 5.                                | 2026-05-11 | 2026-06-05 |
          Applications must be received before November 4, 2026    | 2026-09-28 | 2026-11-04 |
          The application deadline is Wednesday, September 30, 2026 | 2026-07-28 | 2026-09-30 |
          Proposals must be submitted by 30 June 2026 at noon       | 2026-05-14 | 2026-06-30 | 12:00
          apply until July 10th, 11:59 pm (Paris time)              | 2026-06-15 | 2026-07-10 | 23:59
          The deadline is 12 noon on Tuesday 1 September 2026       | 2026-07-06 | 2026-09-01 | 12:00
          submitted by midnight on 14 August 2026                   | 2026-07-01 | 2026-08-14 | 23:59
          Deadline: 15/05/2026, 2:00 p.m. (UTC+2)                   | 2026-04-13 | 2026-05-15 | 14:00
          no later than 2026-05-20                                  | 2026-04-09 | 2026-05-20 |
          # not deadlines
          Un webinaire de présentation aura lieu le 3 février 2026  | 2026-01-14 |            |
          Ouverture des candidatures le 2 mars 2026                 | 2026-01-14 |            |
          Les lauréats seront annoncés le 30 juin 2026              | 2026-01-14 |            |
          The info day takes place on 24 March 2026                 | 2026-03-05 |            |
          Projects may start on 1 January 2027                      | 2026-03-05 |            |
          Le vote aura lieu du 15 septembre au 15 octobre           | 2026-05-19 |            |
          L'an dernier, la date limite était fixée au 15 septembre 2025 | 2026-06-29 |        |
          Publié le 3 mars 2026                                     | 2026-03-03 |            |
          # vague and impossible dates are not invented
          clôture prévue mi-juillet                                 | 2026-03-01 |            |
          candidatures jusqu'à fin septembre                        | 2026-03-01 |            |
          la date limite indiquée est le 31 février 2026            | 2026-02-03 |            |
          date limite : 30/02/2026                                  | 2026-02-03 |            |
          """)
  void readsTheDeadline(String text, String published, String deadline, String time) {
    Call c = read(text, published);
    assertEquals(deadline == null ? null : LocalDate.parse(deadline), c.deadline(), text);
    assertEquals(time == null ? null : LocalTime.parse(time), c.time(), text);
  }

  @ParameterizedTest(name = "{0} -> next {2}, final {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "",
      textBlock =
          """
          Lettre d'intention avant le 15 mai 2026. Dossier complet au plus tard le 30 septembre 2026. | 2026-03-20 | 2026-05-15 | 2026-09-30
          session 1, jusqu'au 15 septembre 2026 ; session 2, jusqu'au 15 janvier 2027 | 2026-06-22 | 2026-09-15 | 2027-01-15
          trois relèves : 16 octobre 2026, 15 janvier 2027 et 12 mars 2027 | 2026-08-25 | 2026-10-16 | 2027-03-12
          Stage 1 closes on 26 June 2026. Full proposals by 23 October 2026. | 2026-05-25 | 2026-06-26 | 2026-10-23
          relèves : 16 octobre 2025, 15 janvier 2026 et 12 mars 2026 | 2025-12-01 | 2026-01-15 | 2026-03-12
          Date limite : 15 mars 2026                                 | 2026-01-10 | 2026-03-15 |
          """)
  void keepsTheNextAndTheFinalDateOfAStagedCall(
      String text, String published, String next, String last) {
    Call c = read(text, published);
    assertEquals(LocalDate.parse(next), c.deadline(), text);
    assertEquals(last == null ? null : LocalDate.parse(last), c.finalDeadline(), text);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Deadline: 17 September 2026, 17:00 CET         | Europe/Brussels
          closes on 1 October 2026 at 17:00 Brussels time | Europe/Brussels
          avant le 6 novembre 2026, 12h (heure de Paris) | Europe/Paris
          deadline 3 June 2026 at 12:00 UTC              | UTC
          """)
  void readsTheZone(String text, String zone) {
    assertEquals(zone, read(text, "2026-01-01").zone());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Dépôt au fil de l'eau, dans la limite de l'enveloppe.
          L'aide est ouverte en continu tout au long de l'année.
          Applications are accepted on a rolling basis.
          There is no fixed deadline.
          """)
  void aRollingCallHasNoDeadline(String text) {
    Call c = read(text, "2026-03-01");
    assertTrue(c.rolling(), text);
    assertNull(c.deadline(), text);
  }

  @Test
  void aCallWhoseOnlyDateIsPastHasNoDeadline() {
    Call c = read("La date limite de dépôt était le 15 février 2026.", "2026-03-10");
    assertTrue(c.isCall());
    assertNull(c.deadline());
    assertFalse(c.rolling());
  }

  @Test
  void aDayWithoutAYearInAJanuaryItemIsThisYear() {
    assertEquals(LocalDate.of(2026, 3, 15), read("jusqu'au 15/03", "2026-01-12").deadline());
    assertEquals(LocalDate.of(2027, 1, 15), read("jusqu'au 15/01", "2026-12-12").deadline());
  }

  @Test
  void theThirtyFirstOfFebruaryIsNoDate() {
    Call c = read("Date limite : 31 février. Webinaire le 10 février.", "2026-01-20");
    assertNull(c.deadline());
  }

  @Test
  void aTwentyThousandWordArticleIsReadInBoundedTime() {
    StringBuilder b = new StringBuilder();
    String[] sentences = {
      "Le conseil municipal s'est réuni le 12 février 2026 pour examiner le budget. ",
      "Un webinaire aura lieu le 3 mars 2026 à 14h. ",
      "La concertation se déroulera du 1er avril au 15 mai. ",
      "Les habitants ont exprimé leurs attentes sur la mobilité, le logement et les espaces verts. ",
      "The summit will be held on 12 October 2026 in Paris. "
    };
    int words = 0;
    for (int i = 0; words < 20_000; i++) {
      String s = sentences[i % sentences.length];
      b.append(s);
      words += s.split(" ").length;
    }
    b.append("Date limite de dépôt des dossiers : 30 juin 2026 à 12h.");
    long start = System.nanoTime();
    Call c =
        CallReader.read(
            "Appel à projets Mobilités",
            b.toString(),
            LocalDate.of(2026, 1, 20).atStartOfDay().toInstant(ZoneOffset.UTC),
            false);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.toMillis() < 2_000, "read in " + took.toMillis() + " ms");
    assertEquals(LocalDate.of(2026, 6, 30), c.deadline());
  }
}
