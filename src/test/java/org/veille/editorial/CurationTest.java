package org.veille.editorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veille.config.Topic;
import org.veille.digest.Digest;
import org.veille.digest.Period;

/** The editor's decisions applied to a ranked week, as the letter will show it. */
class CurationTest {
  private static final Instant AT = Instant.parse("2026-11-23T07:00:00Z");
  private static final List<Topic> TOPICS =
      List.of(
          new Topic("mobilite-zfe", "Mobilité et ZFE", "zfe", 1),
          new Topic("climat-gemapi", "Climat et GEMAPI", "gemapi", 2));

  private static Digest.Item item(String id, String title, String... topics) {
    return new Digest.Item(
        id,
        title,
        "https://news.example/" + id,
        "gazette",
        "La Gazette des communes",
        List.of("gazette"),
        Instant.parse("2026-11-18T08:00:00Z"),
        "Résumé de " + title + ".",
        List.of(topics),
        1,
        List.of());
  }

  private static final Digest.Item ZFE = item("zfe", "ZFE : nouveau calendrier", "mobilite-zfe");
  private static final Digest.Item GEMAPI = item("gemapi", "GEMAPI expliquée", "climat-gemapi");
  private static final Digest.Item LEZ = item("lez", "Low emission zones", "mobilite-zfe");
  private static final Digest.Item VELO = item("velo", "Plan vélo", "mobilite-zfe");
  private static final Digest.Item CRUE = item("crue", "Crues : alerte", "climat-gemapi");
  private static final Digest.Item BUDGET = item("budget", "Budget participatif");
  private static final Digest.Item EXTRA = item("extra", "Un article oublié", "climat-gemapi");

  private static Digest ranked() {
    return new Digest(
        Period.week("2026-W47", java.time.ZoneId.of("Europe/Paris")),
        "Veille",
        7,
        3,
        List.of(ZFE, GEMAPI, LEZ),
        List.of(
            new Digest.Section("mobilite-zfe", "Mobilité et ZFE", List.of(VELO)),
            new Digest.Section("climat-gemapi", "Climat et GEMAPI", List.of(CRUE))),
        new Digest.Section(null, "Autres actualités", List.of(BUDGET)));
  }

  private static Curation.Letter apply(Draft d) {
    return new Curation(TOPICS)
        .apply(ranked(), d, id -> id.equals("extra") ? Optional.of(EXTRA) : Optional.empty());
  }

  private static List<String> ids(List<Digest.Item> items) {
    return items.stream().map(Digest.Item::id).toList();
  }

  private static Map<String, List<String>> sections(Digest d) {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    d.sections().forEach(s -> out.put(s.topic(), ids(s.items())));
    out.put(null, ids(d.others().items()));
    return out;
  }

  @Test
  void withoutDecisionsTheLetterIsTheRankedDigest() {
    Digest d = apply(Draft.empty("main", "2026-W47")).digest();
    assertEquals(ids(ranked().shown()), ids(d.shown()));
    assertEquals(List.of("zfe", "gemapi", "lez"), ids(d.headlines()));
  }

  @Test
  void aPinLeadsTheHeadlinesAndPushesTheLastOneToTheTopOfItsSection() {
    Curation.Letter l =
        apply(Draft.empty("main", "2026-W47").pin("crue", Draft.PinTo.HEADLINES, AT));
    assertEquals(List.of("crue", "zfe", "gemapi"), ids(l.digest().headlines()));
    assertEquals(List.of("lez", "velo"), sections(l.digest()).get("mobilite-zfe"));
    assertTrue(l.pinned().contains("crue"));
  }

  @Test
  void aPinToItsSectionPutsItFirstThere() {
    Digest d = apply(Draft.empty("main", "2026-W47").pin("velo", Draft.PinTo.SECTION, AT)).digest();
    assertEquals(List.of("velo"), sections(d).get("mobilite-zfe"));
    d = apply(Draft.empty("main", "2026-W47").pin("gemapi", Draft.PinTo.SECTION, AT)).digest();
    assertEquals(List.of("zfe", "lez"), ids(d.headlines()));
    assertEquals(List.of("gemapi", "crue"), sections(d).get("climat-gemapi"));
  }

  @Test
  void hideMoveAddAndOverrides() {
    Draft draft =
        Draft.empty("main", "2026-W47")
            .hide("zfe", AT)
            .move("budget", "climat-gemapi", AT)
            .move("velo", Draft.NO_TOPIC, AT)
            .add("extra", AT)
            .add("gone-from-store", AT)
            .title("lez", "Zones à faibles émissions : ce que font Milan et Paris", AT)
            .summary("lez", "Un résumé écrit par l'équipe.", AT);
    Curation.Letter l = apply(draft);
    Digest d = l.digest();
    assertTrue(ids(d.shown()).stream().noneMatch(id -> id.equals("zfe")), "hidden");
    assertEquals(List.of("gemapi", "lez"), ids(d.headlines()), "no ranked item to fill in");
    assertEquals(List.of("crue", "budget", "extra"), sections(d).get("climat-gemapi"));
    assertEquals(List.of("velo"), sections(d).get(null));
    Digest.Item lez = d.headlines().get(1);
    assertEquals("Zones à faibles émissions : ce que font Milan et Paris", lez.title());
    assertEquals("Un résumé écrit par l'équipe.", lez.summary());
    assertEquals(List.of("zfe"), l.hidden());
    assertEquals(java.util.Set.of("lez"), l.overridden());
  }

  @Test
  void theLastOfPinAndHideWins() {
    Draft d =
        Draft.empty("main", "2026-W47").pin("crue", Draft.PinTo.HEADLINES, AT).hide("crue", AT);
    assertTrue(d.pins().isEmpty());
    assertEquals(java.util.Set.of("crue"), d.hidden());
    d = d.pin("crue", Draft.PinTo.HEADLINES, AT);
    assertTrue(d.hidden().isEmpty());
    assertEquals("crue", ids(apply(d).digest().headlines()).get(0));
  }

  @Test
  void overridesAreCheckedForLength() {
    Draft d = Draft.empty("main", "2026-W47");
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> d.title("zfe", "x".repeat(301), AT));
    assertTrue(e.getMessage().contains("limit is 300"), e.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> d.summary("zfe", "  ", AT));
  }
}
