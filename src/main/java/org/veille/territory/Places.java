package org.veille.territory;

import java.util.List;

/**
 * The places an item is about: communes (INSEE codes) in the order the item first names them,
 * territories ({@code T1}…{@code T12}) and départements ({@code "75"}…) in gazetteer order. A
 * commune brings its territory and département with it.
 */
public record Places(List<Place> communes, List<Place> epts, List<Place> departements) {

  /** A place by its code, with the name to show. */
  public record Place(String code, String name) {}

  public static final Places NONE = new Places(List.of(), List.of(), List.of());

  public Places {
    communes = List.copyOf(communes);
    epts = List.copyOf(epts);
    departements = List.copyOf(departements);
  }

  /**
   * The form in which a place's name is searched ({@code commune:"L'Haÿ-les-Roses"}): lower case,
   * accents removed, words joined by hyphens ({@code l-hay-les-roses}).
   */
  public static String nameKey(String name) {
    Tokens t = Tokens.ofName(name);
    return String.join("-", java.util.Arrays.copyOf(t.words, t.size));
  }

  public boolean isEmpty() {
    return communes.isEmpty() && epts.isEmpty() && departements.isEmpty();
  }

  public List<String> communeCodes() {
    return communes.stream().map(Place::code).toList();
  }

  public List<String> eptCodes() {
    return epts.stream().map(Place::code).toList();
  }

  public List<String> departementCodes() {
    return departements.stream().map(Place::code).toList();
  }
}
