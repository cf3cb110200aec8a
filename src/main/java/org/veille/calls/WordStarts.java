package org.veille.calls;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of a fixed set of words (or phrases) begin a word of a folded text, found in one pass: at
 * each word start only the words of that first letter are compared. A word starts where the
 * character before is no word character of a regular expression's {@code \b} ({@code
 * [A-Za-z0-9_]}), so every word a phrase's expression matches after {@code \b} or a space is seen.
 */
final class WordStarts {
  private final List<String> words;
  private final int[][] byFirst = new int[128][];
  private final int[] others;
  private final Map<String, Integer> indexes = new HashMap<>();

  WordStarts(Set<String> words) {
    this.words = List.copyOf(new LinkedHashSet<>(words));
    List<Integer> other = new ArrayList<>();
    List<List<Integer>> first = new ArrayList<>();
    for (int c = 0; c < 128; c++) {
      first.add(new ArrayList<>());
    }
    for (int i = 0; i < this.words.size(); i++) {
      indexes.put(this.words.get(i), i);
      char c = this.words.get(i).charAt(0);
      if (c < 128) {
        first.get(c).add(i);
      } else {
        other.add(i);
      }
    }
    others = other.stream().mapToInt(Integer::intValue).toArray();
    for (int c = 0; c < 128; c++) {
      byFirst[c] = first.get(c).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /** The index of {@code word} in the bits {@link #in} returns. */
  int index(String word) {
    Integer i = indexes.get(word);
    if (i == null) {
      throw new IllegalArgumentException("not one of the words: " + word);
    }
    return i;
  }

  /** The words that begin a word of {@code folded}, as bits by {@link #index}. */
  BitSet in(String folded) {
    BitSet found = new BitSet(words.size());
    boolean afterWordChar = false;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (!afterWordChar) {
        for (int w : c < 128 ? byFirst[c] : others) {
          if (folded.startsWith(words.get(w), i)) {
            found.set(w);
          }
        }
      }
      afterWordChar = c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }
    return found;
  }
}
