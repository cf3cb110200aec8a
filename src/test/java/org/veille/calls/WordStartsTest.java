package org.veille.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordStartsTest {
  private final WordStarts words =
      new WordStarts(new LinkedHashSet<>(List.of("appel", "projet", "horizon-", "open call")));

  private boolean has(String text, String word) {
    return words.in(text).get(words.index(word));
  }

  @Test
  void aWordCountsWhereAWordBeginsOnly() {
    assertTrue(has("appel a projets", "appel"));
    assertTrue(has("l'appel a projets", "appel"), "after an apostrophe");
    assertTrue(has("(appels)", "appel"), "a prefix of a longer word");
    assertFalse(has("un rappel", "appel"), "inside a word");
    assertFalse(has("x_appel", "appel"), "after an underscore, as \\b reads it");
    assertTrue(has("horizon-cl5-2027", "horizon-"));
    assertFalse(has("horizon europe", "horizon-"));
    assertTrue(has("an open call for", "open call"));
    assertFalse(has("an open  call", "open call"), "a phrase is matched as written");
  }

  @Test
  void everyWordOfTheTextIsSeenInOnePass() {
    BitSet found = words.in("projet: appel; open call — horizon-europe");
    assertEquals(4, found.cardinality(), found.toString());
    assertTrue(words.in("").isEmpty());
  }
}
