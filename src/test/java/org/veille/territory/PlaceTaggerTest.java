package org.veille.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the tagger reads in what people write: a decision table of sentences and their places. */
class PlaceTaggerTest {
  private static final PlaceTagger TAGGER = new PlaceTagger(Gazetteer.shipped());

  private static String communes(String text) {
    return String.join(" ", TAGGER.tag(null, text).communeCodes());
  }

  @ParameterizedTest(name = "{0} → [{1}]")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          La mairie de Saint-Ouen-sur-Seine ouvre une maison des projets       | 93070
          À SAINT OUEN SUR SEINE, le marché couvert rouvre                     | 93070
          Nouveau centre de santé à L'Haÿ-les-Roses                            | 94038
          Le conseil municipal de l’Hay les Roses a voté le budget             | 94038
          Une exposition à la mairie de Paris 13e                              | 75056
          Les habitants du XIIIe arrondissement consultés                      | 75056
          Réunion publique dans le 18e arrondissement                          | 75056
          Le 3e arrondissement de Lyon teste la rue aux enfants                | -
          Un tiers-lieu ouvre au 12 rue des Envierges, 75020                   | 75056
          Le budget 2026 de 75013 euros                                        | -
          Bilan des Jeux de Paris 2024 pour les sponsors                       | -
          Le chantier du Grand Paris Express avance à Pantin                   | 93055
          Un vélo-école porte de Montreuil                                     | 75056
          Une course dans le bois de Vincennes                                 | 75056
          Festival du film à Montreuil-sur-Mer                                 | -
          Saint-Ouen-l'Aumône inaugure sa médiathèque                          | -
          Grand Paris Sud lance un appel à projets                             | -
          Grand Paris Seine & Oise recrute                                     | -
          Clichy accueille un forum de l'emploi                                | 92024
          Le maire de Clichy-sous-Bois inaugure le tramway T4                  | 93014
          À Clichy-sous-Bois, la rénovation urbaine continue. À Clichy, le chantier est en avance | 93014
          La Vincennoise, ou Jean Vincennes, le peintre                        | -
          Le collège Vincennes-ville : rien                                    | 94080
          Des Parisiennes et des Montreuillois à la fête                       | -
          Saint-Denis de La Réunion accueille le festival                      | -
          À Saint-Denis, sur l'île de La Réunion, la saison cyclonique         | -
          À Saint-Denis, la réunion du conseil municipal                       | 93066
          Saint-Denis et Pierrefitte-sur-Seine fusionnent                      | 93066
          Un chantier rue de Paris à Vincennes                                 | 94080
          Le Blanc-Mesnil et Aulnay-sous-Bois, au Blanc-Mesnil                 | 93007 93005
          Un spectacle aux Lilas et au Pré-Saint-Gervais                       | 93045 93061
          des lilas en fleurs dans le jardin                                   | -
          le pantin de bois du théâtre                                         | -
          St-Maur-des-Fossés et Ste-Geneviève                                  | 94068
          Boulogne et Issy signent une convention                              | 92012 92040
          Paris Ouest La Défense vote son budget                               | -
          Montreuil (Pas-de-Calais) : un festival                              | -
          Montreuil et Bagnolet, en Seine-Saint-Denis                          | 93048 93006
          Antony Blinken reçu à l'Élysée                                       | -
          À Antony, le parc Heller                                             | 92002
          Antony Le Plessis-Robinson et Sceaux                                 | 92002 92060 92071
          La vente des Aéroports de Paris                                      | -
          Boulogne-sur-Mer et Boulogne : deux ports                            | -
          Le salon Paris Nord Villepinte                                       | 93078
          La ligne de Nogent-sur-Oise, à Nogent les trains sont en retard      | -
          """)
  void communesIn(String text, String expected) {
    assertEquals(expected == null ? "" : expected, communes(text));
  }

  @ParameterizedTest(name = "{0} → epts [{1}] depts [{2}]")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          Plaine Commune lance sa stratégie alimentaire                | T6      | -
          Est Ensemble et Grand-Orly Seine Bièvre s'associent          | T8 T12  | -
          le projet est ensemble porté par les habitants               | -       | -
          Un plan vélo pour la Seine-Saint-Denis                       | -       | 93
          Les collèges du 93 et du 94                                  | -       | 93 94
          Les habitants du 9-3 votent                                  | -       | 93
          Il habite au 93 rue de Charonne                              | -       | -
          Les départements 92, 93 et 94 coopèrent                      | -       | 92 93 94
          Bondy (93) inaugure une école                                | T8      | 93
          Le Val-de-Marne et les Hauts-de-Seine                        | -       | 92 94
          Ils ont dépensé le 93 000 euros                              | -       | -
          """)
  void areasIn(String text, String epts, String depts) {
    Places p = TAGGER.tag(null, text);
    assertEquals(epts == null ? "" : epts, String.join(" ", p.eptCodes()));
    assertEquals(depts == null ? "" : depts, String.join(" ", p.departementCodes()));
  }

  @Test
  void aCommuneBringsItsTerritoryAndDepartement() {
    Places p = TAGGER.tag("Argenteuil rénove ses écoles", "");
    assertEquals(List.of("95018"), p.communeCodes());
    assertEquals(List.of("T5"), p.eptCodes());
    assertEquals(List.of("95"), p.departementCodes());
    assertEquals("Argenteuil", p.communes().get(0).name());
  }

  @Test
  void aTitleAndATextDoNotJoinIntoOneName() {
    // "Clichy" ends the title, "sous-Bois" starts nothing: the title names Clichy alone
    assertEquals(List.of("92024"), TAGGER.tag("Forum à Clichy", "Sous les arbres").communeCodes());
  }

  @Test
  void everyCommuneOfAListIsTaggedFast() {
    List<String> names = new ArrayList<>();
    for (var c : Gazetteer.shipped().communes()) {
      names.add(c.name());
    }
    String text = "Les communes lauréates : " + String.join(", ", names.subList(0, 40)) + ".";
    Places p = TAGGER.tag("Quarante communes lauréates du label", text);
    assertEquals(40, p.communes().size(), () -> p.communeCodes().toString());
    long best = Long.MAX_VALUE;
    for (int run = 0; run < 20; run++) {
      long start = System.nanoTime();
      TAGGER.tag("Quarante communes lauréates du label", text);
      best = Math.min(best, System.nanoTime() - start);
    }
    double ms = best / 1e6;
    System.out.printf("tagging a list of 40 communes: %.3f ms%n", ms);
    assertTrue(ms < 50, "took " + ms + " ms");
  }

  @Test
  void aLongArticleStaysFast() {
    StringBuilder sb = new StringBuilder();
    String[] words =
        "la ville de Montreuil a présenté le nouveau plan local d'urbanisme intercommunal aux habitants réunis dans la salle des fêtes, avec les élus d'Est Ensemble et les services de l'État"
            .split(" ");
    for (int i = 0; sb.length() < 140_000; i++) {
      sb.append(words[i % words.length]).append(i % 17 == 0 ? ". " : " ");
    }
    int wordCount = sb.toString().split("\\s+").length;
    assertTrue(wordCount >= 20_000, "words: " + wordCount);
    String text = sb.toString();
    Places p = TAGGER.tag("Plan local d'urbanisme", text);
    assertEquals(List.of("93048"), p.communeCodes());
    assertEquals(List.of("T8"), p.eptCodes());
    long best = Long.MAX_VALUE;
    for (int run = 0; run < 5; run++) { // the best of a few runs: the machine may be busy
      long start = System.nanoTime();
      TAGGER.tag("Plan local d'urbanisme", text);
      best = Math.min(best, System.nanoTime() - start);
    }
    long ms = best / 1_000_000;
    System.out.printf("tagging %d words: %d ms%n", wordCount, ms);
    // generous bounds: the build machine may be shared; a quadratic matcher takes seconds here
    assertTrue(ms < 1000, "took " + ms + " ms");
  }
}
