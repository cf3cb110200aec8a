package org.veille.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.BreakIterator;
import org.junit.jupiter.api.Test;

class WordBreaksTest {
  @Test
  void boundariesAreWordStartsAndTheEnds() {
    WordBreaks b = new WordBreaks();
    b.setText(new java.text.StringCharacterIterator("Les  villes innovent."));
    assertEquals(0, b.first());
    assertEquals(5, b.next());
    assertEquals(12, b.next());
    assertEquals(21, b.next());
    assertEquals(BreakIterator.DONE, b.next());
    assertEquals(12, b.preceding(15));
    assertEquals(5, b.following(2));
    assertEquals(0, b.preceding(5));
    assertEquals(BreakIterator.DONE, b.following(21));
    assertEquals(21, b.last());
  }
}
