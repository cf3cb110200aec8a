package org.veille.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.veille.parse.ParsedItem;

/** Teaser or not: the decision table of the rule, with the reason each decision records. */
class TeaserRuleTest {
  private final TeaserRule rule = new TeaserRule(40);

  private static ParsedItem item(String summary, String content) {
    return new ParsedItem(
        "g1",
        URI.create("https://www.lagazettedescommunes.com/987654/"),
        "Titre",
        summary == null ? "" : summary,
        content == null ? "" : content,
        "",
        null,
        null,
        null,
        List.of(),
        "fr");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "La métropole lance une concertation sur son plan climat […]||true|teaser: summary ends with “[…]”",
        "La métropole lance une concertation sur son plan climat [...]||true|teaser: summary ends with “[...]”",
        "La métropole lance une concertation sur son plan climat…||true|teaser: summary ends with “…”",
        "La métropole lance une concertation. Lire la suite »||true|teaser: summary ends with “Lire la suite”",
        "The city council approved the plan on Tuesday. Read more||true|teaser: summary ends with “Read more”",
        "The city council approved the plan. Continue reading →||true|teaser: summary ends with “Continue reading”",
        "Le décret est paru au Journal officiel.||true|teaser: no content and a summary of 7 words (under min_words 40)",
        "||true|teaser: no content and a summary of 0 words (under min_words 40)",
      })
  void teasers(String summary, String content, boolean teaser, String reason) {
    TeaserRule.Decision d = rule.judge(item(summary, content));
    assertEquals(teaser, d.teaser(), d.reason());
    assertEquals(reason, d.reason());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Un résumé qui se termine par un point.|WORDS_200|false|the feed gives 200 words of content",
        "Un long chapô […]|WORDS_200|false|the feed gives 200 words of content",
        "WORDS_45||false|no content, but a summary of 45 words",
        "|WORDS_60 Lire la suite|true|teaser: content of 63 words ends with “Lire la suite”",
        "Le plan sera présenté à la suite du conseil municipal.|WORDS_200|false|the feed gives 200 words of content",
      })
  void contentAndLongSummaries(String summary, String content, boolean teaser, String reason) {
    TeaserRule.Decision d = rule.judge(item(words(summary), words(content)));
    assertEquals(teaser, d.teaser(), d.reason());
    assertEquals(reason, d.reason());
  }

  /** WORDS_N becomes N words of French. */
  private static String words(String s) {
    if (s == null) {
      return null;
    }
    var m = java.util.regex.Pattern.compile("WORDS_(\\d+)").matcher(s);
    if (!m.find()) {
      return s;
    }
    String[] pool =
        "la commune engage des travaux de rénovation énergétique dans ses écoles".split(" ");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Integer.parseInt(m.group(1)); i++) {
      sb.append(i == 0 ? "" : " ").append(pool[i % pool.length]);
    }
    return m.replaceFirst(sb.toString());
  }
}
