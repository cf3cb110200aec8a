package org.veille.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.veille.support.Fetches;

class ConfigTest {
  /** The checks of every stage, as the command line loads the file. */
  private static final Checks CHECKS = Fetches.checks();

  private static final Path FILE = Path.of("/etc/veille/feeds.yaml");

  @Test
  void minimalConfigGetsEveryDefault() throws Exception {
    Config c =
        Config.parse(
            FILE,
            "sources:\n  - id: gazette\n    url: https://www.lagazettedescommunes.com/feed/\n",
            CHECKS);
    Settings s = c.settings();
    assertEquals(Path.of("/etc/veille/data"), s.dataDir());
    assertEquals(ZoneId.of("Europe/Paris"), s.timezone());
    assertEquals(Duration.ofSeconds(20), s.fetch().timeout());
    assertEquals(10L * 1024 * 1024, s.fetch().maxBytes());
    assertEquals(16, s.fetch().concurrency());
    assertTrue(s.fetch().respectRobots());
    assertEquals(SourceConfig.SourceType.FEED, c.sources().get(0).type());
    assertTrue(c.sources().get(0).enabled());
    assertTrue(c.topics().isEmpty());
  }

  @Test
  void fullConfigIsRead() throws Exception {
    Config c =
        Config.parse(
            FILE,
            """
        settings:
          data_dir: /var/lib/veille
          timezone: Europe/Paris
          fetch: {timeout: 5s, max_bytes: 500KB, concurrency: 4, per_host_delay: 250ms, respect_robots: false}
          newsletter: {title: "Veille", locale: en, recipients: ["a@example.org", "Bob <b@example.org>"], max_items: 30}
          smtp: {host: smtp.example.org, ssl: true, username: veille}
        topics:
          - id: smart-city
            name: Ville intelligente
            query: '"smart city" OR "ville intelligente"'
        sources:
          - id: anct
            url: https://anct.gouv.fr/actualites
            type: page
            select: {item: ".fr-card", title: ".fr-card__title"}
            weight: 2
            enabled: no
        """,
            CHECKS);
    assertEquals(Path.of("/var/lib/veille"), c.settings().dataDir());
    assertEquals(500 * 1024, c.settings().fetch().maxBytes());
    assertEquals(Duration.ofMillis(250), c.settings().fetch().perHostDelay());
    assertEquals(465, c.settings().smtp().port());
    assertFalse(c.settings().smtp().starttls());
    assertEquals("en", c.settings().newsletter().locale());
    SourceConfig anct = c.sources().get(0);
    assertEquals(".fr-card", anct.select().item());
    assertEquals(2.0, anct.weight());
    assertFalse(anct.enabled());
    assertTrue(c.enabledSources().isEmpty());
  }

  static Stream<Arguments> brokenConfigs() {
    return Stream.of(
        Arguments.of("sources: [\n  - id: x\n", 2, "", "invalid YAML"),
        Arguments.of("settings:\n  timezone: Europe/Paris\n", 1, "sources", "missing"),
        Arguments.of(
            "sources:\n  - id: a\n    url: https://a.example/\n    colour: red\n",
            4,
            "sources[0].colour",
            "unknown key"),
        Arguments.of("sources:\n  - id: a\n    name: A\n", 2, "sources[0].url", "missing"),
        Arguments.of(
            "sources:\n  - id: a\n    url: https://a.example/\n  - id: a\n    url: https://b.example/\n",
            4,
            "sources[1].id",
            "duplicate id 'a' (first defined on line 2)"),
        Arguments.of(
            "sources:\n  - id: a\n    url: htp:/a.example\n",
            3,
            "sources[0].url",
            "absolute http or https URL"),
        Arguments.of(
            "sources:\n  - id: a\n    url: file:///etc/passwd\n",
            3,
            "sources[0].url",
            "absolute http or https URL"),
        Arguments.of(
            "settings:\n  fetch: {timeout: 20 seconds}\nsources: []\n",
            2,
            "settings.fetch.timeout",
            "bad duration"),
        Arguments.of(
            "settings:\n  fetch:\n    max_bytes: 10 megs\nsources: []\n",
            3,
            "settings.fetch.max_bytes",
            "bad size"),
        Arguments.of(
            "sources:\n  - id: anct\n    url: https://anct.gouv.fr/\n    type: page\n",
            2,
            "sources[0].select",
            "select.item"),
        Arguments.of(
            "sources:\n  - id: anct\n    url: https://anct.gouv.fr/\n    type: page\n    select: {title: h3}\n",
            5,
            "sources[0].select.item",
            "missing"),
        Arguments.of(
            "settings:\n  schedule: {crawl: \"every hour\"}\nsources: []\n",
            2,
            "settings.schedule.crawl",
            "bad cron expression"),
        Arguments.of(
            "settings:\n  backup: {schedule: \"nightly\"}\nsources: []\n",
            2,
            "settings.backup.schedule",
            "bad cron expression"),
        Arguments.of(
            "settings:\n  backup: {schedule: \"0 30 5 * * ?\", keep: 0}\nsources: []\n",
            2,
            "settings.backup.keep",
            "1"),
        Arguments.of(
            "settings:\n  backup: {every: daily}\nsources: []\n",
            2,
            "settings.backup.every",
            "unknown"),
        Arguments.of(
            "settings:\n  timezone: Paris\nsources: []\n",
            2,
            "settings.timezone",
            "unknown time zone"),
        Arguments.of(
            "settings:\n  newsletter: {recipients: [\"not-an-address\"]}\nsources: []\n",
            2,
            "settings.newsletter.recipients[0]",
            "invalid email"),
        Arguments.of(
            "settings:\n  smtp: {password: hunter2}\nsources: []\n",
            2,
            "settings.smtp.password",
            "password_env"),
        Arguments.of(
            "topics:\n  - id: t\n    name: T\nsources: []\n", 2, "topics[0].query", "missing"),
        Arguments.of(
            "sources:\n  - id: Bad Id\n    url: https://a.example/\n",
            2,
            "sources[0].id",
            "lower-case"),
        Arguments.of(
            "sources:\n  - id: a\n    url: https://a.example/\n    type: podcast\n",
            4,
            "sources[0].type",
            "feed or page"),
        Arguments.of(
            "sources:\n  - id: a\n    url: https://a.example/\n    type: page\n    select: {item: \"div[\"}\n",
            5,
            "sources[0].select.item",
            "bad CSS selector"));
  }

  @ParameterizedTest
  @MethodSource("brokenConfigs")
  void brokenConfigNamesFileLineAndField(String yaml, int line, String field, String words) {
    ConfigException e = assertThrows(ConfigException.class, () -> Config.parse(FILE, yaml, CHECKS));
    assertEquals(line, e.line(), e.getMessage());
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().startsWith(FILE + ":" + line + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(words), e.getMessage());
  }

  @Test
  void missingFileIsAClearError() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> Config.load(Path.of("/nonexistent/feeds.yaml"), CHECKS));
    assertTrue(e.getMessage().contains("config file not found"), e.getMessage());
  }

  @Test
  void shippedFeedsYamlIsValidAndRich() throws Exception {
    Config c = Config.load(Path.of("feeds.yaml"), CHECKS);
    assertTrue(c.sources().size() >= 30, "30+ sources: " + c.sources().size());
    assertTrue(
        c.topics().size() >= 8 && c.topics().size() <= 12, "8–12 topics: " + c.topics().size());
    assertTrue(
        c.sources().stream().anyMatch(s -> !s.enabled()), "low-confidence sources ship disabled");
    assertTrue(c.sources().stream().anyMatch(s -> s.type() == SourceConfig.SourceType.PAGE));
  }
}
