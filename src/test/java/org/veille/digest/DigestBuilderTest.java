package org.veille.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.config.Config;
import org.veille.store.SqliteStore;
import org.veille.support.Fetches;
import org.veille.support.Week;

/** Selection, ranking and grouping of a week, on a real store holding {@link Week}'s items. */
class DigestBuilderTest {
  @TempDir Path dir;
  private Config config;

  @BeforeEach
  void store() throws Exception {
    Path file = dir.resolve("feeds.yaml");
    Files.writeString(file, Week.config("fr", null), StandardCharsets.UTF_8);
    Week.store(file, dir.resolve("data"));
    config = Fetches.config(file);
  }

  private Digest week() {
    try (SqliteStore store = SqliteStore.open(dir.resolve("data/veille.db"))) {
      return new DigestBuilder(config, store.items())
          .build(Period.week(Week.NAME, config.settings().timezone()));
    }
  }

  @Test
  void selectsTheWeekOnceAnArticleWithoutALinkOrFromBeforeIsLeftOut() {
    Digest d = week();
    List<String> titles = d.shown().stream().map(Digest.Item::title).toList();
    assertFalse(titles.contains("Une brève sans lien"), "no link, no entry");
    assertFalse(titles.contains("Un article d'avant la semaine"));
    assertTrue(titles.contains("Un article sans date"), "dated by its first sighting");
    assertTrue(titles.contains("Un article daté de 2031"), "an implausible date: first sighting");
    Set<String> ids = new HashSet<>();
    d.shown().forEach(i -> assertTrue(ids.add(i.id()), "shown once: " + i.title()));
  }

  @Test
  void anArticleCarriedByTwoSourcesIsOneEntryThatRanksHigher() {
    Digest d = week();
    Digest.Item zfe =
        d.shown().stream()
            .filter(i -> i.title().startsWith("ZFE : la métropole"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("gazette", "localtis"), zfe.sources());
    assertEquals(3, d.headlines().size());
    assertTrue(d.headlines().contains(zfe), "two sources and a weight of 2: a headline");
  }

  @Test
  void sectionsFollowTheTopicsOfTheConfigAndRespectTheCap() {
    Digest d = week();
    List<String> order = config.topics().stream().map(t -> t.id()).toList();
    List<String> seen = d.sections().stream().map(Digest.Section::topic).toList();
    assertEquals(
        order.stream().filter(seen::contains).toList(), seen, "sections in feeds.yaml order");
    assertTrue(d.shown().size() <= config.settings().newsletter().maxItems());
    for (Digest.Section s : d.sections()) {
      assertTrue(s.items().stream().allMatch(i -> i.topics().contains(s.topic())));
    }
  }
}
