package org.veille.territory;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words around a name or a number that tell what it is: a first name or a civility before a
 * name makes it a person ("Jean Vincennes"), a street type a street ("rue de Montreuil" may be
 * anywhere), a unit after a number a quantity ("le 93 rue …", "94 000 euros").
 */
final class Clues {
  private Clues() {}

  static final Set<String> CIVILITIES =
      Set.of("m", "mme", "mlle", "mr", "monsieur", "madame", "mademoiselle", "dr", "docteur", "me");

  static final Set<String> FIRST_NAMES =
      Set.of(
          "jean",
          "pierre",
          "paul",
          "jacques",
          "michel",
          "philippe",
          "alain",
          "patrick",
          "nicolas",
          "christophe",
          "francois",
          "daniel",
          "bernard",
          "eric",
          "frederic",
          "laurent",
          "stephane",
          "olivier",
          "david",
          "julien",
          "thomas",
          "sebastien",
          "vincent",
          "antoine",
          "alexandre",
          "mathieu",
          "matthieu",
          "guillaume",
          "romain",
          "maxime",
          "hugo",
          "lucas",
          "louis",
          "gabriel",
          "arthur",
          "jules",
          "adam",
          "mohamed",
          "karim",
          "rachid",
          "mehdi",
          "yanis",
          "marc",
          "luc",
          "gerard",
          "andre",
          "rene",
          "claude",
          "serge",
          "yves",
          "didier",
          "thierry",
          "pascal",
          "franck",
          "bruno",
          "denis",
          "gilles",
          "herve",
          "marie",
          "anne",
          "sophie",
          "nathalie",
          "isabelle",
          "sylvie",
          "catherine",
          "christine",
          "valerie",
          "sandrine",
          "celine",
          "julie",
          "camille",
          "lea",
          "manon",
          "chloe",
          "emma",
          "ines",
          "sarah",
          "laura",
          "claire",
          "agnes",
          "helene",
          "martine",
          "francoise",
          "monique",
          "brigitte",
          "karine",
          "aurelie",
          "elodie",
          "fatima",
          "amina",
          "leila",
          "nadia",
          "samia",
          "anne-marie",
          "jeanne",
          "louise",
          "alice",
          "lucie",
          "pauline",
          "marion",
          "charlotte",
          "juliette",
          "clara",
          "zoe",
          "nina",
          "rose",
          "emmanuel",
          "benoit",
          "cedric",
          "fabrice",
          "jerome",
          "ludovic",
          "arnaud",
          "damien",
          "xavier",
          "antony",
          "yannick",
          "hakim",
          "samir",
          "sofiane",
          "ahmed",
          "youssef",
          "ali",
          "omar");

  static final Set<String> STREETS =
      Set.of(
          "rue",
          "avenue",
          "av",
          "boulevard",
          "bd",
          "route",
          "chemin",
          "quai",
          "impasse",
          "allee",
          "cours",
          "villa",
          "passage",
          "square",
          "sentier",
          "pont",
          "rond",
          "cite",
          "ruelle");

  static final Set<String> OF = Set.of("de", "d", "du", "des");

  /** After a number: it counts something, or is part of an address or a date. */
  static final Set<String> UNITS =
      Set.of(
          "rue",
          "avenue",
          "av",
          "boulevard",
          "bd",
          "bis",
          "ter",
          "place",
          "quai",
          "allee",
          "chemin",
          "route",
          "impasse",
          "cours",
          "ans",
          "an",
          "euros",
          "euro",
          "eur",
          "k",
          "m",
          "m2",
          "km",
          "kg",
          "t",
          "h",
          "heures",
          "minutes",
          "min",
          "mn",
          "secondes",
          "jours",
          "mois",
          "semaines",
          "fois",
          "pourcent",
          "pour",
          "habitants",
          "personnes",
          "logements",
          "emplois",
          "eleves",
          "places",
          "lits",
          "sieges",
          "voix",
          "millions",
          "milliards",
          "mille",
          "000",
          "janvier",
          "fevrier",
          "mars",
          "avril",
          "mai",
          "juin",
          "juillet",
          "aout",
          "septembre",
          "octobre",
          "novembre",
          "decembre",
          "hectares",
          "ha",
          "metres",
          "kilometres",
          "points",
          "pts",
          "ou",
          "e",
          "eme");

  static final Set<String> ARRONDISSEMENT =
      Set.of("arrondissement", "arrondissements", "arr", "arrt", "ardt");

  /** Cities whose arrondissements are not Paris's. */
  static final Set<String> OTHER_ARRONDISSEMENTS = Set.of("lyon", "marseille");

  static final Set<String> BEFORE_DEPARTEMENT_NUMBER = Set.of("le", "du", "au");

  static final Set<String> DEPARTEMENT_WORDS = Set.of("departement", "departements", "dept", "dep");

  private static final Pattern ORDINAL =
      Pattern.compile("([1-9]|1[0-9]|20)(e|er|re|eme|ieme)|([ivx]{1,5})(e|er|eme|ieme)");

  /** The arrondissement number an ordinal word gives ("13e", "XIIIe", "1er"), or 0. */
  static int ordinal(String w) {
    var m = ORDINAL.matcher(w);
    if (!m.matches()) {
      return 0;
    }
    if (m.group(1) != null) {
      return Integer.parseInt(m.group(1));
    }
    int n = roman(m.group(3));
    return n >= 1 && n <= 20 ? n : 0;
  }

  private static int roman(String r) {
    int total = 0;
    int prev = 0;
    for (int i = r.length() - 1; i >= 0; i--) {
      int v =
          switch (r.charAt(i)) {
            case 'i' -> 1;
            case 'v' -> 5;
            default -> 10;
          };
      total += v < prev ? -v : v;
      prev = Math.max(prev, v);
    }
    return total;
  }

  static boolean year(String w) {
    return w.length() == 4
        && (w.startsWith("19") || w.startsWith("20"))
        && Character.isDigit(w.charAt(2))
        && Character.isDigit(w.charAt(3));
  }

  static boolean number(String w) {
    return !w.isEmpty() && Character.isDigit(w.charAt(0));
  }
}
