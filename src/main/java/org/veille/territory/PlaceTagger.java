package org.veille.territory;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.veille.territory.Gazetteer.Area;
import org.veille.territory.Gazetteer.Commune;
import org.veille.territory.Trie.Entry;
import org.veille.territory.Trie.Kind;
import org.veille.territory.Trie.Match;

/**
 * Finds the communes, territories and départements an item is about, in its title and text. One
 * pass over the words with a trie of every name (the longest name wins: "Clichy-sous-Bois" over
 * "Clichy", "Seine-Saint-Denis" over "Saint-Denis", "Paris 2024" and "Grand Paris Express" over
 * "Paris"), then the readings that need the whole item: a short name that starts a longer one the
 * item also uses is that longer place ("Clichy" in an item about Clichy-sous-Bois, "Saint-Denis" in
 * one about Saint-Denis de La Réunion), and a commune mistaken for a place outside ("Saint-Denis"
 * with "La Réunion") is dropped unless something else in the item points to its département.
 * Numbers count in context: arrondissements and postal codes of Paris, "le 93", "(94)". Immutable
 * and thread-safe.
 */
public final class PlaceTagger {
  private final Trie trie = new Trie();
  private final List<Commune> communes;
  private final List<Area> territories;
  private final List<Area> departements;
  private final List<Gazetteer.Outside> outside;
  private final Map<String, Integer> communeIndex = new HashMap<>();
  private final Map<String, Integer> territoryIndex = new HashMap<>();
  private final Map<String, Integer> departementIndex = new HashMap<>();
  private final Map<String, Integer> postal = new HashMap<>();

  /** Communes named like their département (Paris): never taken by a longer name. */
  private final BitSet namesakes = new BitSet();

  /** Per commune, the folded names of the outside places it is mistaken for. */
  private final Map<Integer, List<String>> confusables = new HashMap<>();

  private final int paris;

  public PlaceTagger(Gazetteer g) {
    communes = g.communes();
    territories = g.territories();
    departements = g.departements();
    outside = g.outside();
    for (int i = 0; i < territories.size(); i++) {
      Area t = territories.get(i);
      territoryIndex.put(t.code(), i);
      trie.add(t.name(), Kind.TERRITORY, i);
      t.aliases().forEach(a -> trie.add(a, Kind.TERRITORY, territoryIndex.get(t.code())));
    }
    for (int i = 0; i < departements.size(); i++) {
      Area d = departements.get(i);
      departementIndex.put(d.code(), i);
      trie.add(d.name(), Kind.DEPARTEMENT, i);
      for (String a : d.aliases()) {
        trie.add(a, Kind.DEPARTEMENT, i);
      }
    }
    for (int i = 0; i < communes.size(); i++) {
      Commune c = communes.get(i);
      communeIndex.put(c.code(), i);
      for (String name : names(c)) {
        trie.add(name, Kind.COMMUNE, i);
      }
      for (String p : c.postalCodes()) {
        postal.put(p, i);
      }
      Area d = departements.get(departementIndex.get(c.departement()));
      if (key(d.name()).equals(key(c.name()))) {
        namesakes.set(i);
      }
    }
    for (int i = 0; i < outside.size(); i++) {
      Gazetteer.Outside o = outside.get(i);
      trie.add(o.name(), Kind.OUTSIDE, i);
      for (String a : o.aliases()) {
        trie.add(a, Kind.OUTSIDE, i);
      }
      if (o.confusedWith() != null) {
        List<String> names =
            confusables.computeIfAbsent(communeIndex.get(o.confusedWith()), k -> new ArrayList<>());
        names.add(key(o.name()));
        o.aliases().forEach(a -> names.add(key(a)));
      }
    }
    paris = communeIndex.getOrDefault("75056", -1);
  }

  private static List<String> names(Commune c) {
    List<String> names = new ArrayList<>();
    names.add(c.name());
    names.addAll(c.aliases());
    // "au Blanc-Mesnil", "des Lilas", "de L'Haÿ-les-Roses": the article is often not the name's
    for (String n : List.copyOf(names)) {
      Tokens t = Tokens.ofName(n);
      if (t.size > 1
          && (t.words[0].equals("le")
              || t.words[0].equals("la")
              || t.words[0].equals("les")
              || t.words[0].equals("l"))) {
        names.add(n.substring(t.starts[1]));
      }
    }
    return names;
  }

  private static String key(String name) {
    Tokens t = Tokens.ofName(name);
    return String.join(" ", java.util.Arrays.copyOf(t.words, t.size));
  }

  /** The places of an item; {@code title} and {@code text} may be null or empty. */
  public Places tag(String title, String text) {
    Tokens t = Tokens.of(title, text);
    Found found = new Found();
    for (int i = 0; i < t.size; i++) {
      if (t.words[i] == Tokens.BOUNDARY) {
        continue;
      }
      Match m = trie.longest(t, i);
      if (m != null) {
        if (!person(t, i, m) && !street(t, i) && !event(t, m)) {
          found.add(m, m.key(t));
        }
        i += m.length() - 1;
        continue;
      }
      i += numbers(t, i, found);
    }
    return found.places();
  }

  /**
   * "Jean Vincennes", "Mme Clichy": a name after a first name or a civility is a person's; and
   * "Antony Blinken": a commune named like a first name, before a capitalised word, is one too.
   */
  private boolean person(Tokens t, int i, Match m) {
    int next = i + m.length();
    if (m.length() == 1
        && Clues.FIRST_NAMES.contains(t.words[i])
        && next < t.size
        && t.capital[next]
        && t.starts[next] == t.ends[i] + 1
        && t.text.charAt(t.ends[i]) == ' '
        && !Trie.FUNCTION_WORDS.contains(t.words[next])
        && trie.longest(t, next) == null) {
      return true;
    }
    if (i == 0 || !m.entries().get(0).capital()[0] || !t.capital[i - 1]) {
      return false;
    }
    String prev = t.words[i - 1];
    boolean adjacent = Character.isLetter(t.before(i)) || t.text.charAt(t.ends[i - 1]) == '.';
    return adjacent && (Clues.FIRST_NAMES.contains(prev) || Clues.CIVILITIES.contains(prev));
  }

  /** "rue de Montreuil", "avenue de Paris": a street named after a town may be anywhere. */
  private static boolean street(Tokens t, int i) {
    return i >= 2 && Clues.OF.contains(t.words[i - 1]) && Clues.STREETS.contains(t.words[i - 2]);
  }

  /** "Paris 2024", "Montreuil 2030": a name and a year is an event. */
  private static boolean event(Tokens t, Match m) {
    int next = m.start() + m.length();
    return next < t.size && Clues.year(t.words[next]) && m.entries().get(0).kind() == Kind.COMMUNE;
  }

  /**
   * Arrondissements, postal codes and département numbers at word {@code i}; returns how many words
   * after {@code i} it used.
   */
  private int numbers(Tokens t, int i, Found found) {
    String w = t.words[i];
    if (paris >= 0
        && i + 1 < t.size
        && Clues.ARRONDISSEMENT.contains(t.words[i + 1])
        && Clues.ordinal(w) > 0) {
      boolean elsewhere =
          (i + 3 < t.size
                  && Clues.OF.contains(t.words[i + 2])
                  && Clues.OTHER_ARRONDISSEMENTS.contains(t.words[i + 3]))
              || (i + 2 < t.size && Clues.OTHER_ARRONDISSEMENTS.contains(t.words[i + 2]));
      if (!elsewhere) {
        found.commune(paris, "#arrondissement");
      }
      return 1;
    }
    if (!Clues.number(w)) {
      return 0;
    }
    String next = i + 1 < t.size ? t.words[i + 1] : "";
    // "93 000", "94 200 habitants": a number followed by a unit or by its thousands
    boolean counts =
        Clues.UNITS.contains(next)
            || Clues.number(next)
                && (t.joinedBy(i, ' ') || t.joinedBy(i, '\u00A0') || t.joinedBy(i, '\u202F'));
    Integer commune = postal.get(w);
    if (commune != null && !counts) {
      found.commune(commune, w);
      return 0;
    }
    if (w.equals("9")
        && t.joinedBy(i, '-')
        && next.equals("3")
        && departementIndex.containsKey("93")) {
      found.departement(departementIndex.get("93"));
      return 1;
    }
    Integer dept = departementIndex.get(w.toUpperCase(java.util.Locale.ROOT));
    if (dept != null && !counts && departementNumber(t, i)) {
      found.departement(dept);
    }
    return 0;
  }

  private static boolean departementNumber(Tokens t, int i) {
    if (t.before(i) == '(' && t.after(i) == ')') {
      return true;
    }
    if (i > 0
        && Clues.BEFORE_DEPARTEMENT_NUMBER.contains(t.words[i - 1])
        && Character.isLetter(t.before(i))) {
      return true;
    }
    for (int k = i - 1; k >= 0 && k >= i - 6; k--) {
      String p = t.words[k];
      if (Clues.DEPARTEMENT_WORDS.contains(p)) {
        return true;
      }
      if (!(Clues.number(p)
          || p.equals("et")
          || p.equals("ou")
          || p.equals("le")
          || p.equals("la")
          || p.equals("les")
          || p.equals("de")
          || p.equals("du")
          || p.equals("des"))) {
        return false;
      }
    }
    return false;
  }

  /** What one item names, and the readings that need all of it. */
  private final class Found {
    /** Commune matches by the key (folded words) they were written with, in order. */
    private final Map<String, List<Integer>> communeKeys = new java.util.LinkedHashMap<>();

    private final Set<String> outsideKeys = new LinkedHashSet<>();
    private final Set<Integer> confusedOutside = new LinkedHashSet<>();
    private final Map<Integer, Integer> firstMention = new java.util.LinkedHashMap<>();
    private final BitSet namedTerritories = new BitSet();
    private final BitSet namedDepartements = new BitSet();
    private int mentions;

    void add(Match m, String key) {
      if (m.outside()) {
        outsideKeys.add(key);
        for (Entry e : m.entries()) {
          if (e.kind() == Kind.OUTSIDE && outside.get(e.index()).confusedWith() != null) {
            confusedOutside.add(communeIndex.get(outside.get(e.index()).confusedWith()));
          }
        }
        return;
      }
      for (Entry e : m.entries()) {
        switch (e.kind()) {
          case COMMUNE -> commune(e.index(), key);
          case TERRITORY -> namedTerritories.set(e.index());
          case DEPARTEMENT -> namedDepartements.set(e.index());
          default -> {}
        }
      }
    }

    void commune(int index, String key) {
      communeKeys.computeIfAbsent(key, k -> new ArrayList<>(1)).add(index);
      firstMention.putIfAbsent(index, mentions++);
    }

    void departement(int index) {
      namedDepartements.set(index);
    }

    Places places() {
      Map<Integer, Boolean> communeSet = resolve();
      List<Integer> ordered = new ArrayList<>(communeSet.keySet());
      ordered.sort(
          java.util.Comparator.comparingInt(c -> firstMention.getOrDefault(c, Integer.MAX_VALUE)));
      BitSet epts = (BitSet) namedTerritories.clone();
      BitSet depts = (BitSet) namedDepartements.clone();
      List<Places.Place> cs = new ArrayList<>();
      for (int c : ordered) {
        Commune commune = communes.get(c);
        cs.add(new Places.Place(commune.code(), commune.name()));
        if (commune.territory() != null) {
          epts.set(territoryIndex.get(commune.territory()));
        }
        depts.set(departementIndex.get(commune.departement()));
      }
      List<Places.Place> ts = new ArrayList<>();
      epts.stream()
          .forEach(
              i -> ts.add(new Places.Place(territories.get(i).code(), territories.get(i).name())));
      List<Places.Place> ds = new ArrayList<>();
      depts.stream()
          .forEach(
              i ->
                  ds.add(new Places.Place(departements.get(i).code(), departements.get(i).name())));
      return cs.isEmpty() && ts.isEmpty() && ds.isEmpty() ? Places.NONE : new Places(cs, ts, ds);
    }

    /** The communes once short names are read against the longer ones the item also uses. */
    private Map<Integer, Boolean> resolve() {
      Map<Integer, Boolean> out = new java.util.LinkedHashMap<>(); // commune -> named specifically
      List<String> keys = new ArrayList<>(communeKeys.keySet());
      keys.addAll(outsideKeys);
      for (var e : communeKeys.entrySet()) {
        String key = e.getKey();
        String longer = null;
        for (String k : keys) {
          if (k.length() > key.length() && k.startsWith(key) && k.charAt(key.length()) == ' ') {
            longer = k;
            break;
          }
        }
        for (int c : e.getValue()) {
          if (longer != null && !namesakes.get(c)) {
            for (int other : communeKeys.getOrDefault(longer, List.of())) {
              out.putIfAbsent(other, true);
              firstMention.merge(other, firstMention.get(c), Math::min);
            }
            continue; // the longer name says which place this is (or that it is outside)
          }
          out.merge(c, !bare(c, key), Boolean::logicalOr);
        }
      }
      for (int c : confusedOutside) {
        if (Boolean.FALSE.equals(out.get(c)) && !otherEvidence(c, out.keySet())) {
          out.remove(c);
        }
      }
      return out;
    }

    /** True when {@code key} could also start the name of a place {@code c} is mistaken for. */
    private boolean bare(int c, String key) {
      for (String n : confusables.getOrDefault(c, List.of())) {
        if (n.equals(key) || n.startsWith(key + " ")) {
          return true;
        }
      }
      return false;
    }

    private boolean otherEvidence(int c, Set<Integer> tagged) {
      Commune commune = communes.get(c);
      if (namedDepartements.get(departementIndex.get(commune.departement()))) {
        return true;
      }
      if (commune.territory() != null
          && namedTerritories.get(territoryIndex.get(commune.territory()))) {
        return true;
      }
      for (int other : tagged) {
        if (other != c && communes.get(other).departement().equals(commune.departement())) {
          return true;
        }
      }
      return false;
    }
  }
}
