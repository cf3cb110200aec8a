package org.veille.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decision tables for the small rules of parsing: dates on pages, canonical URLs, languages. */
class TextRulesTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-02-13                        | 2026-02-12T23:00:00Z",
        "2026-06-25T10:30:00Z              | 2026-06-25T10:30:00Z",
        "2026-06-25T10:30:00+02:00         | 2026-06-25T08:30:00Z",
        "13/02/2026                        | 2026-02-12T23:00:00Z",
        "Publié le 13/02/2026              | 2026-02-12T23:00:00Z",
        "13 février 2026                   | 2026-02-12T23:00:00Z",
        "Publié le 13 février 2026         | 2026-02-12T23:00:00Z",
        "Mis à jour le 1er mars 2026       | 2026-02-28T23:00:00Z",
        "Deadline date : 30/09/2026        | 2026-09-29T22:00:00Z",
        "June 25, 2026                     | 2026-06-24T22:00:00Z",
        "25 June 2026                      | 2026-06-24T22:00:00Z",
        "Sept. 3, 2026                     | 2026-09-02T22:00:00Z",
        "31/02/2026                        | ",
        "bientôt                           | ",
      })
  void pageDates(String text, String expected) {
    assertEquals(
        expected == null ? null : Instant.parse(expected),
        PageDates.parse(text, PARIS).orElse(null));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://Example.ORG/a?utm_source=rss&id=2#top         | https://example.org/a?id=2",
        "http://example.org:80/a/./b/../c                      | http://example.org/a/c",
        "https://example.org/p?fbclid=1&gclid=2&x=1            | https://example.org/p?x=1",
        "/relative/page                                        | https://base.example/relative/page",
        "ftp://example.org/file                                | ",
        "javascript:alert(1)                                   | ",
        "mailto:a@b.fr                                         | ",
      })
  void canonicalUrls(String href, String expected) {
    assertEquals(
        expected == null ? null : URI.create(expected),
        CanonicalUrl.of(href, URI.create("https://base.example/feed")).orElse(null));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "fr-FR |      | fr",
        "en-us |      | en",
        "      | Les villes et les territoires innovent pour le climat | fr",
        "      | How cities are using data to improve public services | en",
      })
  void languages(String declared, String text, String expected) {
    assertEquals(expected, Languages.choose(null, declared, null, text == null ? "" : text));
  }
}
