package org.veille.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Call detection as a decision table: title, text, from a calls source, the kind (empty: none). */
class CallDetectorTest {

  @ParameterizedTest(name = "{0} | {1} | source={2} -> {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "",
      textBlock =
          """
          Appel à projets « Tiers-lieux » 2026         | Dépôt avant le 15 mars.           | false | aap
          AAP Mobilités du quotidien                  | Un appel en deux étapes.          | false | aap
          APPEL A PROJETS SPORT ET HANDICAP           | LES DOSSIERS SONT A ENVOYER.      | false | aap
          AMI Foncier solidaire                       | Réponses attendues le 12 juin.    | false | ami
          Appel à manifestation d'intérêt : locaux    | Candidatez.                       | false | ami
          Appel à candidatures : jurés citoyens       | Candidatez avant le 6 mars.       | false | candidatures
          Budget participatif                         | Appel à propositions : déposez vos idées. | false | propositions
          Concours Talents des cités 2026             | Inscriptions jusqu'au 30 octobre. | false | concours
          Horizon Europe: call for proposals          | Deadline 17 September.            | false | proposals
          Call for projects: urban cooling            | Proposals are due on 12 November. | false | projects
          CALL FOR APPLICATIONS - YOUNG INNOVATORS    | APPLY BEFORE 26 MARCH.            | false | applications
          New funding for cities                      | Topic HORIZON-CL5-2026-D6-01 is open; apply by 17 September. | false | eu
          Innovate UK Smart Grants                    | Applications on a rolling basis.  | false | funding
          Liste des aides de la semaine               | Texte.                            | true  | source
          # not calls
          Un ami de la commune nous a quitté          | Hommage le 3 mars.                | false |
          Les lauréats de l'appel à projets dévoilés  | Douze projets retenus.            | false |
          Results of the 2026 Urban Innovative Actions call | Twenty projects selected.   | false |
          Budget 2026 voté le 12 février              | Séance le 12 février 2026 à 9h30. | false |
          Réunion publique le 3 mars                  | La ville remercie l'appel à projets régional qui a financé la place. | false |
          Inauguration avec le concours de la Région  | Le 28 mars 2026 à 10h.            | false |
          Mayor calls for more cycling lanes          | The council votes on 30 September. | false |
          """)
  void detectsTheKind(String title, String text, boolean source, String kind) {
    assertEquals(kind, CallDetector.detect(title, text, source).orElse(null), title);
  }
}
