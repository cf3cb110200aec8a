package org.veille.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** French typography of the newsletter's labels and texts, as a decision table. */
class LabelsTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final char N = Labels.NARROW_NBSP;

  @ParameterizedTest(name = "{0} to {1} → {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-11-23 | 2026-11-29 | du 23 au 29 novembre 2026     | 23–29 November 2026",
        "2026-11-30 | 2026-12-06 | du 30 novembre au 6 décembre 2026 | 30 November–6 December 2026",
        "2026-11-25 | 2026-12-01 | du 25 novembre au 1er décembre 2026 | 25 November–1 December 2026",
        "2026-12-01 | 2026-12-07 | du 1er au 7 décembre 2026     | 1–7 December 2026",
        "2026-06-01 | 2026-07-01 | du 1er juin au 1er juillet 2026 | 1 June–1 July 2026",
        "2026-12-28 | 2027-01-01 | du 28 décembre 2026 au 1er janvier 2027 | 28 December 2026–1 January 2027",
      })
  void periods(String first, String last, String fr, String en) {
    Period p = Period.days(first, last, PARIS);
    assertEquals(fr, Labels.FR.period(p));
    assertEquals(en, Labels.EN.period(p));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-11-30T23:30:00Z | 1er déc. 2026 | 1 Dec 2026",
        "2026-12-10T08:00:00Z | 10 déc. 2026  | 10 Dec 2026",
        "2026-11-01T09:00:00Z | 1er nov. 2026 | 1 Nov 2026",
      })
  void dates(String instant, String fr, String en) {
    assertEquals(fr, Labels.FR.date(Instant.parse(instant), PARIS));
    assertEquals(en, Labels.EN.date(Instant.parse(instant), PARIS));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "Innovation publique : les laboratoires | Innovation publique_: les laboratoires",
        "Qui finance la ZFE ? Les métropoles ! | Qui finance la ZFE_? Les métropoles_!",
        "Trois axes ; deux appels | Trois axes_; deux appels",
        "« Territoires d'innovation » primés | «_Territoires d'innovation_» primés",
        "«Territoires» | «_Territoires_»",
        "Réunion à 10:30, voir https://www.anct.gouv.fr/actualites | Réunion à 10:30, voir https://www.anct.gouv.fr/actualites",
        "Call for proposals: Horizon Europe | Call for proposals: Horizon Europe",
        "Déjà espacé : une seule espace | Déjà espacé_: une seule espace",
        "Ratio 3 :1 | Ratio 3 :1",
      })
  void frenchSpacing(String text, String expected) {
    assertEquals(expected.replace('_', N), Labels.FR.typography(text));
    assertEquals(text, Labels.EN.typography(text), "English letters are left alone");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"fr", "en"})
  void colonAfterALabel(String locale) {
    assertEquals("fr".equals(locale) ? N + ":" : ":", Labels.of(locale).colon());
  }
}
