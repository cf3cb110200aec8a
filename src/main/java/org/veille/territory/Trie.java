package org.veille.territory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every name of the gazetteer as a path of folded words, so that one walk from each word of a text
 * finds the longest name starting there: the cost is the number of words times the length of the
 * longest name, whatever the number of names.
 */
final class Trie {
  /** Words that never need a capital: "Saint-Ouen-sur-Seine", "porte de Montreuil". */
  static final Set<String> FUNCTION_WORDS =
      Set.of(
          "le", "la", "les", "l", "de", "du", "des", "d", "et", "sur", "sous", "en", "aux", "au",
          "a", "lez", "y");

  enum Kind {
    COMMUNE,
    TERRITORY,
    DEPARTEMENT,
    OUTSIDE
  }

  /**
   * One name of one place. {@code capital[k]} says that word {@code k} must be written with a
   * capital in the text ("Est Ensemble" is the territory, "est ensemble" is not).
   */
  record Entry(Kind kind, int index, boolean[] capital) {}

  static final class Node {
    private Map<String, Node> children;
    final List<Entry> entries = new ArrayList<>(1);

    Node child(String word) {
      return children == null ? null : children.get(word);
    }

    Node childOrNew(String word) {
      if (children == null) {
        children = new HashMap<>(4);
      }
      return children.computeIfAbsent(word, w -> new Node());
    }
  }

  final Node root = new Node();
  private int depth;

  /** Adds a name; a name with no word that needs a capital or a digit is refused (false). */
  boolean add(String name, Kind kind, int index) {
    Tokens t = Tokens.ofName(name);
    if (t.size == 0) {
      return false;
    }
    boolean[] capital = new boolean[t.size];
    boolean distinctive = false;
    Node n = root;
    for (int k = 0; k < t.size; k++) {
      String w = t.words[k];
      capital[k] = t.capital[k] && !FUNCTION_WORDS.contains(w);
      distinctive |= capital[k] || Character.isDigit(w.charAt(0));
      n = n.childOrNew(w);
    }
    if (!distinctive) {
      return false;
    }
    n.entries.add(new Entry(kind, index, capital));
    depth = Math.max(depth, t.size);
    return true;
  }

  /** The entries of the longest name starting at word {@code i} that the text writes correctly. */
  Match longest(Tokens t, int i) {
    Node n = root;
    Match best = null;
    for (int j = i; j < t.size && j - i < depth; j++) {
      n = n.child(t.words[j]);
      if (n == null) {
        break;
      }
      if (!n.entries.isEmpty()) {
        List<Entry> ok = new ArrayList<>(n.entries.size());
        for (Entry e : n.entries) {
          if (written(e, t, i)) {
            ok.add(e);
          }
        }
        if (!ok.isEmpty()) {
          best = new Match(i, j - i + 1, ok);
        }
      }
    }
    return best;
  }

  private static boolean written(Entry e, Tokens t, int i) {
    for (int k = 0; k < e.capital().length; k++) {
      if (e.capital()[k] && !t.capital[i + k]) {
        return false;
      }
    }
    return true;
  }

  /** Words {@code [start, start + length)} of a text name the places of {@code entries}. */
  record Match(int start, int length, List<Entry> entries) {
    String key(Tokens t) {
      return String.join(" ", java.util.Arrays.copyOfRange(t.words, start, start + length));
    }

    boolean outside() {
      return entries.stream().anyMatch(e -> e.kind() == Kind.OUTSIDE);
    }
  }
}
